// describeEngineError and engineMessage against errors shaped like the real
// ones; most are produced for real (missing socket, refused connection, TLS
// to a plain server, engine HTTP errors through dockerode).

import assert from 'node:assert/strict';
import {linkSync, mkdtempSync, rmSync} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import type {Endpoint, TcpEndpoint} from '../../../source/engine/endpoint.js';
import {EndpointError} from '../../../source/engine/endpoint.js';
import {describeEngineError, engineMessage, EngineTimeoutError, openDocker} from '../../../source/engine/connection.js';
import {SshError} from '../../../source/engine/ssh-agent.js';
import {sendJson, startFakeEngine} from './fake-engine.js';
import {failure} from '../../support/failure.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dockdeck-describe-'));
after(() => rmSync(tmp, {recursive: true, force: true}));

function unixEndpoint(socketPath: string): Endpoint {
	return {kind: 'unix', socketPath, url: `unix://${socketPath}`, origin: 'test', context: 'default'};
}

function tcpEndpoint(port: number, tls?: {verify: boolean}): TcpEndpoint {
	return {kind: 'tcp', host: '127.0.0.1', port, ...(tls === undefined ? {} : {tls}), url: `tcp://127.0.0.1:${port}`, origin: 'test', context: 'default'};
}

const sshEndpoint: Endpoint = {kind: 'ssh', user: 'deploy', host: 'box', url: 'ssh://deploy@box', origin: 'test', context: 'default'};


/** Listens on a free TCP port with the given handler; returns the port and a closer. */
async function listenTcp(handler: http.RequestListener): Promise<{port: number; close: () => Promise<void>}> {
	const server = http.createServer(handler);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as net.AddressInfo;
	return {
		port,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

describe('unix socket failures', () => {
	test('missing socket (ENOENT)', async () => {
		const socketPath = path.join(tmp, 'missing.sock');
		const endpoint = unixEndpoint(socketPath);
		const error = await failure(openDocker(endpoint));
		assert.equal((error as NodeJS.ErrnoException).code, 'ENOENT');
		const description = describeEngineError(error, endpoint);
		assert.equal(description.title, `No Docker socket at ${socketPath}`);
		assert.match(description.detail, /connect ENOENT/);
		assert.equal(description.hint, 'is dockerd running? or set DOCKER_HOST / --host');
	});

	test('socket file with nobody listening (ECONNREFUSED)', async () => {
		// A hard link keeps the socket inode after the server closes and
		// unlinks its own name: a socket file that refuses connections.
		const live = path.join(tmp, 'live.sock');
		const stale = path.join(tmp, 'stale.sock');
		const server = net.createServer();
		await new Promise<void>((resolve) => server.listen(live, resolve));
		linkSync(live, stale);
		await new Promise<void>((resolve) => server.close(() => resolve()));
		const endpoint = unixEndpoint(stale);
		const error = await failure(openDocker(endpoint));
		assert.equal((error as NodeJS.ErrnoException).code, 'ECONNREFUSED');
		const description = describeEngineError(error, endpoint);
		assert.equal(description.title, `Nothing is listening on ${stale}`);
		assert.match(description.hint ?? '', /dockerd is not answering/);
	});

	test('permission denied (EACCES), shaped like node\'s', () => {
		// Root ignores file modes, so build the error exactly as net.connect does.
		const error = Object.assign(new Error('connect EACCES /var/run/docker.sock'), {errno: -13, code: 'EACCES', syscall: 'connect', address: '/var/run/docker.sock'});
		const description = describeEngineError(error, unixEndpoint('/var/run/docker.sock'));
		assert.equal(description.title, 'Permission denied on /var/run/docker.sock');
		assert.equal(description.detail, 'connect EACCES /var/run/docker.sock');
		assert.equal(description.hint, 'add your user to the docker group: sudo usermod -aG docker $USER, then log in again');
	});
});

describe('tcp failures', () => {
	test('connection refused', async () => {
		const {port, close} = await listenTcp(() => undefined);
		await close();
		const endpoint = tcpEndpoint(port);
		const error = await failure(openDocker(endpoint));
		assert.equal((error as NodeJS.ErrnoException).code, 'ECONNREFUSED');
		const description = describeEngineError(error, endpoint);
		assert.equal(description.title, `Connection refused by 127.0.0.1:${port}`);
		assert.match(description.hint ?? '', /DOCKER_HOST/);
	});

	test('TLS client against a plain HTTP engine', async () => {
		const server = await listenTcp((_request, response) => response.end('OK'));
		try {
			const endpoint = tcpEndpoint(server.port, {verify: true});
			const error = await failure(openDocker(endpoint));
			const description = describeEngineError(error, endpoint);
			assert.equal(description.title, `TLS failure talking to 127.0.0.1:${server.port}`);
			assert.match(description.detail, /SSL|wrong version|EPROTO/i);
			assert.match(description.hint ?? '', /DOCKER_CERT_PATH/);
		} finally {
			await server.close();
		}
	});

	test('certificate verification failure, shaped like node\'s', () => {
		const error = Object.assign(new Error('self-signed certificate'), {code: 'DEPTH_ZERO_SELF_SIGNED_CERT'});
		const description = describeEngineError(error, tcpEndpoint(2376, {verify: true}));
		assert.equal(description.title, 'TLS failure talking to 127.0.0.1:2376');
		assert.equal(description.detail, 'self-signed certificate');
	});

	test('TLS failure on a context points at the context', () => {
		const error = Object.assign(new Error('unable to verify the first certificate'), {code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'});
		const endpoint: Endpoint = {...tcpEndpoint(2376, {verify: true}), context: 'prod'};
		assert.match(describeEngineError(error, endpoint).hint ?? '', /context "prod"/);
	});

	test('bad client key material', () => {
		const error = Object.assign(new Error('error:1E08010C:DECODER routines::unsupported'), {code: 'ERR_OSSL_UNSUPPORTED'});
		assert.equal(describeEngineError(error, tcpEndpoint(2376, {verify: true})).title, 'Cannot load the TLS client certificate or key');
	});

	test('plain HTTP against a TLS engine (dockerd answers 400)', async () => {
		// What Go's HTTPS server says to a plain HTTP client.
		const server = await listenTcp((_request, response) => {
			response.writeHead(400, {'Content-Type': 'text/plain; charset=utf-8', Connection: 'close'});
			response.end('Client sent an HTTP request to an HTTPS server.\n');
		});
		try {
			const endpoint = tcpEndpoint(server.port);
			const error = await failure(openDocker(endpoint));
			const description = describeEngineError(error, endpoint);
			assert.equal(description.title, `The engine at tcp://127.0.0.1:${server.port} requires TLS`);
			assert.equal(description.detail, 'Client sent an HTTP request to an HTTPS server.');
			assert.match(description.hint ?? '', /DOCKER_TLS_VERIFY=1/);
		} finally {
			await server.close();
		}
	});

	test('unknown host, shaped like node\'s', () => {
		const error = Object.assign(new Error('getaddrinfo ENOTFOUND nohost.invalid'), {errno: -3008, code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: 'nohost.invalid'});
		const description = describeEngineError(error, {...tcpEndpoint(2375), host: 'nohost.invalid', url: 'tcp://nohost.invalid:2375'});
		assert.equal(description.title, 'Unknown host in tcp://nohost.invalid:2375');
	});
});

describe('ssh failures keep ssh\'s own words', () => {
	test('host unreachable', () => {
		const error = new SshError('deploy@box', 'connect', 'ssh: connect to host box port 22: Connection refused', 255);
		const description = describeEngineError(error, sshEndpoint);
		assert.equal(description.title, 'ssh connection to deploy@box failed');
		assert.equal(description.detail, 'ssh: connect to host box port 22: Connection refused');
		assert.match(description.hint ?? '', /sshd running on deploy@box/);
	});

	test('authentication failed', () => {
		const error = new SshError('deploy@box', 'connect', 'deploy@box: Permission denied (publickey).', 255);
		assert.match(describeEngineError(error, sshEndpoint).hint ?? '', /ssh-add/);
	});

	test('unknown host key', () => {
		const error = new SshError('deploy@box', 'connect', 'Host key verification failed.', 255);
		assert.match(describeEngineError(error, sshEndpoint).hint ?? '', /run `ssh deploy@box` once/);
	});

	test('docker missing on the remote PATH', () => {
		const error = new SshError('deploy@box', 'channel', 'bash: line 1: docker: command not found', 127);
		const description = describeEngineError(error, sshEndpoint);
		assert.equal(description.title, 'Cannot reach the engine on deploy@box over ssh');
		assert.equal(description.detail, 'bash: line 1: docker: command not found');
		assert.match(description.hint ?? '', /not on the PATH of non-interactive ssh sessions/);
		assert.equal(engineMessage(error), 'bash: line 1: docker: command not found');
	});

	test('remote engine socket missing', () => {
		const error = new SshError('deploy@box', 'channel', 'failed to open the raw stream connection: dial unix /nonexistent/docker.sock: connect: no such file or directory', 1);
		const description = describeEngineError(error, sshEndpoint);
		assert.equal(description.detail, 'failed to open the raw stream connection: dial unix /nonexistent/docker.sock: connect: no such file or directory');
		assert.match(description.hint ?? '', /could not open its engine socket/);
	});

	test('remote engine socket not accessible', () => {
		const error = new SshError('deploy@box', 'channel', 'failed to open the raw stream connection: dial unix /var/run/docker.sock: connect: permission denied', 1);
		assert.match(describeEngineError(error, sshEndpoint).hint ?? '', /usermod -aG docker/);
	});

	test('no ssh binary', () => {
		const error = new SshError('deploy@box', 'spawn', '', null, 'the ssh command was not found; install an OpenSSH client (ssh) to reach engines over ssh://');
		assert.equal(describeEngineError(error, sshEndpoint).title, 'ssh is not available');
	});
});

describe('other errors', () => {
	test('endpoint configuration errors pass through', () => {
		const description = describeEngineError(new EndpointError('DOCKER_HOST value "x://" has an unknown scheme'), sshEndpoint);
		assert.deepEqual(description, {title: 'Invalid engine configuration', detail: 'DOCKER_HOST value "x://" has an unknown scheme'});
	});

	test('timeouts', () => {
		const description = describeEngineError(new EngineTimeoutError('the engine at ssh://deploy@box did not answer within 60 s'), sshEndpoint);
		assert.equal(description.title, 'No answer from the engine at ssh://deploy@box');
	});

	test('anything else keeps its message', () => {
		assert.deepEqual(describeEngineError(new Error('boom'), sshEndpoint), {title: 'Cannot reach the Docker engine at ssh://deploy@box', detail: 'boom'});
		assert.equal(describeEngineError('weird', sshEndpoint).detail, 'weird');
	});
});

describe('engine messages from failed API calls', () => {
	const conflict = 'cannot remove container "/web": container is running: stop the container before removing or force remove';
	let engine: Awaited<ReturnType<typeof startFakeEngine>>;
	before(async () => {
		engine = await startFakeEngine({
			pingVersion: '1.45',
			routes: {
				'DELETE /containers/web': (_request, response) => sendJson(response, 409, {message: conflict}),
				'GET /containers/gone/json': (_request, response) => sendJson(response, 404, {message: 'No such container: gone'}),
				'POST /containers/web/stop': (_request, response) => {
					response.writeHead(500, {'Content-Type': 'text/plain'});
					response.end('plain text failure\n');
				},
			},
		});
	});
	after(async () => engine.close());

	test('409 from container remove', async () => {
		const connection = await openDocker(unixEndpoint(engine.socketPath));
		try {
			const error = await failure(connection.docker.getContainer('web').remove());
			assert.equal((error as {statusCode?: number}).statusCode, 409);
			assert.equal(engineMessage(error), conflict);
			const description = describeEngineError(error, connection.endpoint);
			assert.equal(description.title, `The engine at unix://${engine.socketPath} answered HTTP 409`);
			assert.equal(description.detail, conflict);
		} finally {
			connection.close();
		}
	});

	test('404 from inspect', async () => {
		const connection = await openDocker(unixEndpoint(engine.socketPath));
		try {
			assert.equal(engineMessage(await failure(connection.docker.getContainer('gone').inspect())), 'No such container: gone');
		} finally {
			connection.close();
		}
	});

	test('a non-JSON error body', async () => {
		const connection = await openDocker(unixEndpoint(engine.socketPath));
		try {
			assert.equal(engineMessage(await failure(connection.docker.getContainer('web').stop())), 'plain text failure');
		} finally {
			connection.close();
		}
	});

	test('errors inside progress streams', () => {
		assert.equal(engineMessage({error: 'pull access denied', errorDetail: {message: 'pull access denied for nope, repository does not exist'}}), 'pull access denied for nope, repository does not exist');
	});

	test('docker-modem\'s message prefix is dropped when there is no body', () => {
		assert.equal(engineMessage(new Error('(HTTP code 502) unexpected - bad gateway ')), 'bad gateway');
	});

	test('non-errors', () => {
		assert.equal(engineMessage('just text'), 'just text');
	});
});
