/**
 * A stand-in engine for view-layer component tests ONLY, fed with JSON the
 * real engine produced (test/fixtures/recorded, made by record-engine.ts).
 * Engine, store and end-to-end tests use the real engine.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type Docker from 'dockerode';
import type {EngineSession} from '../../source/engine/client.js';
import {describeEngineError, engineMessage} from '../../source/engine/connection.js';
import type {Endpoint} from '../../source/engine/endpoint.js';
import {isConnectionError} from '../../source/engine/errors.js';
import type {RawStats} from '../../source/engine/stats.js';
import {resources} from '../../source/resources/index.js';
import {LiveStore, type Lister} from '../../source/store/live-store.js';
import {Backoff} from '../../source/lib/backoff.js';

const recorded = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/recorded', name), 'utf8'));

export const recordedContainers = recorded('containers.json') as Docker.ContainerInfo[];
const inspects = recorded('containers-inspect.json') as Docker.ContainerInspectInfo[];

/**
 * The engine that record.sh (fixtures/recorded/resources) seeded: images,
 * volumes, networks and the system, with its own containers (the ones using
 * those images), and the engine's answer to the dangling-images prune it ran
 * on exactly these images.
 */
const resourceFixtures = {
	containers: recorded('resources/containers.json') as Docker.ContainerInfo[],
	inspects: recorded('resources/containers-inspect.json') as Record<string, Docker.ContainerInspectInfo>,
	images: recorded('resources/images.json') as Docker.ImageInfo[],
	imageInspects: recorded('resources/images-inspect.json') as Record<string, Docker.ImageInspectInfo>,
	histories: recorded('resources/images-history.json') as Record<string, unknown[]>,
	volumes: recorded('resources/volumes.json'),
	networks: recorded('resources/networks.json') as Docker.NetworkInspectInfo[],
	networkInspects: recorded('resources/networks-inspect.json') as Record<string, Docker.NetworkInspectInfo>,
	df: recorded('resources/system-df.json'),
	info: recorded('resources/info.json'),
	version: recorded('resources/version.json'),
	reports: {'/images/prune?': recorded('resources/prune-2-images-dangling-report.json')} as Record<string, unknown>,
};
const stats = recorded('containers-stats.json') as Record<string, RawStats>;

export const testEndpoint: Endpoint = {kind: 'unix', socketPath: '/run/test.sock', url: 'unix:///run/test.sock', origin: '--host flag', context: 'default'};

/** A real error body the engine sent (409) for removing a running container without force. */
export function engineConflict(message: string): Error {
	return Object.assign(new Error(`(HTTP code 409) unexpected - ${message}`), {statusCode: 409, reason: 'conflict', json: {message}});
}

export interface RecordedEngine {
	calls: string[];
	/** Make the next call of this action fail with this error. */
	failNext: Map<string, Error>;
	session: EngineSession;
}

/** `fixtures`: the containers pane's engine, or the one of record.sh (images, volumes, networks, system). */
export function recordedEngine(fixtures: 'containers' | 'resources' = 'containers'): RecordedEngine {
	const calls: string[] = [];
	const failNext = new Map<string, Error>();
	const act = (id: string, action: string) => async () => {
		calls.push(`${action} ${id}`);
		const failure = failNext.get(action);
		if (failure) {
			failNext.delete(action);
			throw failure;
		}
	};
	const containers = fixtures === 'resources' ? resourceFixtures.containers : recordedContainers;
	const inspectOf = (id: string) => (fixtures === 'resources' ? resourceFixtures.inspects[id] : inspects.find(each => each.Id === id));
	const docker = {
		listContainers: async () => structuredClone(containers),
		getContainer: (id: string) => ({
			inspect: async () => structuredClone(inspectOf(id)),
			start: act(id, 'start'),
			stop: act(id, 'stop'),
			restart: act(id, 'restart'),
			pause: act(id, 'pause'),
			unpause: act(id, 'unpause'),
			kill: act(id, 'kill'),
			remove: async (options?: {force?: boolean}) => act(id, options?.force ? 'forceRemove' : 'remove')(),
		}),
		listImages: async () => structuredClone(resourceFixtures.images),
		getImage: (id: string) => ({
			inspect: async () => structuredClone(resourceFixtures.imageInspects[id]),
			history: async () => structuredClone(resourceFixtures.histories[id]),
			// The engine answers a removal with what it untagged and deleted.
			remove: async (options?: {force?: boolean}) => {
				await act(id, options?.force ? 'forceRemoveImage' : 'removeImage')();
				return [{Deleted: id}];
			},
			tag: async (options: {repo: string; tag: string}) => act(id, `tag ${options.repo}:${options.tag}`)(),
		}),
		listVolumes: async () => structuredClone(resourceFixtures.volumes),
		listNetworks: async () => structuredClone(resourceFixtures.networks),
		getNetwork: (id: string) => ({inspect: async () => structuredClone(resourceFixtures.networkInspects[id])}),
		df: async () => structuredClone(resourceFixtures.df),
		info: async () => structuredClone(resourceFixtures.info),
		version: async () => structuredClone(resourceFixtures.version),
		// The prune endpoints (engine/prune.ts posts through the modem): the engine's recorded report.
		modem: {
			dial: (options: {path: string}, callback: (error: Error | null, data?: unknown) => void) => {
				calls.push(`POST ${options.path}`);
				const report = resourceFixtures.reports[options.path];
				if (report) callback(null, structuredClone(report));
				else callback(new Error(`no recorded answer for POST ${options.path}`));
			},
		},
	} as unknown as Docker;
	const session: EngineSession = {
		endpoint: testEndpoint,
		apiVersion: '1.41',
		docker,
		info: async () => ({serverVersion: '20.10.24+dfsg1', apiVersion: '1.41', os: 'Debian GNU/Linux 12 (bookworm)', name: 'n1', swarm: 'inactive'}),
		// A live event stream that stays open until the store closes it.
		followEvents: signal => new Promise(resolve => signal.addEventListener('abort', () => resolve(), {once: true})),
		readStats: async id => structuredClone(stats[id] ?? {}),
		close: () => {},
	};
	return {calls, failNext, session};
}

const listers: Record<string, Lister> = Object.fromEntries(resources.map(resource => [resource.kind, resource.list]));

export function storeFor(connect: () => Promise<EngineSession>): LiveStore {
	return new LiveStore({
		connect,
		listers,
		describeProblem: error => describeEngineError(error, testEndpoint),
		errorMessage: engineMessage,
		isConnectionError,
		notifyIntervalMs: 0,
		backoff: new Backoff({initialMs: 60_000}),
	});
}
