import type {EngineInfo} from '../engine/types.js';
import {displayWidth} from '../lib/text-width.js';
import {paneKey} from '../keymap/key-table.js';
import type {ResourceDescriptor} from '../resources/descriptor.js';
import {LineView} from './components/tone.js';

type TabForm = 'full' | 'alias' | 'number';

/** A pane tab: "3:Nodes", "3:no" (its short alias) or just "3", as room allows. */
function tabText(resource: ResourceDescriptor, index: number, form: TabForm): string {
	const key = paneKey(index) ?? '';
	if (form === 'number') return key;
	return `${key}:${form === 'alias' ? (resource.aliases[1] ?? resource.title) : resource.title}`;
}

/**
 * One line: product, endpoint and engine version (where am I), then the pane
 * tabs with their number keys. When the line would not fit, the tabs other
 * than the active one shrink to their short alias, then to their number.
 */
export function Header({endpointLabel, info, resources, activeKind, width}: {endpointLabel: string; info?: EngineInfo; resources: readonly ResourceDescriptor[]; activeKind: string; width: number}) {
	const panes = resources.slice(0, 10);
	const where = ` ${endpointLabel}${info ? ` · engine ${info.serverVersion} (API ${info.apiVersion})` : ''} │ `;
	const lineWidth = (form: TabForm) => displayWidth(`dockdeck${where}${panes.map((resource, index) => tabText(resource, index, resource.kind === activeKind ? 'full' : form)).join(' ')}`);
	// The active tab keeps its title; the others shrink until the line fits.
	const form: TabForm = lineWidth('full') <= width ? 'full' : lineWidth('alias') <= width ? 'alias' : 'number';
	const tabs = panes.map((resource, index) => ({
		tone: resource.kind === activeKind ? ('tab.active' as const) : ('tab.inactive' as const),
		text: `${index === 0 ? '' : ' '}${tabText(resource, index, resource.kind === activeKind ? 'full' : form)}`,
	}));
	return <LineView line={[{tone: 'accent', text: 'dockdeck'}, {tone: 'muted', text: where}, ...tabs]} />;
}
