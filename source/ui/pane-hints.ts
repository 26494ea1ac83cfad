import type {KeyBinding} from '../keymap/commands.js';
import type {ResourceDescriptor} from '../resources/descriptor.js';

/** List commands that only some kinds support, with the test for each. */
const needs: Readonly<Record<string, (resource: ResourceDescriptor) => boolean>> = {
	'list.logs': resource => Boolean(resource.logs),
	'list.groupLogs': resource => Boolean(resource.groupLogs),
	'list.stats': resource => Boolean(resource.wantsStats),
	'list.top': resource => Boolean(resource.wantsStats),
	'list.inspect': resource => Boolean(resource.detail),
	'list.group': resource => Boolean(resource.groupBy),
};

/** The footer names only keys that do something on this pane (no "l logs" on the nodes pane). */
export function hintsForPane(hints: readonly KeyBinding[], resource: ResourceDescriptor | undefined): KeyBinding[] {
	if (!resource) return [...hints];
	return hints.filter(hint => needs[hint.command]?.(resource) ?? true);
}
