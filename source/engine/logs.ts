import type Docker from 'dockerode';
import {LogDemuxer, splitTimestamp, type LogStream} from './log-demux.js';
import {LineArena} from './line-arena.js';
import {openRawStream} from './raw-stream.js';

export interface LogQuery {
	/** Last N lines, or 'all'. */
	tail: number | 'all';
	/** Only lines after this epoch ms. */
	sinceMs?: number;
	follow: boolean;
}

export interface LogLine {
	stream: LogStream;
	/** Epoch ms from the engine's timestamp. */
	time?: number;
	/** The text, which may hold ANSI sequences (sanitised when drawn). */
	text: string;
	/** Set on merged logs: which container or task the line is from. */
	source?: string;
}

/**
 * A line kept as the UTF-8 bytes the engine sent (`bytes[start, end)`, a
 * share of a LineArena block): decoded only when it is shown, searched or
 * saved. A fast logger's lines mostly leave the ring unseen; held as strings,
 * each lived long enough in the heap to be copied by the young-generation
 * collector, and on a busy 2-core machine keys waited for that work.
 */
export interface LogBytesLine {
	stream: LogStream;
	time?: number;
	bytes: Buffer;
	start: number;
	end: number;
	source?: string;
}

/** What a log stream hands on: decoded lines, or lines left in the engine's bytes. */
export type ReceivedLine = LogLine | LogBytesLine;

export function lineText(line: ReceivedLine): string {
	return 'bytes' in line ? line.bytes.toString('utf8', line.start, line.end) : line.text;
}

/**
 * Streams a container's logs until the stream ends or `signal` aborts. Lines
 * arrive in batches (one per chunk the engine sends) so a fast logger costs
 * one buffer update per chunk, not one per line. Timestamps are always asked
 * for, so the view can show or hide them without asking again.
 */
export async function streamContainerLogs(docker: Docker, id: string, query: LogQuery, signal: AbortSignal, onLines: (lines: ReceivedLine[]) => void): Promise<void> {
	const container = docker.getContainer(id);
	const tty = Boolean((await container.inspect({abortSignal: signal} as object)).Config.Tty);
	const result = await openLogs(docker, `/containers/${encodeURIComponent(id)}/logs`, query, signal, options => container.logs(options as Docker.ContainerLogsOptions & {follow: true}));
	const arena = new LineArena();
	await pumpLogs<ReceivedLine>(
		result,
		signal,
		onLines,
		tty,
		(stream, text, time, batch) => {
			batch.push(time === undefined ? {stream, ...splitTimestamp(text)} : {stream, time, text});
		},
		(stream, bytes, start, end, time, batch) => {
			batch.push({stream, time, ...arena.keep(bytes, start, end)});
		},
	);
}

/**
 * Opens a logs endpoint (`path`: /containers/{id}/logs, /services/{id}/logs)
 * for `query`, always with timestamps (`extra` adds flags such as details).
 * On a unix-socket engine it is read raw over HTTP/1.0 (see raw-stream.ts);
 * elsewhere through dockerode, `viaDockerode` with the same options.
 */
export async function openLogs(
	docker: Docker,
	path: string,
	query: LogQuery,
	signal: AbortSignal,
	viaDockerode: (options: object) => Promise<unknown>,
	extra: Record<string, boolean> = {},
): Promise<unknown> {
	const flags = {follow: query.follow, stdout: true, stderr: true, timestamps: true, ...extra};
	const tail = query.tail === 'all' ? 'all' : String(query.tail);
	const since = query.sinceMs === undefined ? 0 : Math.floor(query.sinceMs / 1000);
	const modem = docker.modem as {socketPath?: unknown; version?: unknown};
	if (typeof modem.socketPath !== 'string') return viaDockerode({...flags, tail, since, abortSignal: signal});
	const prefix = typeof modem.version === 'string' && modem.version !== '' ? `/${modem.version}` : '';
	const parameters = new URLSearchParams({tail, since: String(since)});
	for (const [flag, on] of Object.entries(flags)) parameters.set(flag, on ? '1' : '0');
	return openRawStream(modem.socketPath, `${prefix}${path}?${parameters.toString()}`, signal);
}

/** How much of a log stream is parsed between two turns given to the event loop (keys, frames). */
const yieldEveryBytes = 16 * 1024;

/**
 * Feeds the engine's answer to a logs call (the whole body without follow, a
 * stream with it) through the demuxer until it ends or `signal` aborts;
 * `toLine` turns each raw line into lines, handed on one batch per chunk;
 * `toBytesLine`, if given, takes the lines left in the engine's bytes.
 */
export async function pumpLogs<Line>(
	result: unknown,
	signal: AbortSignal,
	onLines: (lines: Line[]) => void,
	tty: boolean,
	toLine: (stream: LogStream, text: string, time: number | undefined, batch: Line[]) => void,
	toBytesLine?: (stream: LogStream, bytes: Buffer, start: number, end: number, time: number, batch: Line[]) => void,
): Promise<void> {
	const batch: Line[] = [];
	const demuxer = new LogDemuxer(
		tty,
		(stream, text, time) => toLine(stream, text, time, batch),
		toBytesLine && ((stream, bytes, start, end, time) => toBytesLine(stream, bytes, start, end, time, batch)),
	);
	const flush = () => {
		if (batch.length > 0) onLines(batch.splice(0));
	};
	// Without follow the engine answers with the whole body at once.
	if (Buffer.isBuffer(result)) {
		demuxer.write(result);
		demuxer.end();
		flush();
		return;
	}
	const stream = result as NodeJS.ReadableStream & {destroy?: () => void};
	await new Promise<void>(resolve => {
		const finish = () => {
			demuxer.end();
			flush();
			resolve();
		};
		let yielding = false;
		let bytesSinceYield = 0;
		stream.on('data', (chunk: Buffer) => {
			demuxer.write(chunk);
			flush();
			// Every 16 KB, give the event loop a turn: a fast logger's backlog
			// would otherwise be read and parsed in one go (up to 2 MB) and a key
			// pressed meanwhile waits for all of it. Not after every chunk: a
			// reader that keeps up gets ~13,000 small reads a second (and over
			// HTTP/1.1 one chunk per line), and pausing for each cost more than
			// parsing them.
			bytesSinceYield += chunk.length;
			if (!yielding && bytesSinceYield >= yieldEveryBytes) {
				bytesSinceYield = 0;
				yielding = true;
				stream.pause();
				setImmediate(() => {
					yielding = false;
					stream.resume();
				});
			}
		});
		stream.on('end', finish);
		stream.on('close', finish);
		stream.on('error', finish);
		signal.addEventListener('abort', () => stream.destroy?.(), {once: true});
		if (signal.aborted) stream.destroy?.();
		// A raw stream (raw-stream.ts) comes paused.
		stream.resume();
	});
}
