import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {engineMessage} from '../../source/engine/connection.js';
import {lineText, streamContainerLogs, type LogLine, type ReceivedLine} from '../../source/engine/logs.js';
import {openRawStream} from '../../source/engine/raw-stream.js';
import {createContainer, eventually, sessionForFile} from './engine-test-kit.js';

const file = sessionForFile();

/** A received line with its text decoded (a stamped line arrives still in the engine's bytes). */
function decoded(line: ReceivedLine): LogLine {
	return {stream: line.stream, text: lineText(line), ...(line.time === undefined ? {} : {time: line.time})};
}

async function collect(id: string, query: Parameters<typeof streamContainerLogs>[2]): Promise<LogLine[]> {
	const lines: LogLine[] = [];
	await streamContainerLogs(file.current.docker, id, query, new AbortController().signal, batch => lines.push(...batch.map(decoded)));
	return lines;
}

async function finished(name: string, script: string, tty = false) {
	const container = await createContainer(file.current.docker, name, {Cmd: ['sh', '-c', script], Tty: tty});
	await container.start();
	await container.wait();
	return container;
}

describe('container logs on the real engine', () => {
	it("reads logs raw over the engine's unix socket (HTTP/1.0: frames, not one HTTP chunk per line)", async () => {
		const socketPath = (file.current.docker.modem as {socketPath?: string}).socketPath;
		assert.ok(socketPath, 'the test engine is reached on a unix socket');
		const container = await finished('raw', 'echo raw-one; sleep 0.1; echo raw-two >&2');
		const socket = await openRawStream(socketPath, `/v${file.current.apiVersion}/containers/${container.id}/logs?stdout=1&stderr=1`, new AbortController().signal);
		const parts: Buffer[] = [];
		socket.on('data', (chunk: Buffer) => parts.push(chunk));
		await new Promise(resolve => socket.once('end', resolve).resume());
		const body = Buffer.concat(parts);
		// Two frames: stream byte, 3 zeros, big-endian size, payload.
		assert.deepEqual([body[0], body.subarray(8, 16).toString()], [1, 'raw-one\n']);
		assert.deepEqual([body[16], body.subarray(24).toString()], [2, 'raw-two\n']);
	});

	it("shows the engine's own message when a raw read is refused", async () => {
		const socketPath = (file.current.docker.modem as {socketPath?: string}).socketPath ?? '';
		await assert.rejects(openRawStream(socketPath, `/v${file.current.apiVersion}/containers/no-such-container-dockdeck/logs?stdout=1`, new AbortController().signal), error => {
			assert.match(engineMessage(error), /No such container: no-such-container-dockdeck/);
			return true;
		});
	});

	it('delivers stdout and stderr lines in order, each with its stream and time', async () => {
		// stdout and stderr are separate pipes copied by separate engine goroutines: lines written
		// within the same instant on both may be stored in either order, so the script paces them.
		const container = await finished('streams', 'echo one; sleep 0.1; echo two >&2; sleep 0.1; echo three; sleep 0.1; printf "no newline"');
		const lines = await collect(container.id, {tail: 'all', follow: false});
		assert.deepEqual(
			lines.map(line => `${line.stream}:${line.text}`),
			['stdout:one', 'stderr:two', 'stdout:three', 'stdout:no newline'],
		);
		for (const line of lines) assert.ok(line.time && Math.abs(line.time - Date.now()) < 60_000, 'a timestamp near now');
	});

	it('reads a TTY container raw, without garbling it by demuxing', async () => {
		const container = await finished('tty', 'printf "\\033[31mred\\033[0m\\n"; echo plain', true);
		const lines = await collect(container.id, {tail: 'all', follow: false});
		assert.deepEqual(lines.map(line => line.text), ['\u001B[31mred\u001B[0m', 'plain']);
		assert.ok(lines.every(line => line.stream === 'stdout'));
	});

	it('honours tail and since', async () => {
		const container = await finished('tail', 'for i in 1 2 3 4 5 6 7 8 9 10; do echo line-$i; done');
		const lastThree = await collect(container.id, {tail: 3, follow: false});
		assert.deepEqual(lastThree.map(line => line.text), ['line-8', 'line-9', 'line-10']);
		const future = await collect(container.id, {tail: 'all', sinceMs: Date.now() + 60_000, follow: false});
		assert.deepEqual(future, []);
	});

	it('follows a running container and stops when aborted', async () => {
		const container = await createContainer(file.current.docker, 'follow', {Cmd: ['sh', '-c', 'trap "exit 0" TERM; i=0; while true; do i=$((i+1)); echo tick-$i; sleep 0.2; done']});
		await container.start();
		const lines: LogLine[] = [];
		const abort = new AbortController();
		const done = streamContainerLogs(file.current.docker, container.id, {tail: 0, follow: true}, abort.signal, batch => lines.push(...batch.map(decoded)));
		await eventually(() => lines.length >= 3, 'three followed lines');
		abort.abort();
		await done;
		const count = lines.length;
		await new Promise(resolve => setTimeout(resolve, 500));
		assert.equal(lines.length, count, 'no line after the abort');
		assert.match(lines[0]?.text ?? '', /^tick-\d+$/);
	});
});

describe('merged logs on the real engine', () => {
	it('merges the backlogs of several containers in time order, each line with its source', async () => {
		const {LiveStore} = await import('../../source/store/live-store.js');
		const {LogSession} = await import('../../source/store/log-session.js');
		const {connectEngine} = await import('../../source/engine/client.js');
		const {describeEngineError, engineMessage} = await import('../../source/engine/connection.js');
		const {isConnectionError} = await import('../../source/engine/errors.js');
		const {testEndpoint} = await import('./engine-test-kit.js');
		const endpoint = testEndpoint();
		const store = new LiveStore({connect: () => connectEngine(endpoint), listers: {}, describeProblem: error => describeEngineError(error, endpoint), errorMessage: engineMessage, isConnectionError});
		store.start();
		try {
			await eventually(() => store.getSnapshot().connection.status === 'connected', 'the store to connect');
			// Interleaved in time across two containers: a1 b1 a2 b2.
			const [first, second] = await Promise.all([
				createContainer(file.current.docker, 'merge-a', {Cmd: ['sh', '-c', 'echo a1; sleep 0.6; echo a2']}),
				createContainer(file.current.docker, 'merge-b', {Cmd: ['sh', '-c', 'sleep 0.3; echo b1; sleep 0.6; echo b2']}),
			]);
			assert.ok(first && second);
			await Promise.all([first.start(), second.start()]);
			await Promise.all([first.wait(), second.wait()]);
			const logs = new LogSession(store, [{id: first.id, label: 'a'}, {id: second.id, label: 'b'}], 100, engineMessage, 0);
			logs.start({tail: 'all', follow: true});
			await eventually(() => logs.current.status === 'ended' && logs.buffer.size >= 4, 'both backlogs and the end of both streams');
			logs.stop();
			assert.deepEqual(logs.buffer.toArray().map(line => `${line.source}:${line.text}`), ['a:a1', 'b:b1', 'a:a2', 'b:b2']);
		} finally {
			store.stop();
		}
	});
});
