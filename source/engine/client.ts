import type Docker from 'dockerode';
import type {Endpoint} from './endpoint.js';
import {openDocker} from './connection.js';
import {followEvents} from './events.js';
import {readStats, type RawStats} from './stats.js';
import {readEngineInfo} from './system.js';
import type {EngineEvent, EngineInfo} from './types.js';

/**
 * One live connection to one engine, with the API version already negotiated.
 * Resource modules take `docker` from it; the store uses the stream methods.
 */
export interface EngineSession {
	readonly endpoint: Endpoint;
	readonly apiVersion: string;
	readonly docker: Docker;
	info(): Promise<EngineInfo>;
	/** Follows engine events, starting with those since `since` (epoch ms) when given. */
	followEvents(signal: AbortSignal, onEvent: (event: EngineEvent) => void, since?: number): Promise<void>;
	readStats(id: string, signal: AbortSignal): Promise<RawStats>;
	close(): void;
}

export async function connectEngine(endpoint: Endpoint): Promise<EngineSession> {
	const {docker, apiVersion, close} = await openDocker(endpoint);
	return {
		endpoint,
		apiVersion,
		docker,
		info: () => readEngineInfo(docker, apiVersion),
		followEvents: (signal, onEvent, since) => followEvents(docker, signal, onEvent, since),
		readStats: (id, signal) => readStats(docker, id, signal),
		close,
	};
}
