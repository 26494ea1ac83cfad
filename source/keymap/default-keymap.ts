import type {KeyBinding} from './commands.js';

/**
 * THE key table's fixed rows. Rows for panes, sorting and resource actions
 * are added from the resource descriptors by key-table.ts, so adding a pane
 * never means editing this file.
 */
export const defaultKeymap: readonly KeyBinding[] = [
	{command: 'app.help', keys: ['?'], scope: 'global', group: 'General', description: 'show every key (this screen)', hint: 'help'},
	{command: 'app.command', keys: [':'], scope: 'global', group: 'General', description: 'command mode: type a pane name (:containers, :co), help or quit'},
	{command: 'app.back', keys: ['q', 'escape'], scope: 'global', group: 'General', description: 'go back; quit from the first screen', hint: 'back/quit'},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'global', group: 'General', description: 'quit at once'},

	{command: 'cursor.down', keys: ['j', 'down'], scope: 'navigation', group: 'Moving', description: 'move down one line'},
	{command: 'cursor.up', keys: ['k', 'up'], scope: 'navigation', group: 'Moving', description: 'move up one line'},
	{command: 'cursor.top', keys: ['g', 'home'], scope: 'navigation', group: 'Moving', description: 'go to the first line'},
	{command: 'cursor.bottom', keys: ['G', 'end'], scope: 'navigation', group: 'Moving', description: 'go to the last line'},
	{command: 'cursor.pageDown', keys: ['pagedown'], scope: 'navigation', group: 'Moving', description: 'one page down'},
	{command: 'cursor.pageUp', keys: ['pageup'], scope: 'navigation', group: 'Moving', description: 'one page up'},
	{command: 'cursor.halfDown', keys: ['ctrl+d'], scope: 'navigation', group: 'Moving', description: 'half a page down'},
	{command: 'cursor.halfUp', keys: ['ctrl+u'], scope: 'navigation', group: 'Moving', description: 'half a page up'},

	{command: 'list.filter', keys: ['/'], scope: 'list', group: 'Lists', description: 'filter rows: text, /regex/, !text or !/regex/ to invert', hint: 'filter'},
	{command: 'list.inspect', keys: ['i', 'enter'], scope: 'list', group: 'Lists', description: 'inspect the selected row', hint: 'inspect'},

	{command: 'inspect.nextTab', keys: ['tab', 'right', 'l'], scope: 'inspect', group: 'Inspect', description: 'next tab', hint: 'next tab'},
	{command: 'inspect.prevTab', keys: ['shift+tab', 'left', 'h'], scope: 'inspect', group: 'Inspect', description: 'previous tab'},
	{command: 'inspect.reveal', keys: ['x'], scope: 'inspect', group: 'Inspect', description: 'reveal or mask values of secret-looking variables', hint: 'reveal'},

	{command: 'confirm.yes', keys: ['y', 'enter'], scope: 'confirm', group: 'Dialogs', description: 'confirm the action shown', hint: 'confirm'},
	{command: 'confirm.no', keys: ['n', 'escape', 'q'], scope: 'confirm', group: 'Dialogs', description: 'cancel', hint: 'cancel'},
	{command: 'prompt.submit', keys: ['enter'], scope: 'prompt', group: 'Dialogs', description: 'apply the filter or run the command typed', hint: 'apply'},
	{command: 'prompt.cancel', keys: ['escape'], scope: 'prompt', group: 'Dialogs', description: 'close the prompt (a filter is cleared)', hint: 'cancel'},
];
