import {resources} from '../resources/index.js';
import type {ResourceDescriptor} from '../resources/descriptor.js';
import type {KeyBinding} from './commands.js';
import {defaultKeymap} from './default-keymap.js';

export function resourceScope(kind: string): `resource.${string}` {
	return `resource.${kind}`;
}

/** The number key of the pane at `index`: 1..9, then 0 for the tenth; later panes are reached with `:`. */
export function paneKey(index: number): string | undefined {
	return index < 9 ? String(index + 1) : index === 9 ? '0' : undefined;
}

/** Pane switches by number, in resource order. */
function paneRows(list: readonly ResourceDescriptor[]): KeyBinding[] {
	return list.slice(0, 10).map((resource, index) => ({
		command: `pane.${resource.kind}`,
		keys: [paneKey(index) as string],
		scope: 'global',
		group: 'Panes',
		description: `show ${resource.title.toLowerCase()} (:${resource.aliases.join(', :')})`,
	}));
}

function sortRows(resource: ResourceDescriptor): KeyBinding[] {
	return resource.columns
		.filter(column => column.sortKey)
		.map(column => ({
			command: `sort.${resource.kind}.${column.id}`,
			keys: [column.sortKey as string],
			scope: resourceScope(resource.kind),
			group: `${resource.title} pane`,
			description: `sort by ${column.title.toLowerCase()} (again to reverse)`,
		}));
}

function actionRows(resource: ResourceDescriptor): KeyBinding[] {
	return [...resource.actions, ...(resource.paneActions ?? [])].map(action => ({
		command: `action.${action.id}`,
		keys: action.keys,
		scope: resourceScope(resource.kind),
		group: `${resource.title} pane`,
		description: action.description,
		dangerous: action.dangerous,
		hint: action.hint,
	}));
}

export function buildKeyTable(list: readonly ResourceDescriptor[]): readonly KeyBinding[] {
	return [...defaultKeymap, ...paneRows(list), ...list.flatMap(resource => [...actionRows(resource), ...sortRows(resource)])];
}

/** The one key table of the app. */
export const keyTable: readonly KeyBinding[] = buildKeyTable(resources);
