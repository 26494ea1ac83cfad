// The ssh agent against a fake `ssh` (test/fixtures/fake-ssh/ssh) that acts
// out the master/channel protocol and its failures, so the plumbing is tested
// without an sshd. test/engine/ssh.test.ts covers a real sshd and engine.

import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {describeEngineError, openDocker} from '../../../source/engine/connection.js';
import type {Endpoint} from '../../../source/engine/endpoint.js';
import {SshAgent, SshError} from '../../../source/engine/ssh-agent.js';
import {startFakeEngine, type FakeEngine} from './fake-engine.js';
import {failure} from '../../support/failure.js';

const fakeSsh = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/fake-ssh/ssh');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dockdeck-ssh-agent-'));
const modeFile = path.join(tmp, 'mode');
const logFile = path.join(tmp, 'log');
let engine: FakeEngine;

before(async () => {
	engine = await startFakeEngine({pingVersion: '1.43'});
});

after(async () => {
	await engine.close();
	rmSync(tmp, {recursive: true, force: true});
});

const endpoint: Endpoint = {kind: 'ssh', user: 'deploy', host: 'box', port: 2222, url: 'ssh://deploy@box:2222', origin: 'test', context: 'default'};

function sshOptions(): {sshCommand: string; env: NodeJS.ProcessEnv; connectTimeoutMs: number} {
	return {
		sshCommand: fakeSsh,
		connectTimeoutMs: 5000,
		env: {
			...process.env,
			// The fake ssh is a node script; make sure `env node` finds this node.
			PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env['PATH'] ?? ''}`,
			FAKE_ENGINE_SOCK: engine.socketPath,
			FAKE_SSH_MODE_FILE: modeFile,
			FAKE_SSH_LOG: logFile,
		},
	};
}

function setMode(mode: 'ok' | 'refuse' | 'auth' | 'nodocker'): void {
	writeFileSync(modeFile, mode);
	writeFileSync(logFile, '');
}

interface Start {
	role: string;
	command: string;
	args: string[];
	pid: number;
}

function starts(): Start[] {
	return readFileSync(logFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Start);
}

async function waitForExit(pid: number): Promise<void> {
	for (let i = 0; i < 100; i++) {
		try {
			process.kill(pid, 0);
		} catch {
			return;
		}

		await new Promise((resolve) => setTimeout(resolve, 20));
	}

	assert.fail(`process ${pid} still running`);
}


describe('ssh agent', () => {
	test('one master, channels running docker system dial-stdio, reused across requests', async () => {
		setMode('ok');
		const connection = await openDocker(endpoint, {ssh: sshOptions()});
		try {
			assert.equal(connection.apiVersion, '1.43');
			for (let i = 0; i < 5; i++) {
				// Sequential requests: keep-alive hands the same channel back.
				const containers = await connection.docker.listContainers();
				assert.equal(containers[0]?.Id, 'c0ffee');
			}

			await Promise.all([connection.docker.listContainers(), connection.docker.listContainers(), connection.docker.listContainers()]);
			const log = starts();
			assert.equal(log.filter((entry) => entry.role === 'master').length, 1);
			const channels = log.filter((entry) => entry.role === 'channel');
			assert.ok(channels.length >= 1 && channels.length <= 4, `expected pooled channels, got ${channels.length} for 9 requests`);
			assert.ok(channels.every((entry) => entry.command === 'docker system dial-stdio'));
			const master = log.find((entry) => entry.role === 'master');
			assert.ok(master !== undefined);
			assert.ok(master.args.includes('-N'));
			assert.ok(master.args.includes('BatchMode=yes'));
			assert.deepEqual(master?.args.slice(master.args.indexOf('-l')), ['-l', 'deploy', '-p', '2222', '--', 'box']);
		} finally {
			connection.close();
		}
	});

	test('a remote socket path goes to the remote docker as --host', async () => {
		setMode('ok');
		const connection = await openDocker({...endpoint, socketPath: '/run/user/1000/docker engine.sock'}, {ssh: sshOptions()});
		connection.close();
		const channel = starts().find((entry) => entry.role === 'channel');
		// The remote shell sees one string, so the path with a space is quoted.
		assert.equal(channel?.command, 'docker \'--host=unix:///run/user/1000/docker engine.sock\' system dial-stdio');
	});

	test('close() ends the master and removes the control socket', async () => {
		setMode('ok');
		const connection = await openDocker(endpoint, {ssh: sshOptions()});
		const master = starts().find((entry) => entry.role === 'master');
		const controlPath = master?.args.find((arg) => arg.startsWith('ControlPath='))?.slice('ControlPath='.length);
		assert.ok(master !== undefined && controlPath !== undefined);
		assert.ok(existsSync(controlPath));
		connection.close();
		assert.equal(existsSync(path.dirname(controlPath)), false);
		await waitForExit(master.pid);
	});

	test('an unreachable host rejects the request with ssh\'s stderr', async () => {
		setMode('refuse');
		const error = await failure(openDocker(endpoint, {ssh: sshOptions()}));
		assert.ok(error instanceof SshError);
		assert.equal(error.stage, 'connect');
		assert.equal(error.exitCode, 255);
		assert.equal(error.stderr, 'ssh: connect to host box port 22: Connection refused');
		assert.match(error.message, /^ssh deploy@box: ssh: connect to host box port 22: Connection refused$/);
		assert.match(describeEngineError(error, endpoint).hint ?? '', /sshd running/);
	});

	test('failed authentication rejects the request with ssh\'s stderr', async () => {
		setMode('auth');
		const error = await failure(openDocker(endpoint, {ssh: sshOptions()}));
		assert.ok(error instanceof SshError);
		assert.equal(error.stderr, 'box: Permission denied (publickey).');
	});

	test('docker missing on the remote rejects the request with the shell\'s words', async () => {
		setMode('nodocker');
		const error = await failure(openDocker(endpoint, {ssh: sshOptions()}));
		assert.ok(error instanceof SshError);
		assert.equal(error.stage, 'channel');
		assert.equal(error.exitCode, 127);
		assert.equal(error.stderr, 'bash: line 1: docker: command not found');
	});

	test('a missing ssh binary rejects the request', async () => {
		const error = await failure(openDocker(endpoint, {ssh: {...sshOptions(), sshCommand: path.join(tmp, 'no-such-ssh')}}));
		assert.ok(error instanceof SshError);
		assert.equal(error.stage, 'spawn');
		assert.match(error.message, /ssh command was not found/);
	});

	test('after a failed connect the next request tries a new master', async () => {
		setMode('refuse');
		const agent = new SshAgent(endpoint, sshOptions());
		try {
			const request = (): Promise<void> => new Promise((resolve, reject) => {
				const http = agent.createConnection({}, (error, stream) => {
					if (error !== null) {
						reject(error);
						return;
					}

					stream.destroy();
					resolve();
				});
				assert.equal(http, undefined);
			});
			await assert.rejects(request(), SshError);
			writeFileSync(modeFile, 'ok');
			await request();
			assert.equal(starts().filter((entry) => entry.role === 'master').length, 2);
		} finally {
			agent.close();
		}
	});
});
