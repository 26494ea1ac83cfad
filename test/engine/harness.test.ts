// Proves the harness engine is a real Docker Engine: talks plain HTTP over its
// unix socket (node:http only, no dockerode), runs a busybox container through
// the API and reads its logs back. Run by test/run-engine-tests.sh, which starts
// the engine and sets DOCKDECK_TEST_HOST.
import assert from 'node:assert/strict';
import http from 'node:http';
import {after, before, describe, test} from 'node:test';

const host = process.env['DOCKDECK_TEST_HOST'] ?? '';
const socketPath = host.startsWith('unix://') ? host.slice('unix://'.length) : '';
const runId = process.env['DOCKDECK_TEST_RUN_ID'] ?? `${process.pid}-${Date.now()}`;
const image = 'dockdeck/busybox:latest';

type Reply = {status: number; body: Buffer};

function request(method: string, path: string, body?: unknown): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
		const req = http.request(
			{
				socketPath,
				method,
				path,
				headers: payload ? {'Content-Type': 'application/json', 'Content-Length': payload.length} : {},
				timeout: 30_000,
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => resolve({status: res.statusCode ?? 0, body: Buffer.concat(chunks)}));
				res.on('error', reject);
			},
		);
		req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timed out`)));
		req.on('error', reject);
		req.end(payload);
	});
}

async function json<T>(method: string, path: string, expected: number, body?: unknown): Promise<T> {
	const reply = await request(method, path, body);
	assert.equal(reply.status, expected, `${method} ${path}: ${reply.body.toString()}`);
	return (reply.body.length > 0 ? JSON.parse(reply.body.toString()) : undefined) as T;
}

// A non-TTY container's log stream is multiplexed: frames of an 8-byte header
// (stream type, 3 zero bytes, big-endian payload length) and the payload.
function demux(raw: Buffer): {stdout: string; stderr: string} {
	const out: Buffer[] = [];
	const err: Buffer[] = [];
	let offset = 0;
	while (offset + 8 <= raw.length) {
		const kind = raw[offset];
		const size = raw.readUInt32BE(offset + 4);
		const frame = raw.subarray(offset + 8, offset + 8 + size);
		(kind === 2 ? err : out).push(frame);
		offset += 8 + size;
	}
	return {stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString()};
}

describe('harness engine (real Docker Engine over a unix socket)', () => {
	const label = `dockdeck.test=${runId}`;

	before(async () => {
		// Never a skip: without the harness engine this suite fails, saying how to run it.
		assert.ok(socketPath, 'DOCKDECK_TEST_HOST is not a unix:// socket: run via bash test/run-engine-tests.sh');
		const images = await json<Array<{RepoTags: string[] | null}>>('GET', '/images/json', 200);
		assert.ok(
			images.some((i) => i.RepoTags?.includes(image)),
			`${image} must be imported by the harness`,
		);
	});

	after(async () => {
		// Pass or fail, nothing labelled with this run id survives.
		const filters = encodeURIComponent(JSON.stringify({label: [label]}));
		const left = await json<Array<{Id: string}>>('GET', `/containers/json?all=1&filters=${filters}`, 200);
		for (const c of left) await request('DELETE', `/containers/${c.Id}?force=1&v=1`);
	});

	test('GET /_ping answers OK', async () => {
		const reply = await request('GET', '/_ping');
		assert.equal(reply.status, 200);
		assert.equal(reply.body.toString(), 'OK');
	});

	test('GET /version reports a Linux engine', async () => {
		const v = await json<{ApiVersion: string; Os: string}>('GET', '/version', 200);
		assert.equal(v.Os, 'linux');
		assert.match(v.ApiVersion, /^1\.\d+$/);
	});

	test('runs busybox `echo hello` through the API and reads its logs', async () => {
		const name = `dockdeck-test-hello-${runId}`;
		const created = await json<{Id: string}>('POST', `/containers/create?name=${encodeURIComponent(name)}`, 201, {
			Image: image,
			Cmd: ['echo', 'hello'],
			Labels: {'dockdeck.test': runId},
			HostConfig: {NetworkMode: 'none'},
		});
		try {
			const filters = encodeURIComponent(JSON.stringify({label: [label]}));
			const listed = await json<Array<{Id: string}>>('GET', `/containers/json?all=1&filters=${filters}`, 200);
			assert.deepEqual(
				listed.map((c) => c.Id),
				[created.Id],
			);

			await json<undefined>('POST', `/containers/${created.Id}/start`, 204);
			const waited = await json<{StatusCode: number}>('POST', `/containers/${created.Id}/wait`, 200);
			assert.equal(waited.StatusCode, 0);

			const logs = await request('GET', `/containers/${created.Id}/logs?stdout=1&stderr=1`);
			assert.equal(logs.status, 200);
			assert.deepEqual(demux(logs.body), {stdout: 'hello\n', stderr: ''});

			const inspected = await json<{State: {Status: string; ExitCode: number}; Config: {Labels: Record<string, string>}}>(
				'GET',
				`/containers/${created.Id}/json`,
				200,
			);
			assert.equal(inspected.State.Status, 'exited');
			assert.equal(inspected.Config.Labels['dockdeck.test'], runId);
		} finally {
			await request('DELETE', `/containers/${created.Id}?force=1&v=1`);
		}
		const gone = await request('GET', `/containers/${created.Id}/json`);
		assert.equal(gone.status, 404);
	});
});
