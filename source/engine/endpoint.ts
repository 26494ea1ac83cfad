// Resolves which Docker Engine to talk to, following the docker CLI rules
// (cli/command/cli.go resolveContextName, opts/hosts.go ParseHost,
// cli/flags/options.go, cli/context/store). Users expect `dockdeck` to open
// the engine that `docker ps` would use in the same shell, so we copy the CLI
// rather than dockerode's own DOCKER_HOST parsing, which differs: it ignores
// contexts, treats only DOCKER_TLS_VERIFY=1 as TLS and has no unix default
// for path-like hosts.
//
// This module only reads files; it never connects. connection.ts turns an
// Endpoint into a dockerode client.

import type * as Crypto from 'node:crypto';
import {existsSync, readFileSync} from 'node:fs';
import {lazyBuiltin} from '../lib/lazy-builtin.js';
import path from 'node:path';

/** Where dockerd listens when nothing else is configured (opts.defaultUnixSocket). */
export const DEFAULT_SOCKET_PATH = '/var/run/docker.sock';
/** `tcp://host` without a port means 2375, even with TLS on: ParseTCPAddr always
 * fills in defaultTCPHost's port. 2376 is only used when there is no host at all
 * and TLS is on (defaultTLSHost). */
export const DEFAULT_TCP_PORT = 2375;
export const DEFAULT_TLS_PORT = 2376;
const DEFAULT_TCP_HOST = 'localhost';
const DEFAULT_CONTEXT = 'default';

/**
 * TLS settings for a tcp endpoint. ca/cert/key are absolute-or-as-given FILE
 * PATHS (not PEM contents): the UI can show where material came from, and
 * connection.ts reads them only when it actually connects. A file is listed
 * only if it exists; cert and key are listed together or not at all, as the
 * CLI ignores a lone cert or key.
 */
export interface TlsFiles {
	ca?: string;
	cert?: string;
	key?: string;
	/** false means the server certificate is not checked (DOCKER_TLS without
	 * DOCKER_TLS_VERIFY, or a context with SkipTLSVerify). */
	verify: boolean;
}

interface EndpointBase {
	/** Normalized address shown to users, e.g. "unix:///var/run/docker.sock". */
	url: string;
	/** Which rule picked this endpoint, e.g. `DOCKER_HOST` or `context "prod" (DOCKER_CONTEXT)`. */
	origin: string;
	/** Name of the docker context the endpoint came from; "default" when none was named. */
	context: string;
}

export interface UnixEndpoint extends EndpointBase {
	kind: 'unix';
	socketPath: string;
}

export interface TcpEndpoint extends EndpointBase {
	kind: 'tcp';
	/** Hostname or IP; IPv6 without brackets. */
	host: string;
	port: number;
	tls?: TlsFiles;
}

export interface SshEndpoint extends EndpointBase {
	kind: 'ssh';
	user?: string;
	/** Hostname or IP; IPv6 without brackets. */
	host: string;
	port?: number;
	/** Engine socket on the remote machine; unset means the remote docker CLI's own default. */
	socketPath?: string;
}

export type Endpoint = UnixEndpoint | TcpEndpoint | SshEndpoint;

export interface ResolveInput {
	/** Value of --host / -H. */
	host?: string;
	/** Value of --context. */
	context?: string;
	env: Record<string, string | undefined>;
	homeDir: string;
}

/** Bad endpoint configuration. The message says what is wrong and what to do. */
export class EndpointError extends Error {
	override name = 'EndpointError';
}

export function resolveEndpoint(input: ResolveInput): Endpoint {
	const {env, homeDir} = input;
	const flagHost = nonEmpty(input.host);
	const flagContext = nonEmpty(input.context);
	if (flagHost !== undefined && flagContext !== undefined) {
		// Same refusal as the CLI: the two flags name different engines.
		throw new EndpointError('conflicting options: --host and --context were both given; use only one of them (--host names an engine address, --context a saved docker context)');
	}

	const configDir = dockerConfigDir(env, homeDir);
	const choice = chooseContext({flagHost, flagContext, env, configDir, homeDir});
	if (choice.name === DEFAULT_CONTEXT) {
		return resolveDefaultContext({flagHost, env, configDir, homeDir, namedBy: choice.via});
	}

	return resolveNamedContext(choice.name, choice.via, configDir, homeDir);
}

/** `$DOCKER_CONFIG`, else `~/.docker` (cli/config.Dir). */
export function dockerConfigDir(env: Record<string, string | undefined>, homeDir: string): string {
	const fromEnv = nonEmpty(env['DOCKER_CONFIG']);
	return fromEnv === undefined ? path.join(homeDir, '.docker') : path.resolve(fromEnv);
}

const nodeCrypto = lazyBuiltin<typeof Crypto>('node:crypto');

/** The context store keys folders by the sha256 of the context name, so any name is a safe folder. */
export function contextDigest(name: string): string {
	return nodeCrypto().createHash('sha256').update(name).digest('hex');
}

interface ContextChoice {
	name: string;
	/** How the name was chosen; undefined when nothing named a context (implicit default). */
	via?: string;
}

// resolveContextName: --context, then --host or DOCKER_HOST (which mean the
// default context, so plain DOCKER_HOST users keep the pre-context behaviour),
// then DOCKER_CONTEXT, then currentContext in config.json.
function chooseContext(args: {
	flagHost: string | undefined;
	flagContext: string | undefined;
	env: Record<string, string | undefined>;
	configDir: string;
	homeDir: string;
}): ContextChoice {
	const {flagHost, flagContext, env, configDir, homeDir} = args;
	if (flagContext !== undefined) {
		return {name: flagContext, via: '--context flag'};
	}

	if (flagHost !== undefined || nonEmpty(env['DOCKER_HOST']) !== undefined) {
		return {name: DEFAULT_CONTEXT};
	}

	const envContext = nonEmpty(env['DOCKER_CONTEXT']);
	if (envContext !== undefined) {
		return {name: envContext, via: 'DOCKER_CONTEXT'};
	}

	const configPath = path.join(configDir, 'config.json');
	const current = readCurrentContext(configPath);
	if (current !== undefined) {
		return {name: current, via: `currentContext in ${tildify(configPath, homeDir)}`};
	}

	return {name: DEFAULT_CONTEXT};
}

function readCurrentContext(configPath: string): string | undefined {
	let text: string;
	try {
		text = readFileSync(configPath, 'utf8');
	} catch (error) {
		if (errorCode(error) === 'ENOENT') {
			return undefined;
		}

		throw new EndpointError(`cannot read docker config ${configPath}: ${errorText(error)}; fix its permissions, or choose an engine with --host or DOCKER_HOST`);
	}

	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw new EndpointError(`docker config ${configPath} is not valid JSON (${errorText(error)}); fix or remove the file, or choose an engine with --host or DOCKER_HOST`);
	}

	const current = isRecord(parsed) ? parsed['currentContext'] : undefined;
	return typeof current === 'string' ? nonEmpty(current) : undefined;
}

// The "default" context: --host or DOCKER_HOST, TLS from DOCKER_TLS_VERIFY /
// DOCKER_TLS / DOCKER_CERT_PATH, else the default socket.
function resolveDefaultContext(args: {
	flagHost: string | undefined;
	env: Record<string, string | undefined>;
	configDir: string;
	homeDir: string;
	namedBy: string | undefined;
}): Endpoint {
	const {flagHost, env, configDir, namedBy} = args;
	const envHost = nonEmpty(env['DOCKER_HOST']);
	const tls = tlsFromEnv(env, configDir);
	const raw = flagHost ?? envHost ?? '';
	const source = flagHost === undefined ? 'DOCKER_HOST' : '--host flag';
	let origin: string;
	if (raw !== '') {
		origin = source;
	} else if (tls === undefined) {
		origin = 'default socket';
	} else {
		origin = `${tls.verify ? 'DOCKER_TLS_VERIFY' : 'DOCKER_TLS'} without DOCKER_HOST (default TLS address)`;
	}

	if (namedBy !== undefined) {
		origin += ` (context "default" from ${namedBy})`;
	}

	const what = raw === '' ? 'default address' : `${source} value "${raw}"`;
	return parseHost(raw, {tls, origin, context: DEFAULT_CONTEXT, what});
}

// The CLI turns TLS on when DOCKER_TLS_VERIFY or DOCKER_TLS is non-empty
// (whatever the value, even "0"); only DOCKER_TLS_VERIFY verifies the server.
function tlsFromEnv(env: Record<string, string | undefined>, configDir: string): TlsFiles | undefined {
	const verify = nonEmpty(env['DOCKER_TLS_VERIFY']) !== undefined;
	const enabled = verify || nonEmpty(env['DOCKER_TLS']) !== undefined;
	if (!enabled) {
		return undefined;
	}

	const certDir = nonEmpty(env['DOCKER_CERT_PATH']) ?? configDir;
	const ca = path.join(certDir, 'ca.pem');
	if (!existsSync(ca)) {
		// The CLI fails here too (it always reads ca.pem once TLS is on).
		const variable = verify ? 'DOCKER_TLS_VERIFY' : 'DOCKER_TLS';
		throw new EndpointError(`${variable} is set but there is no CA certificate at ${ca}; set DOCKER_CERT_PATH to the folder holding ca.pem, cert.pem and key.pem, or unset ${variable}`);
	}

	return {ca, ...clientPair(path.join(certDir, 'cert.pem'), path.join(certDir, 'key.pem')), verify};
}

function clientPair(cert: string, key: string): {cert?: string; key?: string} {
	return existsSync(cert) && existsSync(key) ? {cert, key} : {};
}

function resolveNamedContext(name: string, via: string | undefined, configDir: string, homeDir: string): Endpoint {
	const digest = contextDigest(name);
	const metaPath = path.join(configDir, 'contexts', 'meta', digest, 'meta.json');
	const shownMeta = tildify(metaPath, homeDir);
	const origin = `context "${name}"${via === undefined ? '' : ` (${via})`}`;

	let text: string;
	try {
		text = readFileSync(metaPath, 'utf8');
	} catch (error) {
		if (errorCode(error) === 'ENOENT') {
			throw new EndpointError(`docker context "${name}" (chosen by ${via ?? 'default'}) does not exist: there is no ${shownMeta}. Run "docker context ls" to see the contexts you have, then ${contextRemedy(via)}`);
		}

		throw new EndpointError(`cannot read docker context "${name}" from ${shownMeta}: ${errorText(error)}; fix the file's permissions or ${contextRemedy(via)}`);
	}

	let meta: unknown;
	try {
		meta = JSON.parse(text);
	} catch (error) {
		throw new EndpointError(`docker context "${name}" is damaged: ${shownMeta} is not valid JSON (${errorText(error)}); recreate it with "docker context rm" and "docker context create", or ${contextRemedy(via)}`);
	}

	const endpoints = isRecord(meta) ? meta['Endpoints'] : undefined;
	const docker = isRecord(endpoints) ? endpoints['docker'] : undefined;
	if (!isRecord(docker)) {
		throw new EndpointError(`docker context "${name}" has no docker endpoint (Endpoints.docker is missing in ${shownMeta}); recreate it with "docker context create ${name} --docker host=...", or ${contextRemedy(via)}`);
	}

	const host = typeof docker['Host'] === 'string' ? docker['Host'].trim() : '';
	const skipVerify = docker['SkipTLSVerify'] === true;
	const tls = contextTls(path.join(configDir, 'contexts', 'tls', digest, 'docker'), skipVerify);
	return parseHost(host, {tls, origin, context: name, what: `context "${name}" host "${host}"`});
}

// A context uses TLS when it stores TLS material or asks to skip verification
// (cli/context/docker/load.go tlsConfig); it applies to tcp hosts only.
function contextTls(dir: string, skipVerify: boolean): TlsFiles | undefined {
	const ca = path.join(dir, 'ca.pem');
	const files = {...(existsSync(ca) ? {ca} : {}), ...clientPair(path.join(dir, 'cert.pem'), path.join(dir, 'key.pem'))};
	if (Object.keys(files).length === 0 && !skipVerify) {
		return undefined;
	}

	return {...files, verify: !skipVerify};
}

function contextRemedy(via: string | undefined): string {
	if (via === '--context flag') {
		return 'pass one of them to --context';
	}

	if (via === 'DOCKER_CONTEXT') {
		return 'set DOCKER_CONTEXT to one of them or unset it';
	}

	return 'switch with "docker context use NAME" (or "docker context use default")';
}

interface HostContext {
	tls: TlsFiles | undefined;
	origin: string;
	context: string;
	/** Names the offending value in error messages. */
	what: string;
}

/**
 * Parses a daemon address the way opts.ParseHost does: empty means the
 * default socket (or tcp://localhost:2376 with TLS); no scheme means unix for
 * a path ("/..." or "./...") and tcp otherwise.
 */
function parseHost(raw: string, where: HostContext): Endpoint {
	const value = raw.trim();
	if (value === '') {
		return where.tls === undefined
			? unixEndpoint(DEFAULT_SOCKET_PATH, where)
			: tcpEndpoint(DEFAULT_TCP_HOST, DEFAULT_TLS_PORT, where);
	}

	const schemeEnd = value.indexOf('://');
	let scheme: string;
	let rest: string;
	if (schemeEnd === -1) {
		scheme = value.startsWith('/') || value.startsWith('./') ? 'unix' : 'tcp';
		rest = value;
	} else {
		// Case-sensitive, as in the CLI: "TCP://" is not a scheme it knows.
		scheme = value.slice(0, schemeEnd);
		rest = value.slice(schemeEnd + 3);
	}

	switch (scheme) {
		case 'unix': {
			if (rest.includes('://')) {
				throw new EndpointError(`${where.what} is not a valid unix socket address; write it as unix:///path/to/docker.sock`);
			}

			return unixEndpoint(rest === '' ? DEFAULT_SOCKET_PATH : rest, where);
		}

		case 'tcp': {
			return parseTcp(rest, where);
		}

		case 'ssh': {
			return parseSsh(value, where);
		}

		case 'npipe': {
			throw new EndpointError(`${where.what} is a Windows named pipe, which does not exist on ${process.platform}; use unix:///var/run/docker.sock, tcp://HOST:PORT or ssh://USER@HOST instead`);
		}

		case 'fd': {
			throw new EndpointError(`${where.what} uses fd://, which only dockerd understands (systemd socket activation); point dockdeck at the engine's socket instead, e.g. unix:///var/run/docker.sock`);
		}

		case 'http':
		case 'https': {
			throw new EndpointError(`${where.what} uses ${scheme}://, which the docker CLI does not accept; write tcp://HOST:PORT and set DOCKER_TLS_VERIFY=1 for TLS`);
		}

		default: {
			throw new EndpointError(`${where.what} has an unknown scheme "${scheme}://"; use unix:///path/to/docker.sock, tcp://HOST:PORT or ssh://USER@HOST`);
		}
	}
}

function parseTcp(rest: string, where: HostContext): TcpEndpoint {
	if (rest === '') {
		return tcpEndpoint(DEFAULT_TCP_HOST, DEFAULT_TCP_PORT, where);
	}

	if (rest.includes('://')) {
		throw new EndpointError(`${where.what} is not a valid tcp address; write it as tcp://HOST:PORT`);
	}

	let url: URL;
	try {
		// "tcp:" is not a WHATWG special scheme, so URL keeps the port as written
		// and accepts bracketed IPv6 hosts.
		// "tcp://:PORT" means localhost (Go's SplitHostPort allows an empty host).
		const address = rest.startsWith(':') ? `${DEFAULT_TCP_HOST}${rest}` : rest;
		url = new URL(`tcp://${address.endsWith(']:') ? address.slice(0, -1) : address}`);
	} catch {
		throw new EndpointError(`${where.what} is not a valid tcp address; write it as tcp://HOST:PORT, e.g. tcp://192.168.1.10:2376`);
	}

	const host = stripBrackets(url.hostname) || DEFAULT_TCP_HOST;
	const port = url.port === '' ? DEFAULT_TCP_PORT : Number(url.port);
	if (port === 0) {
		throw new EndpointError(`${where.what} has port 0, which no engine listens on; write it as tcp://HOST:PORT`);
	}

	if (url.pathname !== '' && url.pathname !== '/') {
		throw new EndpointError(`${where.what} has a path ("${url.pathname}") after the address, which dockdeck does not support; remove it`);
	}

	return tcpEndpoint(host, port, where);
}

// As cli/connhelper/ssh: user, host, optional port and remote socket path;
// no password, query or fragment.
function parseSsh(value: string, where: HostContext): SshEndpoint {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new EndpointError(`${where.what} is not a valid ssh address; write it as ssh://USER@HOST[:PORT][/path/to/docker.sock]`);
	}

	if (url.password !== '') {
		throw new EndpointError(`${where.what} contains a password, which is not supported; remove it and use ssh keys or an ssh-agent`);
	}

	const host = stripBrackets(url.hostname);
	if (host === '') {
		throw new EndpointError(`${where.what} has no host name; write it as ssh://USER@HOST`);
	}

	if (url.search !== '') {
		throw new EndpointError(`${where.what} has query parameters ("${url.search}"), which ssh addresses may not have; remove them`);
	}

	if (url.hash !== '') {
		throw new EndpointError(`${where.what} has a fragment ("${url.hash}"), which ssh addresses may not have; remove it`);
	}

	const user = url.username === '' ? undefined : decodeURIComponent(url.username);
	const port = url.port === '' ? undefined : Number(url.port);
	const socketPath = url.pathname.replaceAll('/', '') === '' ? undefined : decodeURIComponent(url.pathname);
	const shown = `ssh://${user === undefined ? '' : `${user}@`}${bracketed(host)}${port === undefined ? '' : `:${port}`}${socketPath ?? ''}`;
	return {
		kind: 'ssh',
		host,
		...(user === undefined ? {} : {user}),
		...(port === undefined ? {} : {port}),
		...(socketPath === undefined ? {} : {socketPath}),
		url: shown,
		origin: where.origin,
		context: where.context,
	};
}

function unixEndpoint(socketPath: string, where: HostContext): UnixEndpoint {
	// TLS never applies to sockets (cli/context/docker/load.go isSocket).
	return {kind: 'unix', socketPath, url: `unix://${socketPath}`, origin: where.origin, context: where.context};
}

function tcpEndpoint(host: string, port: number, where: HostContext): TcpEndpoint {
	return {
		kind: 'tcp',
		host,
		port,
		...(where.tls === undefined ? {} : {tls: where.tls}),
		url: `tcp://${bracketed(host)}:${port}`,
		origin: where.origin,
		context: where.context,
	};
}

function stripBrackets(host: string): string {
	return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function bracketed(host: string): string {
	return host.includes(':') ? `[${host}]` : host;
}

function tildify(file: string, homeDir: string): string {
	const relative = path.relative(homeDir, file);
	return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? `~/${relative}` : file;
}

function nonEmpty(value: string | undefined): string | undefined {
	const trimmed = value?.trim();
	return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorCode(error: unknown): string | undefined {
	return isRecord(error) && typeof error['code'] === 'string' ? error['code'] : undefined;
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
