import type Docker from 'dockerode';
import {compareText, epochMs, fingerprint} from './fields.js';
import type {RawSecretOrConfig} from './raw.js';
import type {SecretSummary, ServiceSummary} from './types.js';

/**
 * Secret or config id -> names of the services that mount it, from the
 * services' TaskTemplate.ContainerSpec.Secrets/Configs (the engine's list of
 * secrets does not say who uses them).
 */
export function usersById(services: readonly ServiceSummary[], kind: 'secrets' | 'configs'): Map<string, string[]> {
	const users = new Map<string, string[]>();
	for (const service of services) {
		for (const reference of service[kind]) {
			const names = users.get(reference.id) ?? [];
			if (!names.includes(service.name)) names.push(service.name);
			users.set(reference.id, names);
		}
	}
	for (const names of users.values()) names.sort(compareText);
	return users;
}

/** Maps a secret or a config (the engine gives both the same shape). */
export function toSecretSummary(json: RawSecretOrConfig, usedBy: readonly string[] = []): SecretSummary {
	const fields = {
		id: json.ID,
		name: json.Spec?.Name ?? json.ID,
		createdAt: epochMs(json.CreatedAt),
		updatedAt: epochMs(json.UpdatedAt),
		labels: json.Spec?.Labels ?? {},
		usedBy: [...usedBy],
		versionIndex: json.Version?.Index ?? 0,
	};
	return {...fields, rev: fingerprint(fields)};
}

/** Secrets by name; `services` (from listServices) fills usedBy. */
export async function listSecrets(docker: Docker, services: readonly ServiceSummary[], signal?: AbortSignal): Promise<SecretSummary[]> {
	const users = usersById(services, 'secrets');
	const raw = (await docker.listSecrets({abortSignal: signal})) as RawSecretOrConfig[];
	return raw.map(secret => toSecretSummary(secret, users.get(secret.ID))).sort((a, b) => compareText(a.name, b.name));
}

/**
 * Creates a secret; the value is sent base64-encoded as the API wants and
 * never logged. Resolves to the new secret's id.
 */
export async function createSecret(docker: Docker, name: string, value: string | Buffer, labels: Record<string, string> = {}): Promise<string> {
	const data = (typeof value === 'string' ? Buffer.from(value, 'utf8') : value).toString('base64');
	const created = (await docker.createSecret({Name: name, Labels: labels, Data: data})) as {id?: string; ID?: string};
	return created.ID ?? created.id ?? '';
}

/** Removes a secret; the engine refuses one a service still uses and says which (see engineMessage). */
export async function removeSecret(docker: Docker, id: string): Promise<void> {
	await docker.getSecret(id).remove();
}
