/**
 * Shared set-up for tests against the real private engine that
 * test/run-engine-tests.sh starts: the endpoint, a run id label, and
 * container helpers that clean up after themselves.
 */
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {after, before} from 'node:test';
import type Docker from 'dockerode';
import {connectEngine, type EngineSession} from '../../source/engine/client.js';
import {resolveEndpoint, type Endpoint} from '../../source/engine/endpoint.js';

export function testEndpoint(): Endpoint {
	const host = process.env['DOCKDECK_TEST_HOST'];
	assert.ok(host, 'DOCKDECK_TEST_HOST is not set: run the engine tests with npm run test:engine, which starts a private engine');
	return resolveEndpoint({host, env: {}, homeDir: '/nonexistent'});
}

export const runId = randomBytes(4).toString('hex');
export const testLabel = {'dockdeck.test': runId};
export const image = 'dockdeck/busybox:latest';

/** sh as PID 1 ignores SIGTERM; the trap makes stop immediate. */
export const sleeper = ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'];

export async function openTestSession(): Promise<EngineSession> {
	return connectEngine(testEndpoint());
}

export async function createContainer(docker: Docker, name: string, options: Partial<Docker.ContainerCreateOptions> = {}): Promise<Docker.Container> {
	return docker.createContainer({name: `t-${runId}-${name}`, Image: image, Cmd: sleeper, Labels: testLabel, ...options});
}

export async function removeTestContainers(docker: Docker): Promise<void> {
	const leftovers = await docker.listContainers({all: true, filters: {label: [`dockdeck.test=${runId}`]}});
	await Promise.all(leftovers.map(container => docker.getContainer(container.Id).remove({force: true}).catch(() => {})));
}

export async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined && value !== false) return value;
		if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 50));
	}
}

/**
 * One session for a test file, opened before its tests and closed after them,
 * with every container the file created removed. Read it inside tests.
 */
export function sessionForFile(): {readonly current: EngineSession} {
	const holder: {current: EngineSession} = {current: undefined as unknown as EngineSession};
	before(async () => {
		holder.current = await openTestSession();
	});
	after(async () => {
		await removeTestContainers(holder.current.docker);
		holder.current.close();
	});
	return holder;
}

/**
 * Makes images without a registry: commitLayer(from, name, text, tag?) runs a
 * container from `from` that writes `text` into /<name>, commits it (one real
 * layer; tagged `repo:tag` when a tag is given), removes the container and
 * returns the image id.
 */
export function layerCommitter(docker: () => Docker, repo: string) {
	return async function commitLayer(from: string, name: string, text: string, tag?: string): Promise<string> {
		const container = await createContainer(docker(), name, {Image: from, Cmd: ['sh', '-c', `echo ${text} > /${name}`]});
		await container.start();
		await container.wait();
		const {Id} = (await container.commit(tag === undefined ? {} : {repo, tag})) as {Id: string};
		await container.remove();
		return Id;
	};
}
