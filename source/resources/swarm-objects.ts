import type * as FsPromises from 'node:fs/promises';
import {homedir} from 'node:os';
import type {EngineSession} from '../engine/client.js';
import {createConfig, listConfigs, removeConfig} from '../engine/swarm/configs.js';
import {createSecret, listSecrets, removeSecret} from '../engine/swarm/secrets.js';
import {listServices} from '../engine/swarm/services.js';
import type {SecretSummary} from '../engine/swarm/types.js';
import {formatAge, shortId} from '../lib/format.js';
import type {ResourceDescriptor} from './descriptor.js';
import {swarmListed} from './swarm-listing.js';
import {lazyBuiltin} from '../lib/lazy-builtin.js';

const fsPromises = lazyBuiltin<typeof FsPromises>('node:fs/promises');

/** The engine's rule for secret and config names. */
const validName = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$/;

function validateName(text: string, taken: (name: string) => boolean): string | undefined {
	const name = text.trim();
	if (!name) return 'type a name, e.g. db_password';
	if (!validName.test(name)) return `"${name}" is not a valid name: letters, digits, _ . - ; starting with a letter or digit; at most 64 characters`;
	return taken(name) ? `a secret or config named ${name} exists already` : undefined;
}

function expandHome(path: string): string {
	return path.startsWith('~/') ? `${homedir()}${path.slice(1)}` : path;
}

interface Kind {
	kind: 'secrets' | 'configs';
	singular: 'secret' | 'config';
	list(session: EngineSession, signal: AbortSignal): Promise<SecretSummary[]>;
	create(session: EngineSession, name: string, value: string | Buffer): Promise<unknown>;
	remove(session: EngineSession, id: string): Promise<void>;
	/** Secrets can be typed (masked); configs come from files. */
	typed: boolean;
}

/** Secrets and configs share a pane shape: name, dates, users; create; remove (refused by the engine while in use). */
function swarmObjectsResource(kind: Kind): ResourceDescriptor<SecretSummary> {
	const title = kind.kind === 'secrets' ? 'Secrets' : 'Configs';
	return {
		kind: kind.kind,
		title,
		aliases: kind.kind === 'secrets' ? ['secrets', 'sec'] : ['configs', 'cfg'],
		list: (session, signal) => swarmListed(session, () => kind.list(session, signal)),
		columns: [
			{id: 'name', title: 'NAME', width: {min: 10, flex: 2, fit: 40}, value: item => item.name, sortKey: 'N', sortValue: item => item.name},
			{id: 'id', title: 'ID', width: 12, value: item => shortId(item.id), tone: () => 'muted', dropPriority: 2},
			{id: 'created', title: 'CREATED', width: 10, align: 'right', value: item => formatAge(item.createdAt), sortKey: 'C', sortValue: item => item.createdAt},
			{id: 'updated', title: 'UPDATED', width: 10, align: 'right', value: item => formatAge(item.updatedAt), tone: () => 'muted', sortKey: 'U', sortValue: item => item.updatedAt, dropPriority: 1},
			{id: 'usedBy', title: 'USED BY', width: {min: 10, flex: 3}, value: item => item.usedBy.join(', ') || '-', tone: item => (item.usedBy.length === 0 ? 'muted' : undefined), sortKey: 'B', sortValue: item => item.usedBy.length},
		],
		defaultSort: {column: 'name', direction: 'asc'},
		filterText: item => `${item.name} ${item.usedBy.join(' ')} ${item.id.slice(0, 12)}`,
		label: item => item.name,
		paneActions: [
			{
				id: `${kind.singular}.create`,
				keys: ['n'],
				description: kind.typed ? 'create a secret: a name, then the value typed (masked) or @path to read a file' : 'create a config: a name, then @path of the file to read',
				// A pane action: creating needs no selected row (and works on an empty pane); the names taken are the rows'.
				plan: items => ({
					ask: {question: `name of the new ${kind.singular}`, validate: text => validateName(text, name => items.some(item => item.name === name))},
					answer: nameText => {
						const name = nameText.trim();
						return {
							ask: {
								question: kind.typed ? `value of secret ${name} (typed, masked; or @path of a file)` : `file of config ${name} (@path)`,
								secret: kind.typed,
								placeholder: kind.typed ? '' : '@./nginx.conf',
								validate: text => (text.length === 0 ? (kind.typed ? 'type the value, or @path to read it from a file' : 'type @ and the path of the file') : !kind.typed && !text.startsWith('@') ? 'a config is read from a file: type @ and its path' : undefined),
							},
							answer: value => ({
								run: async (session: EngineSession) => {
									const data = value.startsWith('@') ? await fsPromises().readFile(expandHome(value.slice(1).trim())) : value;
									await kind.create(session, name, data);
								},
								// Never the value itself: only its name and size in the messages.
								done: `created ${kind.singular} ${name}`,
							}),
						};
					},
				}),
			},
		],
		actions: [
			{
				id: `${kind.singular}.remove`,
				keys: ['d'],
				description: `remove the ${kind.singular} (the engine refuses while a service uses it)`,
				dangerous: true,
				plan: item => ({
					confirm: `Remove ${kind.singular} ${item.name}?${item.usedBy.length > 0 ? ` It is used by ${item.usedBy.join(', ')}: the engine will refuse.` : ''}`,
					confirmLabel: 'remove',
					run: (session: EngineSession) => kind.remove(session, item.id),
					done: `removed ${kind.singular} ${item.name}`,
				}),
			},
		],
	};
}

async function services(session: EngineSession, signal: AbortSignal) {
	return listServices(session.docker, session.apiVersion, signal);
}

export const secretsResource = swarmObjectsResource({
	kind: 'secrets',
	singular: 'secret',
	typed: true,
	list: async (session, signal) => listSecrets(session.docker, await services(session, signal), signal),
	create: (session, name, value) => createSecret(session.docker, name, value),
	remove: (session, id) => removeSecret(session.docker, id),
});

export const configsResource = swarmObjectsResource({
	kind: 'configs',
	singular: 'config',
	typed: false,
	list: async (session, signal) => listConfigs(session.docker, await services(session, signal), signal),
	create: (session, name, value) => createConfig(session.docker, name, value),
	remove: (session, id) => removeConfig(session.docker, id),
});
