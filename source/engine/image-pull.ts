import type Docker from 'dockerode';
import {parseImageReference} from '../lib/image-reference.js';
import {NdjsonSplitter} from '../lib/ndjson.js';
import {InvalidReferenceError} from './image-tag.js';
import {applyProgressEvent, emptyPullProgress, type ProgressEvent, type PullProgress} from './pull-progress.js';

/**
 * The engine reported an error inside the progress stream (a layer failed,
 * the registry went away mid-pull). The message is the engine's own text.
 */
export class PullError extends Error {
	override name = 'PullError';

	constructor(
		message: string,
		/** Progress up to the failure, so the view can keep showing which layer failed. */
		readonly progress: PullProgress,
	) {
		super(message);
	}
}

export interface PullOptions {
	signal?: AbortSignal;
	/** Called with the new state after each progress line that changed something. */
	onProgress?: (progress: PullProgress) => void;
	/** "linux/arm64" etc.; the engine's own platform when omitted. */
	platform?: string;
}

/**
 * Pulls one image: `reference` without tag or digest means ":latest", as with
 * `docker pull` (the API alone would pull every tag). Resolves with the final
 * progress; rejects with the engine's error (HTTP error before the stream
 * started: engineMessage() gives its text; error inside the stream: PullError).
 */
export async function pullImage(docker: Docker, reference: string, options: PullOptions = {}): Promise<PullProgress> {
	const check = parseImageReference(reference);
	if (!check.ok) throw new InvalidReferenceError(check.message);
	const {repository, tag, digest} = check.reference;
	const query: Record<string, unknown> = {fromImage: repository, tag: digest ?? tag ?? 'latest', abortSignal: options.signal};
	if (options.platform) query['platform'] = options.platform;
	const stream = (await docker.createImage(query)) as NodeJS.ReadableStream;
	return readProgress(stream, options);
}

/** Folds a progress stream into a PullProgress; shared by pull and load. */
export function readProgress(stream: NodeJS.ReadableStream, options: Pick<PullOptions, 'signal' | 'onProgress'> = {}): Promise<PullProgress> {
	return new Promise((resolve, reject) => {
		let state = emptyPullProgress;
		const splitter = new NdjsonSplitter(value => {
			const next = applyProgressEvent(state, value as ProgressEvent);
			if (next !== state) {
				state = next;
				options.onProgress?.(state);
			}
		});
		const finish = () => {
			splitter.end();
			if (state.error !== undefined) reject(new PullError(state.error, state));
			else if (options.signal?.aborted) reject(new Error('pull cancelled'));
			else resolve(state);
		};
		stream.on('data', (chunk: Buffer) => splitter.write(chunk));
		stream.once('end', finish);
		stream.once('error', reject);
		options.signal?.addEventListener('abort', () => {
			(stream as NodeJS.ReadableStream & {destroy?: () => void}).destroy?.();
			reject(new Error('pull cancelled'));
		}, {once: true});
	});
}
