import type Docker from 'dockerode';
import {NdjsonSplitter} from '../lib/ndjson.js';
import type {EngineEvent} from './types.js';

interface RawEvent {
	Type?: string;
	Action?: string;
	Actor?: {ID?: string; Attributes?: Record<string, string>};
	id?: string;
	time?: number;
	timeNano?: number;
}

export function toEngineEvent(raw: RawEvent): EngineEvent {
	const attributes = raw.Actor?.Attributes ?? {};
	const time = raw.timeNano ? Math.floor(raw.timeNano / 1e6) : (raw.time ?? 0) * 1000;
	return {
		type: raw.Type ?? 'unknown',
		// "exec_start: sh -c ..." and "health_status: healthy" carry detail after a colon.
		action: raw.Action ?? '',
		id: raw.Actor?.ID ?? raw.id ?? '',
		name: attributes['name'],
		attributes,
		time,
	};
}

/**
 * Follows the engine's event stream until it ends or `signal` aborts. Resolves
 * when the stream ends (the engine went away or closed it), rejects when it
 * cannot be opened. Never throws from inside the stream.
 */
export async function followEvents(docker: Docker, signal: AbortSignal, onEvent: (event: EngineEvent) => void, since?: number): Promise<void> {
	const options: Docker.GetEventsOptions & {abortSignal: AbortSignal} = {abortSignal: signal};
	if (since !== undefined) options.since = Math.floor(since / 1000);
	const stream = (await docker.getEvents(options)) as NodeJS.ReadableStream;
	await new Promise<void>(resolve => {
		const splitter = new NdjsonSplitter(value => onEvent(toEngineEvent(value as RawEvent)));
		const finish = () => {
			stream.removeAllListeners('data');
			resolve();
		};
		stream.on('data', (chunk: Buffer) => splitter.write(chunk));
		stream.on('end', finish);
		stream.on('close', finish);
		stream.on('error', finish);
		signal.addEventListener('abort', () => {
			(stream as NodeJS.ReadableStream & {destroy?: () => void}).destroy?.();
			finish();
		}, {once: true});
	});
}
