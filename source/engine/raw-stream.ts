import {connect, type Socket} from 'node:net';

/**
 * GETs a streaming endpoint of an engine on a unix socket over a connection
 * of its own, asking in HTTP/1.0; resolves with the socket positioned at the
 * body (paused: the reader resumes it).
 *
 * Why: over HTTP/1.1 the engine sends a followed log chunked, one chunk per
 * line, and Node's HTTP client turns every chunk into its own event and
 * Buffer; a fast logger (~100,000 lines a second) made that the largest part
 * of dockdeck's CPU. An HTTP/1.0 answer cannot be chunked: the body is the
 * log frames themselves, read in socket-sized pieces, and ends when the
 * engine closes the connection.
 */
export function openRawStream(socketPath: string, path: string, signal: AbortSignal): Promise<Socket> {
	return new Promise((resolve, reject) => {
		const socket = connect(socketPath);
		let head: Buffer = Buffer.alloc(0);
		const fail = (error: Error) => {
			cleanUp();
			socket.destroy();
			reject(error);
		};
		const onAbort = () => fail(new Error('aborted'));
		const onError = (error: Error) => fail(error);
		const onEnd = () => fail(new Error(`the engine closed the connection before answering GET ${path}`));
		const onData = (chunk: Buffer) => {
			head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
			const headEnd = head.indexOf('\r\n\r\n');
			if (headEnd === -1) {
				if (head.length > 65_536) fail(new Error(`the engine's answer to GET ${path} has no end of headers`));
				return;
			}
			socket.pause();
			cleanUp();
			const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head.toString('latin1', 0, Math.min(headEnd, 64)))?.[1] ?? Number.NaN);
			const body = head.subarray(headEnd + 4);
			if (status === 200) {
				if (body.length > 0) socket.unshift(body);
				// From here the reader owns the socket, its abort included.
				resolve(socket);
				return;
			}
			readRest(socket, body).then(
				all => reject(engineError(status, all)),
				(error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
			);
		};
		const cleanUp = () => {
			signal.removeEventListener('abort', onAbort);
			socket.off('data', onData);
			socket.off('error', onError);
			socket.off('end', onEnd);
		};
		if (signal.aborted) {
			onAbort();
			return;
		}
		signal.addEventListener('abort', onAbort, {once: true});
		socket.on('data', onData);
		socket.on('error', onError);
		socket.on('end', onEnd);
		socket.write(`GET ${path} HTTP/1.0\r\nHost: docker\r\nUser-Agent: dockdeck\r\n\r\n`);
	});
}

/** The body of an error answer: up to the engine closing the connection (HTTP/1.0). */
function readRest(socket: Socket, start: Buffer): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const parts = [start];
		socket.on('data', (chunk: Buffer) => parts.push(chunk));
		socket.once('end', () => resolve(Buffer.concat(parts)));
		socket.once('error', reject);
		socket.resume();
	});
}

/** The shape docker-modem gives a failed call (statusCode, json.message), so engineMessage shows the engine's words. */
function engineError(status: number, body: Buffer): Error {
	let message = body.toString('utf8').trim();
	try {
		const parsed = JSON.parse(message) as {message?: unknown};
		if (typeof parsed.message === 'string') message = parsed.message;
	} catch {
		// not JSON: the text as it came
	}
	return Object.assign(new Error(`(HTTP code ${status}) ${message}`), {statusCode: status, json: {message}});
}
