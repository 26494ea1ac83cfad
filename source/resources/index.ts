import {containersResource} from './containers.js';
import {eventsResource} from './events.js';
import type {ResourceDescriptor} from './descriptor.js';

/**
 * Every resource kind dockdeck shows, in pane order: the number key of a
 * pane is its position here. The only list to edit when a kind is added.
 */
export const resources: readonly ResourceDescriptor[] = [containersResource as unknown as ResourceDescriptor, eventsResource as unknown as ResourceDescriptor];

export function resourceByKind(kind: string): ResourceDescriptor | undefined {
	return resources.find(resource => resource.kind === kind);
}
