import {containersResource} from './containers.js';
import {eventsResource} from './events.js';
import type {ResourceDescriptor} from './descriptor.js';
import {imagesResource} from './images.js';
import {networksResource} from './networks.js';
import {nodesResource} from './nodes.js';
import {projectsResource} from './projects.js';
import {servicesResource} from './services.js';
import {stacksResource} from './stacks.js';
import {configsResource, secretsResource} from './swarm-objects.js';
import {systemResource} from './system.js';
import {tasksResource} from './tasks.js';
import {volumesResource} from './volumes.js';

/**
 * Every resource kind dockdeck shows, in pane order: the number key of a
 * pane is its position here. The only list to edit when a kind is added.
 */
export const resources: readonly ResourceDescriptor[] = [
	// Number keys 1..9 and 0 go to the first ten, in this order; the rest are reached with `:`.
	containersResource,
	imagesResource,
	volumesResource,
	networksResource,
	projectsResource,
	servicesResource,
	nodesResource,
	stacksResource,
	eventsResource,
	systemResource,
	tasksResource,
	secretsResource,
	configsResource,
] as unknown as readonly ResourceDescriptor[];

export function resourceByKind(kind: string): ResourceDescriptor | undefined {
	return resources.find(resource => resource.kind === kind);
}
