import type {EngineSession} from '../engine/client.js';
import type {TerminalIo} from '../engine/exec.js';
import type {ContainerStats, Listed} from '../engine/types.js';
import type {Lister} from '../store/live-store.js';
import type {LogSource} from '../store/log-session.js';
import type {Line, Token} from '../theme/tokens.js';

/** What a row renderer may read besides the item itself. */
export interface RowContext {
	stats: Readonly<Record<string, ContainerStats>>;
	now: number;
}

export interface Column<T> {
	id: string;
	title: string;
	/**
	 * Fixed width in cells; or a flexible column with a minimum that shares
	 * what is left, and whose minimum grows to fit its longest value up to `fit`.
	 */
	width: number | {min: number; flex: number; fit?: number};
	align?: 'left' | 'right';
	value(item: T, context: RowContext): string;
	tone?(item: T, context: RowContext): Token | undefined;
	/** Shift+this letter sorts by the column (again reverses). Unique per descriptor. */
	sortKey?: string;
	sortValue?(item: T, context: RowContext): string | number | undefined;
	/** Hidden first when the terminal is narrow (higher goes first). Default 0: never hidden. */
	dropPriority?: number;
}

/**
 * One step an action will take, decided from the selected item: the exact
 * confirmation text (when needed) and the engine call.
 */
export interface ActionPlan {
	/** Shown in the confirm dialog, naming exactly what will happen; omit for no dialog. */
	confirm?: string;
	/** Label of the confirm button, e.g. "remove", "force remove". */
	confirmLabel?: string;
	/**
	 * May return a report to show in a dialog after success (a prune: what the
	 * engine removed, against the plan), or a tab of the item's detail to open
	 * (an update: its live rollout). `progress` shows a line in the status
	 * line while it runs (a pull: its layers).
	 */
	run(session: EngineSession, progress?: (line: string) => void): Promise<void | {report?: string; openTab?: string}>;
	/** Status line text after success, e.g. "stopped web-1". */
	done: string;
}

/**
 * An action that takes over the whole terminal (exec, attach): the screen
 * steps aside, `run` gets the terminal, and the screen comes back after.
 */
export interface HandOverPlan {
	handOver: true;
	/** Printed on the plain screen first, e.g. how to get back. */
	banner: string;
	run(session: EngineSession, io: TerminalIo): Promise<{ok: boolean; message: string}>;
	/** Keep the output on screen until a key is pressed (a typed command's output would vanish at once). */
	waitForKey?: boolean;
}

/** An action that needs one typed value first (a command to exec, a replica count). */
export interface AskPlan {
	ask: {
		/** The prompt, e.g. "command to run in web-1". */
		question: string;
		placeholder?: string;
		initial?: string;
		/** Masks what is typed (secret values). */
		secret?: boolean;
		/** A clear message when the text cannot be used; undefined when it can. */
		validate(text: string): string | undefined;
	};
	/**
	 * The plan for the validated text (which may ask again: a name, then a
	 * value). Not named `then`: an object with a then method is a thenable, and
	 * returning one from an async load would make the promise call it.
	 */
	answer(text: string): Plan;
}

/**
 * An action that must read the engine before it can say what it will do:
 * a drain previews which tasks move, a rollback diffs the specs.
 */
export interface LoadPlan {
	/** Status line text while loading, e.g. "reading the tasks on swlab2…". */
	loading: string;
	load(session: EngineSession): Promise<Plan>;
}

export type Plan = ActionPlan | HandOverPlan | AskPlan | LoadPlan | {refused: string};

export interface ActionDef<T> {
	/** Unique id, becomes the command "action.<id>". */
	id: string;
	keys: readonly string[];
	description: string;
	dangerous?: boolean;
	hint?: string;
	/** Plan for this item, or a reason why the action does not apply to it. */
	plan(item: T): Plan;
}

/** An action on the pane as a whole, needing no selected row (prune, create). */
export interface PaneActionDef<T> {
	/** Unique id, becomes the command "action.<id>". */
	id: string;
	keys: readonly string[];
	description: string;
	dangerous?: boolean;
	hint?: string;
	/** Plan from the rows the pane holds (all of them, not just the filtered ones). */
	plan(items: readonly T[]): Plan;
}

export interface DetailTab<D> {
	id: string;
	title: string;
	lines(detail: D, options: {revealSecrets: boolean}): Line[];
}

/** Tabs of the detail view fed live rather than from one inspect call. */
export type LiveTabId = 'stats' | 'processes' | 'events' | 'rollout';

export interface DetailDescriptor<D> {
	load(session: EngineSession, id: string): Promise<D>;
	/** In display order; live tabs (stats, processes, events) are drawn by the view from the store. */
	tabs: readonly (DetailTab<D> | LiveTab)[];
}

export interface LiveTab {
	id: LiveTabId;
	title: string;
	live: true;
}

/** A log view to open: its title and the containers whose lines it merges. */
export interface LogTarget {
	title: string;
	sources: readonly LogSource[];
}

export interface ResourceDescriptor<T extends Listed = Listed, D = unknown> {
	kind: string;
	/** Pane title, e.g. "Containers". */
	title: string;
	/** `:` command names, first is canonical: ["containers", "co"]. */
	aliases: readonly string[];
	list: Lister;
	columns: readonly Column<T>[];
	/** Default sort column id and direction. */
	defaultSort: {column: string; direction: 'asc' | 'desc'};
	/** The text the `/` filter matches against. */
	filterText(item: T): string;
	/** Short name of an item for messages: "web-1". */
	label(item: T): string;
	actions: readonly ActionDef<T>[];
	/** Actions on the pane as a whole (prune, create): no row needs to be selected. */
	paneActions?: readonly PaneActionDef<T>[];
	detail?: DetailDescriptor<D>;
	/** What `l` follows for this item. */
	logs?(item: T): LogTarget;
	/** What `L` follows: the item's group (its compose project, its stack...), or why there is none. */
	groupLogs?(item: T, all: readonly T[]): LogTarget | {refused: string};
	/** Ids whose stats are worth reading when visible (running containers); also enables `o`. */
	wantsStats?(item: T): boolean;
	/** What ctrl+g groups the rows by (containers: their compose project); its own column, if any, gives way to the group's. */
	groupBy?: {title: string; key(item: T): string | undefined; columnId?: string};
	/** Re-list this often while shown, ms, when the engine sends no event for its changes (default: the 10 s safety poll). */
	pollIntervalMs?: number;
	/** What Enter opens: another pane scoped to this item (a service's tasks, a stack's services). */
	drillDown?: {kind: string; scopeKey: string; value(item: T): string; title(item: T): string};
	/** Whether an item belongs to a scope a drill-down opened ("service" = an id). */
	inScope?(item: T, key: string, value: string): boolean;
}

/** A pane opened from a row of another: only the items in scope are listed. */
export interface PaneScope {
	key: string;
	value: string;
	/** Shown in the pane title, e.g. "tasks of web". */
	title: string;
}
