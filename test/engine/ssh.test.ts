// The ssh agent against a real, private sshd on 127.0.0.1 and a real engine:
// requests go `ssh` master → channel → `docker system dial-stdio` → engine.
// The sshd runs from a temp folder with its own host key, authorized_keys and
// config (the system sshd config is never read or changed), and sets
// DOCKER_HOST for remote commands to the test engine, DOCKDECK_TEST_HOST
// (e.g. unix:///tmp/dockdeck-engine/n1/docker.sock, from test/engine/harness.sh).
//
// Needs: openssh-server (/usr/sbin/sshd), openssh-client, the docker CLI on
// the PATH sshd gives sessions, and DOCKDECK_TEST_HOST. Missing pieces fail
// the test with a message; they never skip it.

import assert from 'node:assert/strict';
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {describeEngineError, openDocker, type EngineConnection} from '../../source/engine/connection.js';
import {resolveEndpoint, type Endpoint, type SshEndpoint} from '../../source/engine/endpoint.js';
import {SshError} from '../../source/engine/ssh-agent.js';
import {failure} from '../support/failure.js';

const SSHD = '/usr/sbin/sshd';
const testHost = process.env['DOCKDECK_TEST_HOST'];

interface Sshd {
	port: number;
	dir: string;
	/** ssh options that make the client use only our key and known_hosts. */
	sshArgs(key?: string, knownHosts?: string): string[];
	/** Keys in the folder: "allowed" (authorized), "nopath" (authorized, PATH without docker), "stranger" (not authorized). */
	key(name: 'allowed' | 'nopath' | 'stranger'): string;
	log(): string;
	stop(): Promise<void>;
}

async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as net.AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

function run(command: string, args: string[]): void {
	const result = spawnSync(command, args, {encoding: 'utf8'});
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed: ${result.error?.message ?? result.stderr}`);
	}
}

async function startSshd(engineHost: string): Promise<Sshd> {
	if (!existsSync(SSHD)) {
		throw new Error(`${SSHD} not found: install openssh-server (apt-get install -y openssh-server) to run the ssh engine test`);
	}

	const dir = mkdtempSync(path.join(os.tmpdir(), 'dockdeck-sshd-'));
	const port = await freePort();
	run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'dockdeck-test-host', '-f', path.join(dir, 'host_key')]);
	for (const name of ['allowed', 'nopath', 'stranger']) {
		run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `dockdeck-test-${name}`, '-f', path.join(dir, name)]);
	}

	const publicKey = (name: string): string => readFileSync(path.join(dir, `${name}.pub`), 'utf8').trim();
	writeFileSync(path.join(dir, 'authorized_keys'), [
		publicKey('allowed'),
		// Same user, but a PATH where there is no docker: the remote shell fails
		// like on a host without docker installed.
		`environment="PATH=/nonexistent" ${publicKey('nopath')}`,
		'',
	].join('\n'));
	writeFileSync(path.join(dir, 'known_hosts'), `[127.0.0.1]:${port} ${publicKey('host_key')}\n`);
	writeFileSync(path.join(dir, 'empty_known_hosts'), '');
	writeFileSync(path.join(dir, 'sshd_config'), [
		`Port ${port}`,
		'ListenAddress 127.0.0.1',
		`HostKey ${path.join(dir, 'host_key')}`,
		`PidFile ${path.join(dir, 'sshd.pid')}`,
		`AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
		'AuthenticationMethods publickey',
		'PasswordAuthentication no',
		'KbdInteractiveAuthentication no',
		'PermitRootLogin prohibit-password',
		'PermitUserEnvironment PATH',
		// The temp folder's modes are not sshd's business here.
		'StrictModes no',
		'UsePAM no',
		'LogLevel VERBOSE',
		`SetEnv DOCKER_HOST=${engineHost}`,
		'',
	].join('\n'));
	// sshd running as root wants its privilege separation folder.
	if (process.getuid?.() === 0) {
		mkdirSync('/run/sshd', {recursive: true, mode: 0o755});
	}

	let log = '';
	const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', path.join(dir, 'sshd_config')], {stdio: ['ignore', 'ignore', 'pipe']});
	child.stderr?.setEncoding('utf8');
	child.stderr?.on('data', (chunk: string) => {
		log += chunk;
	});
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`sshd did not start listening within 10 s:\n${log}`)), 10_000);
		const check = (): void => {
			if (log.includes('Server listening on 127.0.0.1')) {
				clearTimeout(timer);
				resolve();
			}
		};

		child.stderr?.on('data', check);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`sshd exited with code ${code}:\n${log}`));
		});
		check();
	});

	return {
		port,
		dir,
		key: (name) => path.join(dir, name),
		sshArgs: (key = path.join(dir, 'allowed'), knownHosts = path.join(dir, 'known_hosts')) => [
			// Ignore the user's ~/.ssh/config and ssh-agent: only our key counts.
			'-F', '/dev/null',
			'-i', key,
			'-o', 'IdentitiesOnly=yes',
			'-o', 'IdentityAgent=none',
			'-o', `UserKnownHostsFile=${knownHosts}`,
			'-o', 'GlobalKnownHostsFile=/dev/null',
			'-o', 'StrictHostKeyChecking=yes',
		],
		log: () => log,
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise((resolve) => child.once('exit', resolve));
				child.kill();
				await exited;
			}

			rmSync(dir, {recursive: true, force: true});
		},
	};
}

function count(text: string, pattern: RegExp): number {
	return text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
}

async function waitFor(condition: () => boolean, what: string, tries = 100): Promise<void> {
	for (let i = 0; i < tries; i++) {
		if (condition()) {
			return;
		}

		await new Promise((resolve) => setTimeout(resolve, 50));
	}

	assert.fail(`timed out waiting for ${what}`);
}


if (testHost === undefined || testHost === '') {
	test('ssh engine test', () => {
		assert.fail('DOCKDECK_TEST_HOST is not set: start an engine with test/engine/harness.sh and set DOCKDECK_TEST_HOST to its address, e.g. unix:///tmp/dockdeck-engine/n1/docker.sock');
	});
} else {
	describe('ssh endpoint against a real sshd and engine', () => {
		let sshd: Sshd;
		let direct: EngineConnection;
		let endpoint: SshEndpoint;
		const engineEndpoint: Endpoint = resolveEndpoint({host: testHost, env: {}, homeDir: os.homedir()});

		before(async () => {
			sshd = await startSshd(engineEndpoint.url);
			direct = await openDocker(engineEndpoint);
			endpoint = {kind: 'ssh', user: os.userInfo().username, host: '127.0.0.1', port: sshd.port, url: `ssh://${os.userInfo().username}@127.0.0.1:${sshd.port}`, origin: 'test', context: 'default'};
		});

		after(async () => {
			direct?.close();
			await sshd?.stop();
		});

		test('reaches the engine through one ssh connection', async () => {
			const before = count(sshd.log(), /Accepted publickey/);
			const connection = await openDocker(endpoint, {ssh: {sshArgs: sshd.sshArgs()}});
			try {
				assert.equal(connection.apiVersion, direct.apiVersion);
				const [viaSsh, local] = await Promise.all([connection.docker.info() as Promise<{ID: string}>, direct.docker.info() as Promise<{ID: string}>]);
				assert.equal(viaSsh.ID, local.ID, 'ssh reached a different engine than DOCKDECK_TEST_HOST');
				for (let i = 0; i < 10; i++) {
					await connection.docker.listContainers({all: true});
				}

				await Promise.all(Array.from({length: 5}, async () => connection.docker.listImages()));
				// A streamed response (events up to now ends on its own).
				const stream = await connection.docker.getEvents({since: Math.floor(Date.now() / 1000) - 60, until: Math.floor(Date.now() / 1000)});
				for await (const chunk of stream) {
					assert.ok(chunk);
				}

				// Every request above rode the same master: one login.
				assert.equal(count(sshd.log(), /Accepted publickey/) - before, 1);
			} finally {
				connection.close();
			}

			// sshd words the end of a session differently by version, and logs it late on a busy machine.
			await waitFor(() => count(sshd.log(), /Disconnected from user|Received disconnect from|Connection closed by|session closed/) >= 1, 'sshd to see the master close', 400);
		});

		test('a socket path in the ssh URL is passed to the remote docker', async () => {
			assert.equal(engineEndpoint.kind, 'unix', 'DOCKDECK_TEST_HOST must be a unix socket (the harness engine is)');
			const socketPath = engineEndpoint.kind === 'unix' ? engineEndpoint.socketPath : '';
			const connection = await openDocker({...endpoint, socketPath}, {ssh: {sshArgs: sshd.sshArgs()}});
			try {
				assert.equal(((await connection.docker.info()) as {ID: string}).ID, ((await direct.docker.info()) as {ID: string}).ID);
			} finally {
				connection.close();
			}
		});

		test('an unauthorized key fails with ssh\'s message', async () => {
			const error = await failure(openDocker(endpoint, {ssh: {sshArgs: sshd.sshArgs(sshd.key('stranger'))}}));
			assert.ok(error instanceof SshError, String(error));
			assert.equal(error.stage, 'connect');
			assert.match(error.stderr, /Permission denied \(publickey\)/);
			assert.match(describeEngineError(error, endpoint).hint ?? '', /ssh-add/);
		});

		test('an unknown host key fails with ssh\'s message', async () => {
			const error = await failure(openDocker(endpoint, {ssh: {sshArgs: sshd.sshArgs(undefined, path.join(sshd.dir, 'empty_known_hosts'))}}));
			assert.ok(error instanceof SshError, String(error));
			assert.match(error.stderr, /Host key verification failed/);
		});

		test('an unreachable sshd fails with ssh\'s message', async () => {
			const port = await freePort();
			const error = await failure(openDocker({...endpoint, port}, {ssh: {sshArgs: sshd.sshArgs()}}));
			assert.ok(error instanceof SshError, String(error));
			assert.match(error.stderr, /Connection refused/);
		});

		test('docker missing from the remote PATH fails with the remote shell\'s message', async () => {
			const error = await failure(openDocker(endpoint, {ssh: {sshArgs: sshd.sshArgs(sshd.key('nopath'))}}));
			assert.ok(error instanceof SshError, String(error));
			assert.equal(error.stage, 'channel');
			assert.equal(error.exitCode, 127);
			assert.match(error.stderr, /docker.*not found/);
			assert.match(describeEngineError(error, endpoint).hint ?? '', /not on the PATH/);
		});

		test('a missing remote engine socket fails with docker\'s message', async () => {
			const error = await failure(openDocker({...endpoint, socketPath: '/nonexistent/docker.sock'}, {ssh: {sshArgs: sshd.sshArgs()}}));
			assert.ok(error instanceof SshError, String(error));
			assert.equal(error.stage, 'channel');
			assert.match(error.stderr, /\/nonexistent\/docker\.sock/);
			assert.match(describeEngineError(error, endpoint).hint ?? '', /could not open its engine socket/);
		});
	});
}
