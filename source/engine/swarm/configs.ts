import type Docker from 'dockerode';
import {compareText} from './fields.js';
import type {RawSecretOrConfig} from './raw.js';
import {toSecretSummary, usersById} from './secrets.js';
import type {ConfigSummary, ServiceSummary} from './types.js';

/** Configs by name; `services` (from listServices) fills usedBy. */
export async function listConfigs(docker: Docker, services: readonly ServiceSummary[], signal?: AbortSignal): Promise<ConfigSummary[]> {
	const users = usersById(services, 'configs');
	const raw = (await docker.listConfigs({abortSignal: signal})) as RawSecretOrConfig[];
	return raw.map(config => toSecretSummary(config, users.get(config.ID))).sort((a, b) => compareText(a.name, b.name));
}

/** Creates a config (base64 Data, as the API wants); resolves to its id. */
export async function createConfig(docker: Docker, name: string, value: string | Buffer, labels: Record<string, string> = {}): Promise<string> {
	const data = (typeof value === 'string' ? Buffer.from(value, 'utf8') : value).toString('base64');
	const created = (await docker.createConfig({Name: name, Labels: labels, Data: data})) as {id?: string; ID?: string};
	return created.ID ?? created.id ?? '';
}

/** The config's content, decoded as UTF-8 (configs, unlike secrets, can be read back). */
export async function readConfigData(docker: Docker, id: string): Promise<string> {
	const json = (await docker.getConfig(id).inspect()) as RawSecretOrConfig;
	return Buffer.from(json.Spec?.Data ?? '', 'base64').toString('utf8');
}

/** Removes a config; the engine refuses one a service still uses and says which (see engineMessage). */
export async function removeConfig(docker: Docker, id: string): Promise<void> {
	await docker.getConfig(id).remove();
}
