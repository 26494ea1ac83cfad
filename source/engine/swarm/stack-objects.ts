import type Docker from 'dockerode';

const namespaceLabel = 'com.docker.stack.namespace';

export interface StackObjects {
	services: {id: string; name: string}[];
	networks: {id: string; name: string}[];
	secrets: {id: string; name: string}[];
	configs: {id: string; name: string}[];
}

/**
 * Everything `docker stack deploy` made for a stack: the engine has no stack
 * object, only the namespace label on services, networks, secrets and configs.
 */
export async function listStackObjects(docker: Docker, stack: string): Promise<StackObjects> {
	const filters = {label: [`${namespaceLabel}=${stack}`]};
	const [services, networks, secrets, configs] = await Promise.all([
		docker.listServices({filters}) as Promise<{ID: string; Spec?: {Name?: string}}[]>,
		docker.listNetworks({filters}) as Promise<{Id: string; Name: string}[]>,
		docker.listSecrets({filters}) as Promise<{ID: string; Spec?: {Name?: string}}[]>,
		docker.listConfigs({filters}) as Promise<{ID: string; Spec?: {Name?: string}}[]>,
	]);
	const named = (items: {ID: string; Spec?: {Name?: string}}[]) => items.map(item => ({id: item.ID, name: item.Spec?.Name ?? item.ID})).sort((a, b) => a.name.localeCompare(b.name));
	return {
		services: named(services),
		networks: networks.map(network => ({id: network.Id, name: network.Name})).sort((a, b) => a.name.localeCompare(b.name)),
		secrets: named(secrets),
		configs: named(configs),
	};
}

/**
 * Removes a stack like `docker stack rm`: services first (their tasks hold the
 * rest), then secrets, configs and networks. A network still held by a task
 * that is shutting down can refuse; the engine's messages are collected and
 * thrown together at the end, so one refusal does not stop the rest.
 */
export async function removeStackObjects(docker: Docker, objects: StackObjects): Promise<void> {
	const failures: string[] = [];
	const attempt = async (what: string, remove: () => Promise<unknown>) => {
		try {
			await remove();
		} catch (error) {
			failures.push(`${what}: ${(error as {json?: {message?: string}}).json?.message ?? (error as Error).message}`);
		}
	};
	await Promise.all(objects.services.map(service => attempt(`service ${service.name}`, () => docker.getService(service.id).remove())));
	await Promise.all(objects.secrets.map(secret => attempt(`secret ${secret.name}`, () => docker.getSecret(secret.id).remove())));
	await Promise.all(objects.configs.map(config => attempt(`config ${config.name}`, () => docker.getConfig(config.id).remove())));
	for (const network of objects.networks) await attempt(`network ${network.name}`, () => docker.getNetwork(network.id).remove());
	if (failures.length > 0) throw new Error(`some of the stack was not removed: ${failures.join('; ')}`);
}
