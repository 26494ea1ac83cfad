// Endpoint resolution must pick the same engine as the docker CLI in the same
// shell; these cases follow cli/command/cli.go, opts/hosts.go and the context
// store layout, against fixture config folders.

import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {contextDigest, EndpointError, resolveEndpoint, type Endpoint, type ResolveInput} from '../../../source/engine/endpoint.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/docker-config');
// A home whose ~/.docker/config.json has currentContext "remote-tls".
const home = path.join(fixtures, 'home');
const configDir = path.join(home, '.docker');
const emptyHome = path.join(fixtures, 'no-such-home');

function resolve(input: Partial<ResolveInput> & {env?: ResolveInput['env']}): Endpoint {
	return resolveEndpoint({env: {}, homeDir: emptyHome, ...input});
}

function rejects(input: Partial<ResolveInput>, pattern: RegExp): void {
	assert.throws(() => resolve(input), (error: unknown) => {
		assert.ok(error instanceof EndpointError, `expected EndpointError, got ${String(error)}`);
		assert.match(error.message, pattern);
		return true;
	});
}

function contextTlsFile(name: string, file: string): string {
	return path.join(configDir, 'contexts', 'tls', contextDigest(name), 'docker', file);
}

describe('resolution order', () => {
	test('nothing configured gives the default socket', () => {
		assert.deepEqual(resolve({}), {
			kind: 'unix',
			socketPath: '/var/run/docker.sock',
			url: 'unix:///var/run/docker.sock',
			origin: 'default socket',
			context: 'default',
		});
	});

	test('--host and --context together are refused', () => {
		rejects({host: 'unix:///tmp/a.sock', context: 'ssh-box'}, /conflicting options: --host and --context/);
	});

	test('--context beats --host-less DOCKER_HOST, DOCKER_CONTEXT and currentContext', () => {
		const endpoint = resolve({context: 'ssh-box', homeDir: home, env: {DOCKER_HOST: 'tcp://1.2.3.4:2375', DOCKER_CONTEXT: 'insecure'}});
		assert.equal(endpoint.kind, 'ssh');
		assert.equal(endpoint.origin, 'context "ssh-box" (--context flag)');
		assert.equal(endpoint.context, 'ssh-box');
	});

	test('--host beats DOCKER_HOST, DOCKER_CONTEXT and currentContext', () => {
		const endpoint = resolve({host: 'unix:///tmp/flag.sock', homeDir: home, env: {DOCKER_HOST: 'tcp://1.2.3.4:2375', DOCKER_CONTEXT: 'ssh-box'}});
		assert.deepEqual(endpoint, {kind: 'unix', socketPath: '/tmp/flag.sock', url: 'unix:///tmp/flag.sock', origin: '--host flag', context: 'default'});
	});

	test('DOCKER_HOST beats DOCKER_CONTEXT and currentContext', () => {
		const endpoint = resolve({homeDir: home, env: {DOCKER_HOST: 'tcp://1.2.3.4:2375', DOCKER_CONTEXT: 'ssh-box'}});
		assert.equal(endpoint.url, 'tcp://1.2.3.4:2375');
		assert.equal(endpoint.origin, 'DOCKER_HOST');
		assert.equal(endpoint.context, 'default');
	});

	test('DOCKER_CONTEXT beats currentContext', () => {
		const endpoint = resolve({homeDir: home, env: {DOCKER_CONTEXT: 'ssh-box'}});
		assert.equal(endpoint.origin, 'context "ssh-box" (DOCKER_CONTEXT)');
		assert.equal(endpoint.url, 'ssh://deploy@box.example.com:2222');
	});

	test('currentContext in ~/.docker/config.json applies when nothing else is set', () => {
		const endpoint = resolve({homeDir: home});
		assert.equal(endpoint.origin, 'context "remote-tls" (currentContext in ~/.docker/config.json)');
		assert.equal(endpoint.context, 'remote-tls');
	});

	test('empty values count as unset', () => {
		const endpoint = resolve({host: '  ', context: '', homeDir: home, env: {DOCKER_HOST: '', DOCKER_CONTEXT: ''}});
		assert.equal(endpoint.context, 'remote-tls');
	});

	test('DOCKER_CONFIG moves the config folder', () => {
		const endpoint = resolve({homeDir: home, env: {DOCKER_CONFIG: path.join(fixtures, 'alt-config')}});
		assert.equal(endpoint.kind, 'ssh');
		assert.equal(endpoint.url, 'ssh://alt.example.com');
		assert.equal(endpoint.origin, `context "alt-ssh" (currentContext in ${path.join(fixtures, 'alt-config', 'config.json')})`);
	});

	test('a config.json without currentContext gives the default socket', () => {
		const endpoint = resolve({env: {DOCKER_CONFIG: path.join(fixtures, 'no-current')}});
		assert.equal(endpoint.url, 'unix:///var/run/docker.sock');
		assert.equal(endpoint.origin, 'default socket');
	});
});

describe('the "default" context', () => {
	test('--context default means DOCKER_HOST', () => {
		const endpoint = resolve({context: 'default', homeDir: home, env: {DOCKER_HOST: 'unix:///tmp/env.sock'}});
		assert.equal(endpoint.url, 'unix:///tmp/env.sock');
		assert.equal(endpoint.origin, 'DOCKER_HOST (context "default" from --context flag)');
	});

	test('DOCKER_CONTEXT=default means the default socket', () => {
		const endpoint = resolve({homeDir: home, env: {DOCKER_CONTEXT: 'default'}});
		assert.equal(endpoint.url, 'unix:///var/run/docker.sock');
		assert.equal(endpoint.origin, 'default socket (context "default" from DOCKER_CONTEXT)');
	});

	test('currentContext "default" means the default socket', () => {
		const endpoint = resolve({env: {DOCKER_CONFIG: path.join(fixtures, 'current-default')}});
		assert.equal(endpoint.url, 'unix:///var/run/docker.sock');
		assert.match(endpoint.origin, /^default socket \(context "default" from currentContext in .*current-default\/config\.json\)$/);
	});
});

describe('named contexts', () => {
	test('tcp context with TLS material', () => {
		assert.deepEqual(resolve({context: 'remote-tls', homeDir: home}), {
			kind: 'tcp',
			host: 'build.example.com',
			port: 2376,
			tls: {ca: contextTlsFile('remote-tls', 'ca.pem'), cert: contextTlsFile('remote-tls', 'cert.pem'), key: contextTlsFile('remote-tls', 'key.pem'), verify: true},
			url: 'tcp://build.example.com:2376',
			origin: 'context "remote-tls" (--context flag)',
			context: 'remote-tls',
		});
	});

	test('tcp context with SkipTLSVerify and no material uses TLS without verification', () => {
		const endpoint = resolve({context: 'insecure', homeDir: home});
		assert.equal(endpoint.kind, 'tcp');
		assert.deepEqual(endpoint.kind === 'tcp' && endpoint.tls, {verify: false});
	});

	test('tcp context without TLS material is plain and gets the default port', () => {
		const endpoint = resolve({context: 'plain-tcp', homeDir: home});
		assert.equal(endpoint.url, 'tcp://10.0.0.6:2375');
		assert.equal(endpoint.kind === 'tcp' && endpoint.tls, undefined);
	});

	test('ssh context with user and port', () => {
		assert.deepEqual(resolve({context: 'ssh-box', homeDir: home}), {
			kind: 'ssh',
			user: 'deploy',
			host: 'box.example.com',
			port: 2222,
			url: 'ssh://deploy@box.example.com:2222',
			origin: 'context "ssh-box" (--context flag)',
			context: 'ssh-box',
		});
	});

	test('ssh context with IPv6 host and remote socket path', () => {
		const endpoint = resolve({context: 'ssh-socket', homeDir: home});
		assert.deepEqual(endpoint.kind === 'ssh' && [endpoint.user, endpoint.host, endpoint.port, endpoint.socketPath, endpoint.url],
			['ops', '2001:db8::7', undefined, '/run/user/1000/docker.sock', 'ssh://ops@[2001:db8::7]/run/user/1000/docker.sock']);
	});

	test('unix context', () => {
		const endpoint = resolve({context: 'local-sock', homeDir: home});
		assert.equal(endpoint.kind === 'unix' && endpoint.socketPath, '/run/user/1000/docker.sock');
	});

	test('context with an empty host means the default socket', () => {
		assert.equal(resolve({context: 'empty-host', homeDir: home}).url, 'unix:///var/run/docker.sock');
	});

	test('TLS env variables do not apply to a named context', () => {
		const endpoint = resolve({context: 'plain-tcp', homeDir: home, env: {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: path.join(fixtures, 'certs')}});
		assert.equal(endpoint.kind === 'tcp' && endpoint.tls, undefined);
	});

	test('missing context named by --context', () => {
		rejects({context: 'nope', homeDir: home}, /docker context "nope" \(chosen by --context flag\) does not exist: there is no ~\/\.docker\/contexts\/meta\/[0-9a-f]{64}\/meta\.json\. Run "docker context ls".*pass one of them to --context/);
	});

	test('missing context named by DOCKER_CONTEXT', () => {
		rejects({homeDir: home, env: {DOCKER_CONTEXT: 'nope'}}, /chosen by DOCKER_CONTEXT.*set DOCKER_CONTEXT to one of them or unset it/);
	});

	test('missing context named by currentContext', () => {
		rejects({env: {DOCKER_CONFIG: path.join(fixtures, 'current-missing')}}, /docker context "gone" \(chosen by currentContext in .*\) does not exist.*docker context use/);
	});

	test('meta.json that is not JSON', () => {
		rejects({context: 'broken', homeDir: home}, /docker context "broken" is damaged: .*meta\.json is not valid JSON/);
	});

	test('context without a docker endpoint', () => {
		rejects({context: 'no-docker', homeDir: home}, /docker context "no-docker" has no docker endpoint \(Endpoints\.docker is missing/);
	});

	describe('unreadable meta.json', () => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'dockdeck-endpoint-'));
		after(() => rmSync(dir, {recursive: true, force: true}));

		test('is reported with the path and the cause', () => {
			// A folder where the file should be: unreadable even for root.
			mkdirSync(path.join(dir, 'contexts', 'meta', contextDigest('odd'), 'meta.json'), {recursive: true});
			rejects({context: 'odd', env: {DOCKER_CONFIG: dir}}, /cannot read docker context "odd" from .*meta\.json: EISDIR/);
		});
	});

	test('config.json that is not JSON', () => {
		rejects({env: {DOCKER_CONFIG: path.join(fixtures, 'bad-json')}}, /docker config .*bad-json\/config\.json is not valid JSON .*--host or DOCKER_HOST/);
	});

	test('a broken config.json is not read when DOCKER_HOST decides', () => {
		const endpoint = resolve({env: {DOCKER_CONFIG: path.join(fixtures, 'bad-json'), DOCKER_HOST: 'unix:///tmp/x.sock'}});
		assert.equal(endpoint.url, 'unix:///tmp/x.sock');
	});
});

describe('DOCKER_HOST / --host addresses', () => {
	const cases: Array<[string, string, string]> = [
		['unix:///tmp/docker.sock', 'unix', 'unix:///tmp/docker.sock'],
		['unix://', 'unix', 'unix:///var/run/docker.sock'],
		['/run/docker.sock', 'unix', 'unix:///run/docker.sock'],
		['./relative.sock', 'unix', 'unix://./relative.sock'],
		['tcp://10.1.2.3:2376', 'tcp', 'tcp://10.1.2.3:2376'],
		['tcp://10.1.2.3', 'tcp', 'tcp://10.1.2.3:2375'],
		['tcp://', 'tcp', 'tcp://localhost:2375'],
		['tcp://:4243', 'tcp', 'tcp://localhost:4243'],
		['tcp://[::1]:2376', 'tcp', 'tcp://[::1]:2376'],
		['tcp://[::1]:', 'tcp', 'tcp://[::1]:2375'],
		['docker.lan:2376', 'tcp', 'tcp://docker.lan:2376'],
		['tcp://Docker.lan:1', 'tcp', 'tcp://Docker.lan:1'],
		['ssh://box', 'ssh', 'ssh://box'],
		['ssh://me@box:2200', 'ssh', 'ssh://me@box:2200'],
		['ssh://me@box/var/run/docker.sock', 'ssh', 'ssh://me@box/var/run/docker.sock'],
	];
	for (const [value, kind, url] of cases) {
		test(`${value} → ${url}`, () => {
			const endpoint = resolve({env: {DOCKER_HOST: value}});
			assert.equal(endpoint.kind, kind);
			assert.equal(endpoint.url, url);
		});
	}

	test('tcp parts', () => {
		const endpoint = resolve({host: 'tcp://[::1]:2376'});
		assert.deepEqual(endpoint.kind === 'tcp' && [endpoint.host, endpoint.port, endpoint.tls], ['::1', 2376, undefined]);
	});

	test('ssh root path means the remote default socket', () => {
		const endpoint = resolve({host: 'ssh://me@box/'});
		assert.deepEqual(endpoint.kind === 'ssh' && [endpoint.user, endpoint.host, endpoint.port, endpoint.socketPath], ['me', 'box', undefined, undefined]);
	});

	const bad: Array<[string, RegExp]> = [
		['npipe:////./pipe/docker_engine', /Windows named pipe, which does not exist on linux; use unix:\/\/\/var\/run\/docker\.sock/],
		['fd://', /fd:\/\/, which only dockerd understands/],
		['http://box:2375', /uses http:\/\/, which the docker CLI does not accept; write tcp:\/\/HOST:PORT/],
		['TCP://box:2375', /unknown scheme "TCP:\/\/"/],
		['foo://bar', /unknown scheme "foo:\/\/"; use unix:\/\/\/path\/to\/docker\.sock, tcp:\/\/HOST:PORT or ssh:\/\/USER@HOST/],
		['tcp://box:notaport', /DOCKER_HOST value "tcp:\/\/box:notaport" is not a valid tcp address; write it as tcp:\/\/HOST:PORT/],
		['tcp://box:99999', /is not a valid tcp address/],
		['tcp://box:0', /port 0/],
		['tcp://tcp://box', /is not a valid tcp address/],
		['tcp://box:2375/prefix', /has a path \("\/prefix"\)/],
		['unix://unix:///x', /is not a valid unix socket address/],
		['ssh://me:secret@box', /contains a password, which is not supported/],
		['ssh://', /is not a valid ssh address|has no host name/],
		['ssh://me@', /has no host name|is not a valid ssh address/],
		['ssh://box?x=1', /has query parameters/],
		['ssh://box#frag', /has a fragment/],
	];
	for (const [value, pattern] of bad) {
		test(`rejects ${value}`, () => {
			rejects({env: {DOCKER_HOST: value}}, pattern);
		});
	}

	test('errors name the --host flag when it supplied the value', () => {
		rejects({host: 'bogus://x'}, /^--host flag value "bogus:\/\/x" has an unknown scheme/);
	});
});

describe('TLS from the environment', () => {
	const certs = path.join(fixtures, 'certs');

	test('DOCKER_TLS_VERIFY turns on TLS with verification, files from DOCKER_CERT_PATH', () => {
		const endpoint = resolve({env: {DOCKER_HOST: 'tcp://box:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs}});
		assert.deepEqual(endpoint.kind === 'tcp' && endpoint.tls, {
			ca: path.join(certs, 'ca.pem'),
			cert: path.join(certs, 'cert.pem'),
			key: path.join(certs, 'key.pem'),
			verify: true,
		});
	});

	test('any non-empty DOCKER_TLS_VERIFY counts, even "0"', () => {
		const endpoint = resolve({env: {DOCKER_HOST: 'tcp://box:2376', DOCKER_TLS_VERIFY: '0', DOCKER_CERT_PATH: certs}});
		assert.equal(endpoint.kind === 'tcp' && endpoint.tls?.verify, true);
	});

	test('DOCKER_TLS turns on TLS without verification', () => {
		const endpoint = resolve({env: {DOCKER_HOST: 'tcp://box:2376', DOCKER_TLS: '1', DOCKER_CERT_PATH: certs}});
		assert.equal(endpoint.kind === 'tcp' && endpoint.tls?.verify, false);
	});

	test('DOCKER_CERT_PATH defaults to the config folder', () => {
		const endpoint = resolve({homeDir: home, env: {DOCKER_HOST: 'tcp://box:2376', DOCKER_TLS_VERIFY: '1'}});
		assert.equal(endpoint.kind === 'tcp' && endpoint.tls?.ca, path.join(configDir, 'ca.pem'));
	});

	test('tcp://host with TLS still defaults to port 2375, as the CLI does', () => {
		const endpoint = resolve({env: {DOCKER_HOST: 'tcp://box', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs}});
		assert.equal(endpoint.url, 'tcp://box:2375');
	});

	test('TLS without DOCKER_HOST means tcp://localhost:2376', () => {
		const endpoint = resolve({env: {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs}});
		assert.equal(endpoint.url, 'tcp://localhost:2376');
		assert.equal(endpoint.origin, 'DOCKER_TLS_VERIFY without DOCKER_HOST (default TLS address)');
	});

	test('a missing client cert/key pair is left out', () => {
		const caOnly = path.join(fixtures, 'certs-ca-only');
		const endpoint = resolve({env: {DOCKER_HOST: 'tcp://box:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: caOnly}});
		assert.deepEqual(endpoint.kind === 'tcp' && endpoint.tls, {ca: path.join(caOnly, 'ca.pem'), verify: true});
	});

	test('a missing ca.pem is an error', () => {
		rejects({env: {DOCKER_HOST: 'tcp://box:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: emptyHome}}, /DOCKER_TLS_VERIFY is set but there is no CA certificate at .*ca\.pem; set DOCKER_CERT_PATH/);
	});

	test('TLS settings do not apply to unix sockets', () => {
		const endpoint = resolve({env: {DOCKER_HOST: 'unix:///tmp/d.sock', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs}});
		assert.deepEqual(endpoint, {kind: 'unix', socketPath: '/tmp/d.sock', url: 'unix:///tmp/d.sock', origin: 'DOCKER_HOST', context: 'default'});
	});
});
