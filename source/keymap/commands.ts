/**
 * Every command the key table can name. Code handles commands, never raw
 * keys. Resource actions ("container.stop") and pane switches ("pane.containers")
 * come from the resource descriptors, so their ids are open strings.
 */
export type StaticCommandId =
	| 'app.quit'
	| 'app.back'
	| 'app.help'
	| 'app.command'
	| 'cursor.down'
	| 'cursor.up'
	| 'cursor.top'
	| 'cursor.bottom'
	| 'cursor.pageDown'
	| 'cursor.pageUp'
	| 'cursor.halfDown'
	| 'cursor.halfUp'
	| 'list.filter'
	| 'list.inspect'
	| 'list.open'
	| 'list.logs'
	| 'list.stats'
	| 'list.mark'
	| 'list.markAll'
	| 'list.group'
	| 'list.top'
	| 'list.groupLogs'
	| 'logs.timestamps'
	| 'logs.wrap'
	| 'logs.save'
	| 'logs.copy'
	| 'logs.search'
	| 'logs.nextMatch'
	| 'logs.prevMatch'
	| 'logs.filter'
	| 'logs.follow'
	| 'inspect.nextTab'
	| 'inspect.prevTab'
	| 'inspect.reveal'
	| 'confirm.yes'
	| 'confirm.no'
	| 'prompt.submit'
	| 'prompt.cancel';

export type CommandId = StaticCommandId | `pane.${string}` | `sort.${string}` | `action.${string}` | `logs.preset.${string}`;

/**
 * Where a key is live. A view activates a stack of scopes, most specific
 * first; the first row that matches wins.
 */
export type Scope = 'global' | 'navigation' | 'list' | 'inspect' | 'logs' | 'confirm' | 'prompt' | 'help' | `resource.${string}`;

export interface KeyBinding {
	command: CommandId;
	/** Key names as produced by keyNames(): "j", "G", "ctrl+k", "enter". */
	keys: readonly string[];
	scope: Scope;
	/** Heading in the help screen and README. */
	group: string;
	description: string;
	/** Removes, kills, drains...: always passes through a confirm dialog. */
	dangerous?: boolean;
	/** Shown in the footer when its scope is active: the short label. */
	hint?: string;
}
