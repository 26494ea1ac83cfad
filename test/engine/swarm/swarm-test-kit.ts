/**
 * Set-up for the tests against the real Swarm that test/run-engine-tests.sh
 * starts (harness.sh up 3 1: dockdeck-n1 manager, dockdeck-n2 and -n3
 * workers). Each file holds the cluster alone (a lock, since files may run in
 * parallel and drain, stop or promote nodes), and leaves it as it found it:
 * its services, secrets, configs and node labels removed, every node active,
 * running and in its first role.
 */
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {after, before} from 'node:test';
import {connectEngine, type EngineSession} from '../../../source/engine/client.js';
import {resolveEndpoint} from '../../../source/engine/endpoint.js';
import {editNodeLabels, setNodeAvailability, setNodeRole} from '../../../source/engine/swarm/node-actions.js';
import {listNodes} from '../../../source/engine/swarm/nodes.js';
import type {RawServiceSpec} from '../../../source/engine/swarm/raw.js';
import {createService} from '../../../source/engine/swarm/service-actions.js';
import type {NodeSummary} from '../../../source/engine/swarm/types.js';
import {eventually, image, runId, sleeper, testLabel} from '../engine-test-kit.js';

export {eventually, image, runId, testLabel};

const harness = join(import.meta.dirname, '../harness.sh');
const run = promisify(execFile);

/** Node labels the tests add start with this, so cleanup finds them. */
export const labelPrefix = `ddtest-${runId}-`;

export function engineDir(): string {
	const dir = process.env['DOCKDECK_ENGINE_DIR'];
	assert.ok(dir, 'DOCKDECK_ENGINE_DIR is not set: run the swarm tests with DOCKDECK_ENGINE_PHASE=swarm bash test/run-engine-tests.sh');
	return dir;
}

/** unix socket paths, node 1 first (DOCKDECK_NODE_SOCKETS from the harness). */
export function nodeSockets(): string[] {
	const sockets = (process.env['DOCKDECK_NODE_SOCKETS'] ?? '').split(' ').filter(Boolean);
	assert.ok(sockets.length >= 3, `the swarm tests need the 3-node swarm (harness.sh up 3 1); DOCKDECK_NODE_SOCKETS is "${process.env['DOCKDECK_NODE_SOCKETS'] ?? ''}"`);
	return sockets;
}

export async function connectNode(index: number): Promise<EngineSession> {
	const socket = nodeSockets()[index - 1];
	assert.ok(socket, `no node ${index}`);
	return connectEngine(resolveEndpoint({host: `unix://${socket}`, env: {}, homeDir: '/nonexistent'}));
}

/** harness.sh stop|start I: the node's daemon stopped cleanly, or started again. */
export async function harnessNode(action: 'stop' | 'start', index: number): Promise<void> {
	await run('bash', [harness, action, String(index)], {env: {...process.env, DOCKDECK_ENGINE_DIR: engineDir()}, timeout: 120_000});
}

async function nodeAnswers(index: number): Promise<boolean> {
	try {
		const session = await connectNode(index);
		session.close();
		return true;
	} catch {
		return false;
	}
}

// One file at a time on the cluster: mkdir is atomic; a lock whose owner died is taken over.
const lockDir = () => join(engineDir(), 'swarm-tests.lock');

async function lockCluster(): Promise<void> {
	const deadline = Date.now() + 15 * 60_000;
	for (;;) {
		try {
			mkdirSync(lockDir());
			writeFileSync(join(lockDir(), 'pid'), String(process.pid));
			return;
		} catch {
			let owner = 0;
			try {
				owner = Number(readFileSync(join(lockDir(), 'pid'), 'utf8'));
			} catch {
				// No pid file yet: its owner is between mkdir and write.
			}
			if (owner > 0 && !isAlive(owner)) rmSync(lockDir(), {recursive: true, force: true});
		}
		assert.ok(Date.now() < deadline, `another swarm test file held ${lockDir()} for 15 minutes`);
		await new Promise(resolve => setTimeout(resolve, 200));
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

export interface SwarmFile {
	/** A session on the manager (node 1). */
	readonly current: EngineSession;
	/** Nodes as they were when the file started. */
	readonly nodes: readonly NodeSummary[];
	node(hostname: string): NodeSummary;
}

/** Locks the cluster for this file's tests, and restores it afterwards, pass or fail. */
export function swarmForFile(): SwarmFile {
	const state: {current: EngineSession; nodes: NodeSummary[]} = {current: undefined as unknown as EngineSession, nodes: []};
	before(async () => {
		await lockCluster();
		state.current = await connectNode(1);
		state.nodes = await listNodes(state.current.docker);
	});
	after(async () => {
		try {
			await restoreCluster(state.current, state.nodes);
		} finally {
			state.current.close();
			rmSync(lockDir(), {recursive: true, force: true});
		}
	});
	return {
		get current() {
			return state.current;
		},
		get nodes() {
			return state.nodes;
		},
		node(hostname) {
			const found = state.nodes.find(node => node.hostname === hostname);
			assert.ok(found, `the swarm has no node ${hostname}`);
			return found;
		},
	};
}

async function restoreCluster(session: EngineSession, initial: readonly NodeSummary[]): Promise<void> {
	const docker = session.docker;
	const sockets = nodeSockets();
	for (let index = 1; index <= sockets.length; index++) {
		if (!(await nodeAnswers(index))) await harnessNode('start', index);
	}
	const filters = {label: [`dockdeck.test=${runId}`]};
	const services = (await docker.listServices({filters})) as {ID: string}[];
	await Promise.all(services.map(service => docker.getService(service.ID).remove().catch(() => {})));
	const secrets = (await docker.listSecrets({filters})) as {ID: string}[];
	await Promise.all(secrets.map(secret => docker.getSecret(secret.ID).remove().catch(() => {})));
	const configs = (await docker.listConfigs({filters})) as {ID: string}[];
	await Promise.all(configs.map(config => docker.getConfig(config.ID).remove().catch(() => {})));
	for (const node of await listNodes(docker)) {
		const was = initial.find(each => each.id === node.id);
		const ours = Object.keys(node.labels).filter(key => key.startsWith(labelPrefix));
		if (ours.length > 0) await editNodeLabels(docker, node.id, {}, ours);
		if (node.availability !== (was?.availability ?? 'active')) await setNodeAvailability(docker, node.id, was?.availability ?? 'active');
		if (was && node.role !== was.role) await setNodeRole(docker, node.id, was.role);
	}
	// Wait for every node to be back: ready, in its first role.
	await eventually(async () => {
		const nodes = await listNodes(docker);
		return nodes.every(node => node.state === 'ready' && node.role === (initial.find(each => each.id === node.id)?.role ?? node.role)) || undefined;
	}, 'every node ready again in its first role', 60_000);
}

export interface TestServiceOptions {
	replicas?: number;
	global?: boolean;
	constraints?: string[];
	env?: string[];
	maxReplicasPerNode?: number;
	secrets?: {id: string; name: string}[];
	configs?: {id: string; name: string}[];
}

/** The spec of a small busybox sleeper service; updates and rollbacks run all tasks at once with a short monitor. */
export function testServiceSpec(name: string, options: TestServiceOptions = {}): RawServiceSpec {
	const fast = {Parallelism: 0, Delay: 0, Monitor: 500_000_000, FailureAction: 'pause', Order: 'stop-first'};
	return {
		Name: `t-${runId}-${name}`,
		Labels: {...testLabel},
		TaskTemplate: {
			ContainerSpec: {
				Image: image,
				Args: sleeper,
				...(options.env ? {Env: options.env} : {}),
				StopGracePeriod: 1_000_000_000,
				...(options.secrets ? {Secrets: options.secrets.map(({id, name: secret}) => ({SecretID: id, SecretName: secret, File: {Name: secret, UID: '0', GID: '0', Mode: 0o444}}))} : {}),
				...(options.configs ? {Configs: options.configs.map(({id, name: config}) => ({ConfigID: id, ConfigName: config, File: {Name: `/${config}`, UID: '0', GID: '0', Mode: 0o444}}))} : {}),
			},
			Placement: {
				...(options.constraints ? {Constraints: options.constraints} : {}),
				...(options.maxReplicasPerNode ? {MaxReplicas: options.maxReplicasPerNode} : {}),
			},
			RestartPolicy: {Condition: 'any', Delay: 100_000_000},
		},
		Mode: options.global ? {Global: {}} : {Replicated: {Replicas: options.replicas ?? 1}},
		UpdateConfig: fast,
		RollbackConfig: fast,
	};
}

export async function createTestService(session: EngineSession, name: string, options: TestServiceOptions = {}): Promise<string> {
	return createService(session.docker, testServiceSpec(name, options));
}
