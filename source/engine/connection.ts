// Opens a dockerode client for a resolved Endpoint and negotiates the API
// version, and turns connection failures into words for the UI.
//
// Version negotiation follows the docker CLI (NegotiateAPIVersionPing): ask
// the engine which API version it speaks and use the lower of that and the
// newest version dockdeck was written against. Every request then carries
// that version in its path (/v1.47/...), so an older engine is never sent a
// request shape it does not know, and a newer one keeps answering in the
// shape we parse.

import {readFileSync} from 'node:fs';
import type {Agent as HttpAgent, IncomingHttpHeaders, IncomingMessage} from 'node:http';
import Dockerode from 'dockerode';
import {loadHttps, PlainHttpAgent} from './node-http.js';
import {EndpointError, type Endpoint, type TcpEndpoint} from './endpoint.js';
import {SshAgent, SshError, type SshAgentOptions} from './ssh-agent.js';

/** Newest Engine API version dockdeck knows (Docker Engine 27). */
export const MAX_API_VERSION = '1.47';
/** Oldest Engine API version any current engine still accepts. */
export const MIN_API_VERSION = '1.24';

export interface EngineConnection {
	docker: Dockerode;
	/** Negotiated version without the "v", e.g. "1.41". */
	apiVersion: string;
	endpoint: Endpoint;
	/** Frees sockets, ssh processes and the ssh master; safe to call twice. */
	close(): void;
}

export interface OpenOptions {
	/** How long to wait for the engine's answer to the version probe. Default
	 * 10 s, or 60 s over ssh (the first request also opens the ssh connection). */
	timeoutMs?: number;
	/** Passed to the ssh agent for ssh endpoints (extra ssh arguments, etc.). */
	ssh?: SshAgentOptions;
}

/** The engine did not answer the version probe in time. */
export class EngineTimeoutError extends Error {
	override name = 'EngineTimeoutError';
}

/** The engine only speaks an API version older than dockdeck can use. */
export class EngineVersionError extends Error {
	override name = 'EngineVersionError';
}

// dockerode's typings omit `agent`, which docker-modem passes to http.request.
type ModemOptions = Dockerode.DockerOptions & {agent?: HttpAgent};

interface Transport {
	options: ModemOptions;
	close(): void;
}

export async function openDocker(endpoint: Endpoint, options: OpenOptions = {}): Promise<EngineConnection> {
	const transport = createTransport(endpoint, options.ssh);
	try {
		const timeoutMs = options.timeoutMs ?? (endpoint.kind === 'ssh' ? 60_000 : 10_000);
		// The probe goes out unversioned: /_ping and /version answer at any version.
		const serverVersion = await serverApiVersion(createDockerode(transport.options), timeoutMs, endpoint);
		const apiVersion = compareVersions(serverVersion, MAX_API_VERSION) < 0 ? serverVersion : MAX_API_VERSION;
		if (compareVersions(apiVersion, MIN_API_VERSION) < 0) {
			throw new EngineVersionError(`the engine at ${endpoint.url} speaks Engine API ${apiVersion}, older than ${MIN_API_VERSION}, the oldest dockdeck supports; upgrade Docker on that machine`);
		}

		const docker = createDockerode({...transport.options, version: `v${apiVersion}`});
		let closed = false;
		return {
			docker,
			apiVersion,
			endpoint,
			close() {
				if (!closed) {
					closed = true;
					transport.close();
				}
			},
		};
	} catch (error) {
		transport.close();
		throw error;
	}
}

function createTransport(endpoint: Endpoint, sshOptions: SshAgentOptions | undefined): Transport {
	switch (endpoint.kind) {
		case 'unix': {
			// Our own agent (rather than Node's global one) so close() can free the
			// sockets and let the process exit.
			const agent = new PlainHttpAgent({keepAlive: true});
			return {options: {socketPath: endpoint.socketPath, agent}, close: () => agent.destroy()};
		}

		case 'tcp': {
			if (endpoint.tls === undefined) {
				const agent = new PlainHttpAgent({keepAlive: true});
				return {options: {host: endpoint.host, port: endpoint.port, protocol: 'http', agent}, close: () => agent.destroy()};
			}

			// TLS material lives on the agent: docker-modem has no option for
			// skipping verification, and Node lets agent options win over the
			// (empty) ca/cert/key docker-modem puts on each request.
			const agent = new (loadHttps().Agent)({keepAlive: true, ...readTls(endpoint), rejectUnauthorized: endpoint.tls.verify});
			return {options: {host: endpoint.host, port: endpoint.port, protocol: 'https', agent}, close: () => agent.destroy()};
		}

		case 'ssh': {
			const agent = new SshAgent(endpoint, sshOptions);
			// The host name is only used for the Host header; the agent ignores it.
			// Same dummy name the docker CLI uses for connection helpers.
			return {options: {host: 'docker.example.com', protocol: 'http', agent}, close: () => agent.close()};
		}
	}
}

function readTls(endpoint: TcpEndpoint): {ca?: Buffer; cert?: Buffer; key?: Buffer} {
	const result: {ca?: Buffer; cert?: Buffer; key?: Buffer} = {};
	for (const part of ['ca', 'cert', 'key'] as const) {
		const file = endpoint.tls?.[part];
		if (file === undefined) {
			continue;
		}

		try {
			result[part] = readFileSync(file);
		} catch (error) {
			throw new EndpointError(`cannot read the TLS ${part === 'ca' ? 'CA certificate' : part === 'cert' ? 'client certificate' : 'client key'} ${file}: ${messageOf(error)}; fix its permissions or point DOCKER_CERT_PATH (or the context) at readable files`);
		}
	}

	return result;
}

// docker-modem reads DOCKER_HOST (and, for tcp values, DOCKER_CERT_PATH
// files) in its constructor and can throw on values that our explicit options
// override anyway, e.g. `--host unix:///x` with a malformed DOCKER_HOST.
// Endpoint resolution already honoured the environment, so hide it while the
// client is built. The constructor is synchronous, so nothing else observes it.
function createDockerode(options: ModemOptions): Dockerode {
	const saved = process.env['DOCKER_HOST'];
	delete process.env['DOCKER_HOST'];
	try {
		return new Dockerode(options);
	} finally {
		if (saved !== undefined) {
			process.env['DOCKER_HOST'] = saved;
		}
	}
}

async function serverApiVersion(docker: Dockerode, timeoutMs: number, endpoint: Endpoint): Promise<string> {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), timeoutMs);
	try {
		const ping = await rawGet(docker, '/_ping', controller.signal);
		const header = ping.headers['api-version'];
		if (typeof header === 'string' && isVersion(header)) {
			return header.trim();
		}

		// Engines behind some proxies lose the header; /version always has it.
		const version = await rawGet(docker, '/version', controller.signal);
		const parsed = parseJson(version.body);
		const apiVersion = isRecord(parsed) ? parsed['ApiVersion'] : undefined;
		if (typeof apiVersion === 'string' && isVersion(apiVersion)) {
			return apiVersion.trim();
		}

		throw new Error(`the engine at ${endpoint.url} did not report its API version (no API-Version header on /_ping, no ApiVersion in /version); is this a Docker Engine?`);
	} catch (error) {
		if (controller.signal.aborted) {
			throw new EngineTimeoutError(`the engine at ${endpoint.url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
		}

		throw error;
	} finally {
		clearTimeout(timer);
	}
}

interface RawResponse {
	headers: IncomingHttpHeaders;
	body: string;
}

// dockerode's ping() drops the response headers, so ask docker-modem for the
// raw response (isStream) through the same transport and options.
function rawGet(docker: Dockerode, path: string, signal: AbortSignal): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		docker.modem.dial({path, method: 'GET', isStream: true, statusCodes: {200: true}, abortSignal: signal}, (error, result) => {
			if (error !== null) {
				reject(error);
				return;
			}

			const response = result as IncomingMessage;
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('error', reject);
			response.on('end', () => {
				resolve({headers: response.headers, body: Buffer.concat(chunks).toString('utf8')});
			});
		});
	});
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function isVersion(value: string): boolean {
	return /^\d+\.\d+$/.test(value.trim());
}

/** Compares "major.minor" API versions numerically ("1.9" < "1.41"). */
export function compareVersions(a: string, b: string): number {
	const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
	const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
	return aMajor === bMajor ? aMinor - bMinor : aMajor - bMajor;
}

export interface EngineErrorDescription {
	title: string;
	detail: string;
	hint?: string;
}

const DOCKER_GROUP_HINT = 'add your user to the docker group: sudo usermod -aG docker $USER, then log in again';

/** Words for the "cannot reach engine" screen. */
export function describeEngineError(error: unknown, endpoint: Endpoint): EngineErrorDescription {
	const detail = messageOf(error);
	if (error instanceof EndpointError) {
		return {title: 'Invalid engine configuration', detail};
	}

	if (error instanceof SshError) {
		return describeSshError(error);
	}

	if (error instanceof EngineTimeoutError) {
		return {title: `No answer from the engine at ${endpoint.url}`, detail, hint: endpoint.kind === 'ssh' ? 'check that `ssh HOST docker version` answers quickly' : 'the engine may be overloaded or stuck; check dockerd\'s logs'};
	}

	if (error instanceof EngineVersionError) {
		return {title: 'Engine too old', detail};
	}

	const statusCode = isRecord(error) && typeof error['statusCode'] === 'number' ? error['statusCode'] : undefined;
	if (statusCode !== undefined) {
		return describeHttpError(statusCode, engineMessage(error), endpoint);
	}

	const code = isRecord(error) && typeof error['code'] === 'string' ? error['code'] : '';
	const address = isRecord(error) && typeof error['address'] === 'string' ? error['address'] : undefined;
	const socketPath = address ?? (endpoint.kind === 'unix' ? endpoint.socketPath : endpoint.url);
	const where = endpoint.kind === 'tcp' ? `${endpoint.host}:${endpoint.port}` : endpoint.url;

	if (isTlsError(code, detail)) {
		return describeTlsError(code, detail, endpoint, where);
	}

	switch (code) {
		case 'ENOENT': {
			return {title: `No Docker socket at ${socketPath}`, detail, hint: 'is dockerd running? or set DOCKER_HOST / --host'};
		}

		case 'EACCES':
		case 'EPERM': {
			return {title: `Permission denied on ${socketPath}`, detail, hint: DOCKER_GROUP_HINT};
		}

		case 'ECONNREFUSED': {
			return endpoint.kind === 'unix'
				? {title: `Nothing is listening on ${socketPath}`, detail, hint: 'the socket file exists but dockerd is not answering: start it (e.g. sudo systemctl start docker)'}
				: {title: `Connection refused by ${where}`, detail, hint: 'is dockerd listening on that address? check the host and port in DOCKER_HOST / --host (2375 plain, 2376 TLS)'};
		}

		case 'ENOTFOUND':
		case 'EAI_AGAIN': {
			return {title: `Unknown host in ${endpoint.url}`, detail, hint: 'check the host name in --host, DOCKER_HOST or the docker context'};
		}

		case 'ETIMEDOUT':
		case 'EHOSTUNREACH':
		case 'ENETUNREACH':
		case 'EHOSTDOWN': {
			return {title: `Cannot reach ${where}`, detail, hint: 'check the network path to that machine (firewall, VPN)'};
		}

		case 'ECONNRESET':
		case 'EPIPE': {
			return {title: `The engine at ${endpoint.url} closed the connection`, detail, ...(endpoint.kind === 'tcp' && endpoint.tls === undefined ? {hint: 'if the engine uses TLS, set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH'} : {})};
		}

		default: {
			return {title: `Cannot reach the Docker engine at ${endpoint.url}`, detail};
		}
	}
}

function describeHttpError(statusCode: number, message: string, endpoint: Endpoint): EngineErrorDescription {
	if (statusCode === 400 && /HTTP request to an HTTPS server/i.test(message)) {
		return {
			title: `The engine at ${endpoint.url} requires TLS`,
			detail: message,
			hint: 'set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder holding ca.pem, cert.pem and key.pem',
		};
	}

	return {title: `The engine at ${endpoint.url} answered HTTP ${statusCode}`, detail: message};
}

function isTlsError(code: string, message: string): boolean {
	return /CERT|SSL|TLS|EPROTO|OSSL|SELF_SIGNED|UNABLE_TO_(VERIFY|GET)|HOSTNAME_MISMATCH|ALTNAME/.test(code)
		|| /certificate|\bSSL\b|\bTLS\b/i.test(message);
}

function describeTlsError(code: string, detail: string, endpoint: Endpoint, where: string): EngineErrorDescription {
	if (code.startsWith('ERR_OSSL') || /PEM|private key|key values mismatch/i.test(detail)) {
		return {title: 'Cannot load the TLS client certificate or key', detail, hint: 'DOCKER_CERT_PATH (or the context\'s TLS files) must hold PEM files ca.pem, cert.pem and a matching, unencrypted key.pem'};
	}

	const fromContext = endpoint.context !== 'default';
	return {
		title: `TLS failure talking to ${where}`,
		detail,
		hint: fromContext
			? `the TLS files of context "${endpoint.context}" do not match the engine's certificate; update them with "docker context update ${endpoint.context} --docker ..."`
			: 'check that DOCKER_CERT_PATH holds the ca.pem that signed the engine\'s certificate (with cert.pem and key.pem), and that DOCKER_TLS_VERIFY is set only for engines with TLS',
	};
}

function describeSshError(error: SshError): EngineErrorDescription {
	const host = error.destination;
	const detail = error.stderr || error.message;
	const hint = sshHint(error);
	const title = error.stage === 'spawn'
		? 'ssh is not available'
		: error.stage === 'connect'
			? `ssh connection to ${host} failed`
			: `Cannot reach the engine on ${host} over ssh`;
	return {title, detail, ...(hint === undefined ? {} : {hint})};
}

function sshHint(error: SshError): string | undefined {
	const text = error.stderr;
	const host = error.destination;
	if (error.stage === 'spawn') {
		return 'install an OpenSSH client, or use a tcp:// or unix:// engine address';
	}

	// ssh itself failed (255 is ssh's own exit code; a channel gets it when it
	// had to connect on its own because the master was gone).
	if (error.stage === 'connect' || error.exitCode === 255) {
		if (/Permission denied/i.test(text)) {
			return `ssh could not log in without prompting: load your key with ssh-add (or set IdentityFile in ~/.ssh/config) and check that \`ssh ${host}\` works`;
		}

		if (/Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED/i.test(text)) {
			return `the host key of ${host} is unknown or changed: run \`ssh ${host}\` once to check and accept it`;
		}

		if (/Could not resolve hostname/i.test(text)) {
			return 'check the host name in --host, DOCKER_HOST or the docker context';
		}

		if (/Connection refused|timed out|No route to host|Network is unreachable/i.test(text)) {
			return `is sshd running on ${host} and reachable on that port?`;
		}

		if (error.stage === 'connect') {
			return undefined;
		}
	}

	// The remote `docker system dial-stdio` failed.
	if (error.exitCode === 127 || /command not found|docker: not found/i.test(text)) {
		return `docker is not installed on ${host}, or not on the PATH of non-interactive ssh sessions; check \`ssh ${host} docker version\``;
	}

	if (/permission denied/i.test(text)) {
		return `the ssh user on ${host} may not use the engine there: ${DOCKER_GROUP_HINT}`;
	}

	if (/dial unix|raw stream connection|Cannot connect to the Docker daemon|no such file or directory|connection refused/i.test(text)) {
		return `the docker CLI on ${host} could not open its engine socket: is dockerd running there, and is the socket path right?`;
	}

	return undefined;
}

/**
 * The engine's own message for a failed API call, for the status line, e.g.
 * "cannot remove container "/web": container is running: stop the container
 * before removing or force remove". docker-modem keeps the parsed JSON body in
 * err.json and prefixes err.message with "(HTTP code 409) unexpected - ".
 */
export function engineMessage(error: unknown): string {
	if (!isRecord(error)) {
		return String(error);
	}

	const json = error['json'];
	if (isRecord(json) && typeof json['message'] === 'string' && json['message'].trim() !== '') {
		return json['message'].trim();
	}

	if (typeof json === 'string' && json.trim() !== '') {
		return json.trim();
	}

	if (Buffer.isBuffer(json) && json.length > 0) {
		return json.toString('utf8').trim();
	}

	// Errors inside JSON progress streams (pull, build): {error, errorDetail: {message}}.
	const errorDetail = error['errorDetail'];
	if (isRecord(errorDetail) && typeof errorDetail['message'] === 'string') {
		return errorDetail['message'].trim();
	}

	if (error instanceof SshError && error.stderr !== '') {
		return error.stderr;
	}

	return messageOf(error).replace(/^\(HTTP code \d+\) [^-]*- /, '').trim();
}

function messageOf(error: unknown): string {
	if (error instanceof Error) {
		return error.message;
	}

	if (isRecord(error) && typeof error['message'] === 'string') {
		return error['message'];
	}

	return String(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}
