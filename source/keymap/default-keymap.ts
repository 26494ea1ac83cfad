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
	{command: 'list.inspect', keys: ['i'], scope: 'list', group: 'Lists', description: 'inspect the selected row', hint: 'inspect'},
	{command: 'list.open', keys: ['enter'], scope: 'list', group: 'Lists', description: "open the selected row: a service's tasks, a stack's services; elsewhere inspect"},

	{command: 'list.logs', keys: ['l'], scope: 'list', group: 'Lists', description: 'follow the logs of the selected row (of all marked rows, merged, when rows are marked)', hint: 'logs'},
	{command: 'list.mark', keys: ['space'], scope: 'list', group: 'Lists', description: 'mark or unmark the selected row and move down: actions and L then apply to every marked row'},
	{command: 'list.markAll', keys: ['ctrl+a'], scope: 'list', group: 'Lists', description: 'mark every row shown (the filter applies); again unmarks them; Esc clears the marks'},
	{command: 'list.group', keys: ['ctrl+g'], scope: 'list', group: 'Lists', description: 'group the rows (containers by compose project) or back to the flat list; the sort applies within each group'},
	{command: 'list.stats', keys: ['o'], scope: 'list', group: 'Lists', description: 'live stats of the selected row: CPU, memory, network and block I/O with charts (the Stats tab of inspect)', hint: 'stats'},
	{command: 'list.top', keys: ['t'], scope: 'list', group: 'Lists', description: "the selected container's processes (docker top), refreshed every 2 s (the Processes tab of inspect)"},
	{command: 'list.groupLogs', keys: ['L'], scope: 'list', group: 'Lists', description: "merged logs of the selected row's group (its compose project), or of the marked rows; each line prefixed by its source"},

	{command: 'logs.follow', keys: ['G', 'end'], scope: 'logs', group: 'Logs', description: 'go to the end and follow new lines (scrolling up pauses the follow)', hint: 'follow'},
	{command: 'logs.search', keys: ['/'], scope: 'logs', group: 'Logs', description: 'search: text, /regex/; matches are highlighted', hint: 'search'},
	{command: 'logs.nextMatch', keys: ['n'], scope: 'logs', group: 'Logs', description: 'next match'},
	{command: 'logs.prevMatch', keys: ['N'], scope: 'logs', group: 'Logs', description: 'previous match'},
	{command: 'logs.filter', keys: ['f'], scope: 'logs', group: 'Logs', description: 'show only the lines that match the search (again to show all)', hint: 'filter'},
	{command: 'logs.timestamps', keys: ['t'], scope: 'logs', group: 'Logs', description: 'show or hide timestamps', hint: 'time'},
	{command: 'logs.wrap', keys: ['w'], scope: 'logs', group: 'Logs', description: 'wrap long lines or cut them at the edge', hint: 'wrap'},
	{command: 'logs.copy', keys: ['c'], scope: 'logs', group: 'Logs', description: 'copy the selected line to the clipboard (OSC 52: works over ssh and in tmux)', hint: 'copy'},
	{command: 'logs.save', keys: ['ctrl+s'], scope: 'logs', group: 'Logs', description: 'save the lines held to a file (the path is shown)', hint: 'save'},
	{command: 'logs.preset.0', keys: ['0'], scope: 'logs', group: 'Logs', description: 'all lines since the container started'},
	{command: 'logs.preset.1', keys: ['1'], scope: 'logs', group: 'Logs', description: 'lines of the last minute'},
	{command: 'logs.preset.2', keys: ['2'], scope: 'logs', group: 'Logs', description: 'lines of the last 5 minutes'},
	{command: 'logs.preset.3', keys: ['3'], scope: 'logs', group: 'Logs', description: 'lines of the last 15 minutes'},
	{command: 'logs.preset.4', keys: ['4'], scope: 'logs', group: 'Logs', description: 'lines of the last hour'},
	{command: 'logs.preset.5', keys: ['5'], scope: 'logs', group: 'Logs', description: 'lines of the last 6 hours'},
	{command: 'logs.preset.6', keys: ['6'], scope: 'logs', group: 'Logs', description: 'lines of the last 24 hours'},

	{command: 'inspect.nextTab', keys: ['tab', 'right', 'l'], scope: 'inspect', group: 'Inspect', description: 'next tab', hint: 'next tab'},
	{command: 'inspect.prevTab', keys: ['shift+tab', 'left', 'h'], scope: 'inspect', group: 'Inspect', description: 'previous tab'},
	{command: 'inspect.reveal', keys: ['x'], scope: 'inspect', group: 'Inspect', description: 'reveal or mask values of secret-looking variables', hint: 'reveal'},

	{command: 'confirm.yes', keys: ['y', 'enter'], scope: 'confirm', group: 'Dialogs', description: 'confirm the action shown', hint: 'confirm'},
	{command: 'confirm.no', keys: ['n', 'escape', 'q'], scope: 'confirm', group: 'Dialogs', description: 'cancel', hint: 'cancel'},
	{command: 'prompt.submit', keys: ['enter'], scope: 'prompt', group: 'Dialogs', description: 'apply the filter or run the command typed', hint: 'apply'},
	{command: 'prompt.cancel', keys: ['escape'], scope: 'prompt', group: 'Dialogs', description: 'close the prompt (a filter is cleared)', hint: 'cancel'},
];
