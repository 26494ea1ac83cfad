import {containersResource} from './containers.js';
import {eventsResource} from './events.js';
import type {ResourceDescriptor} from './descriptor.js';
import {nodesResource} from './nodes.js';
import {servicesResource} from './services.js';
import {stacksResource} from './stacks.js';
import {configsResource, secretsResource} from './swarm-objects.js';
import {tasksResource} from './tasks.js';

/**
 * Every resource kind dockdeck shows, in pane order: the number key of a
 * pane is its position here. The only list to edit when a kind is added.
 */
export const resources: readonly ResourceDescriptor[] = [
	// Number keys 1..9 and 0 go to the first ten, in this order; the rest are reached with `:`.
	containersResource,
	servicesResource,
	nodesResource,
	stacksResource,
	eventsResource,
	tasksResource,
	secretsResource,
	configsResource,
] as unknown as readonly ResourceDescriptor[];

export function resourceByKind(kind: string): ResourceDescriptor | undefined {
	return resources.find(resource => resource.kind === kind);
}
