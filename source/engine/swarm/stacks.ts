import {compareText, fingerprint} from './fields.js';
import type {ServiceSummary, StackSummary} from './types.js';

/**
 * Stacks as `docker stack ls` sees them: the services sharing a
 * com.docker.stack.namespace label. The engine has no stack object; a stack
 * exists while one of its services does.
 */
export function toStacks(services: readonly ServiceSummary[]): StackSummary[] {
	const byName = new Map<string, ServiceSummary[]>();
	for (const service of services) {
		if (service.stack === undefined) continue;
		byName.set(service.stack, [...(byName.get(service.stack) ?? []), service]);
	}
	return [...byName.entries()]
		.map(([name, members]) => {
			const fields = {
				id: name,
				name,
				services: members.map(service => service.name).sort(compareText),
				running: members.reduce((sum, service) => sum + service.running, 0),
				desired: members.reduce((sum, service) => sum + service.desired, 0),
			};
			return {...fields, rev: fingerprint(fields)};
		})
		.sort((a, b) => compareText(a.name, b.name));
}
