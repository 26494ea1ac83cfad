// HTTP over ssh, the way the docker CLI does it: every HTTP connection is an
// `ssh HOST docker system dial-stdio` whose stdin/stdout carry the bytes to
// the remote engine socket (cli/connhelper). Unlike the CLI, which pays a full
// ssh handshake per connection, we keep ONE master connection open
// (ControlMaster) and run each dial-stdio as a cheap channel on it.
//
// We drive the system `ssh` binary rather than an ssh library so that the
// user's ~/.ssh/config (aliases, ProxyJump, IdentityFile), ssh-agent and
// known_hosts all apply exactly as they do for `docker -H ssh://...`.
//
// Every failure (spawn, handshake, auth, remote docker missing) reaches the
// caller as an SshError on the HTTP request, carrying ssh's own stderr; none
// is thrown or emitted as an unhandled 'error' event.

import type * as ChildProcessModule from 'node:child_process';
import type {ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync, statSync} from 'node:fs';
import type {ClientRequest, ClientRequestArgs} from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {Duplex} from 'node:stream';
import {lazyBuiltin} from '../lib/lazy-builtin.js';
import type {SshEndpoint} from './endpoint.js';
import {PlainHttpAgent} from './node-http.js';

export interface SshAgentOptions {
	/** ssh binary to run; default "ssh" from PATH. */
	sshCommand?: string;
	/** Extra ssh arguments placed before our defaults, so they win (ssh keeps the
	 * first value of an option), e.g. ['-i', key, '-o', 'UserKnownHostsFile=...']. */
	sshArgs?: string[];
	/** Give up on the master connection after this long; default 45 s. */
	connectTimeoutMs?: number;
	/** Close idle keep-alive channels after this long; default 30 s. */
	idleChannelMs?: number;
	/** Environment for the ssh processes; default process.env (keeps SSH_AUTH_SOCK). */
	env?: NodeJS.ProcessEnv;
}

export type SshStage = 'spawn' | 'connect' | 'channel';

/** An ssh failure, with ssh's own stderr. */
export class SshError extends Error {
	override name = 'SshError';

	constructor(
		/** "user@host" as given to ssh. */
		readonly destination: string,
		/** spawn: ssh could not start; connect: the master connection failed;
		 * channel: the remote `docker system dial-stdio` failed. */
		readonly stage: SshStage,
		/** ssh's stderr (trimmed), possibly empty. */
		readonly stderr: string,
		readonly exitCode: number | null,
		detail?: string,
	) {
		super(`ssh ${destination}: ${detail ?? (stderr || `${stage === 'channel' ? 'docker system dial-stdio' : 'ssh'} exited with code ${exitCode ?? 'none'}`)}`);
	}
}

const childProcessModule = lazyBuiltin<typeof ChildProcessModule>('node:child_process');

const STDERR_LIMIT = 16 * 1024;

// ssh uses the first value it sees for an option, so these come after the
// user's sshArgs and act as overridable defaults. BatchMode: a password or
// host-key prompt would fight the TUI for the terminal; fail with ssh's
// message instead. ConnectTimeout=30 is what the docker CLI adds.
const DEFAULT_SSH_OPTIONS = ['-o', 'BatchMode=yes', '-o', 'ConnectTimeout=30'];

export class SshAgent extends PlainHttpAgent {
	readonly destination: string;
	private readonly sshCommand: string;
	private readonly target: string[];
	private readonly userArgs: string[];
	private readonly remoteCommand: string;
	private readonly connectTimeoutMs: number;
	private readonly idleChannelMs: number;
	private readonly env: NodeJS.ProcessEnv;
	private controlDir: string | undefined;
	private master: {child: ChildProcess; ready: Promise<void>} | undefined;
	private closed = false;
	private readonly onProcessExit = (): void => {
		this.killMaster();
	};

	constructor(endpoint: Pick<SshEndpoint, 'user' | 'host' | 'port' | 'socketPath'>, options: SshAgentOptions = {}) {
		// keepAlive: HTTP connections are reused, so a polling UI does not start
		// an ssh process per request.
		super({keepAlive: true});
		this.destination = `${endpoint.user === undefined ? '' : `${endpoint.user}@`}${endpoint.host}`;
		this.sshCommand = options.sshCommand ?? 'ssh';
		this.userArgs = options.sshArgs ?? [];
		this.target = [
			...(endpoint.user === undefined ? [] : ['-l', endpoint.user]),
			...(endpoint.port === undefined ? [] : ['-p', String(endpoint.port)]),
			'--',
			endpoint.host,
		];
		// The remote command goes through the remote user's shell, so quote it.
		const dockerArgs = endpoint.socketPath === undefined
			? ['docker', 'system', 'dial-stdio']
			: ['docker', `--host=unix://${endpoint.socketPath}`, 'system', 'dial-stdio'];
		this.remoteCommand = dockerArgs.map(shellQuote).join(' ');
		this.connectTimeoutMs = options.connectTimeoutMs ?? 45_000;
		this.idleChannelMs = options.idleChannelMs ?? 30_000;
		this.env = options.env ?? process.env;
	}

	override createConnection(
		_options: ClientRequestArgs,
		callback?: (error: Error | null, stream: Duplex) => void,
	): Duplex | undefined {
		// The stream is handed over asynchronously, once the master is up;
		// http.Agent supports that through the callback.
		const fail = (error: unknown): void => {
			callback?.(error instanceof Error ? error : new Error(String(error)), undefined as unknown as Duplex);
		};

		this.ensureMaster().then(() => {
			if (this.closed) {
				fail(new SshError(this.destination, 'connect', '', null, 'connection closed'));
			} else {
				callback?.(null, this.openChannel());
			}
		}, fail);
		return undefined;
	}

	// Idle pooled channels are unref'ed so they do not keep the process alive,
	// and closed after idleChannelMs so ssh processes do not pile up.
	override keepSocketAlive(socket: Duplex): boolean {
		if (!(socket instanceof SshChannel)) {
			return false;
		}

		socket.unref();
		socket.startIdleTimer(this.idleChannelMs);
		return true;
	}

	override reuseSocket(socket: Duplex, request: ClientRequest): void {
		if (socket instanceof SshChannel) {
			socket.stopIdleTimer();
			socket.ref();
		}

		super.reuseSocket(socket, request);
	}

	/** Closes all channels and the master connection, and removes the control socket. */
	close(): void {
		if (this.closed) {
			return;
		}

		this.closed = true;
		this.destroy();
		this.killMaster();
		process.removeListener('exit', this.onProcessExit);
		if (this.controlDir !== undefined) {
			rmSync(this.controlDir, {recursive: true, force: true});
			this.controlDir = undefined;
		}
	}

	private get controlPath(): string {
		// A private folder per agent, so a short fixed name suffices; a long
		// ControlPath would break the 104-108 byte unix socket limit (macOS TMPDIR).
		this.controlDir ??= mkdtempSync(path.join(os.tmpdir(), 'dockdeck-ssh-'));
		return path.join(this.controlDir, 'm');
	}

	private ensureMaster(): Promise<void> {
		if (this.closed) {
			return Promise.reject(new SshError(this.destination, 'connect', '', null, 'connection closed'));
		}

		if (this.master !== undefined) {
			return this.master.ready;
		}

		const controlPath = this.controlPath;
		// -N: no remote command, the master only carries channels. It stays in
		// the foreground (ControlPersist=no) so we own it and see it die.
		const child = childProcessModule().spawn(this.sshCommand, [
			'-o', 'ControlMaster=yes',
			'-o', `ControlPath=${controlPath}`,
			'-o', 'ControlPersist=no',
			...this.userArgs,
			...DEFAULT_SSH_OPTIONS,
			'-N', '-T',
			...this.target,
		], {stdio: ['ignore', 'ignore', 'pipe'], env: this.env});
		const stderr = collect(child);
		const master = {child, ready: waitForControlSocket(child, controlPath, stderr, this.destination, this.connectTimeoutMs)};
		this.master = master;
		process.once('exit', this.onProcessExit);
		child.on('close', () => {
			// Let the next request start a new master (network drop, remote reboot).
			if (this.master === master) {
				this.master = undefined;
			}

			process.removeListener('exit', this.onProcessExit);
		});
		master.ready.catch(() => {
			child.kill();
		});
		return master.ready;
	}

	private openChannel(): SshChannel {
		const child = childProcessModule().spawn(this.sshCommand, [
			// ControlMaster=no: use the master; if it is gone, connect directly
			// rather than becoming a master ourselves.
			'-o', 'ControlMaster=no',
			'-o', `ControlPath=${this.controlPath}`,
			...this.userArgs,
			...DEFAULT_SSH_OPTIONS,
			'-T',
			...this.target,
			this.remoteCommand,
		], {stdio: ['pipe', 'pipe', 'pipe'], env: this.env});
		return new SshChannel(child, this.destination);
	}

	private killMaster(): void {
		const child = this.master?.child;
		this.master = undefined;
		if (child !== undefined && child.exitCode === null && child.signalCode === null) {
			child.kill();
		}
	}
}

// The control socket appears only once the master has authenticated
// (ssh creates it after login), so its existence means "ready".
function waitForControlSocket(
	child: ChildProcess,
	controlPath: string,
	stderr: () => string,
	destination: string,
	timeoutMs: number,
): Promise<void> {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		let timer: NodeJS.Timeout | undefined;
		const finish = (error?: Error): void => {
			clearTimeout(timer);
			child.removeListener('close', onClose);
			child.removeListener('error', onError);
			if (error === undefined) {
				resolve();
			} else {
				reject(error);
			}
		};

		const onClose = (code: number | null): void => {
			finish(new SshError(destination, 'connect', stderr(), code));
		};

		const onError = (error: Error): void => {
			finish(spawnError(error, destination));
		};

		const poll = (): void => {
			if (socketExists(controlPath)) {
				finish();
			} else if (Date.now() - started > timeoutMs) {
				finish(new SshError(destination, 'connect', stderr(), null, `no ssh connection after ${Math.round(timeoutMs / 1000)} s${stderr() === '' ? '' : `: ${stderr()}`}`));
			} else {
				timer = setTimeout(poll, 25);
			}
		};

		child.once('close', onClose);
		child.once('error', onError);
		poll();
	});
}

function socketExists(file: string): boolean {
	try {
		return statSync(file).isSocket();
	} catch {
		return false;
	}
}

function spawnError(error: Error & {code?: unknown}, destination: string): SshError {
	const detail = error.code === 'ENOENT'
		? 'the ssh command was not found; install an OpenSSH client (ssh) to reach engines over ssh://'
		: `could not start ssh: ${error.message}`;
	return new SshError(destination, 'spawn', '', null, detail);
}

function collect(child: ChildProcess): () => string {
	let text = '';
	child.stderr?.setEncoding('utf8');
	child.stderr?.on('data', (chunk: string) => {
		text = (text + chunk).slice(-STDERR_LIMIT);
	});
	child.stderr?.on('error', () => {
		// The 'close' handler reports the failure.
	});
	return () => text.trim();
}

interface Refable {
	ref?: () => void;
	unref?: () => void;
}

/**
 * One `ssh ... docker system dial-stdio` process as a socket-like Duplex for
 * http.Agent. It ends when the process exits cleanly and is destroyed with an
 * SshError (holding stderr) when the process fails, so "docker: command not
 * found" reaches the request instead of a bare "socket hang up".
 */
export class SshChannel extends Duplex {
	private readonly stderr: () => string;
	private timeoutMs = 0;
	private timeoutTimer: NodeJS.Timeout | undefined;
	private idleTimer: NodeJS.Timeout | undefined;

	constructor(private readonly child: ChildProcess, destination: string) {
		// No half-open state: once the remote side is gone the channel is done.
		super({allowHalfOpen: false});
		this.stderr = collect(child);
		// The http client listens for errors while a request uses the channel;
		// this keeps a failure between requests from becoming an uncaught exception.
		this.on('error', () => undefined);
		const {stdin, stdout} = child;
		stdout?.on('data', (chunk: Buffer) => {
			this.touch();
			if (!this.push(chunk)) {
				stdout.pause();
			}
		});
		// Broken pipes are reported by the 'close' handler, with stderr.
		stdout?.on('error', () => undefined);
		stdin?.on('error', () => undefined);
		child.on('error', (error) => {
			this.destroy(spawnError(error, destination));
		});
		child.on('close', (code) => {
			this.clearTimers();
			if (this.destroyed) {
				return;
			}

			if (code === 0) {
				// An idle pooled channel has no reader to see the end; drop it now
				// so the agent never hands out a dead channel.
				if (this.idleTimer === undefined) {
					this.push(null);
				} else {
					this.destroy();
				}
			} else {
				this.destroy(new SshError(destination, 'channel', this.stderr(), code));
			}
		});
	}

	override _read(): void {
		this.child.stdout?.resume();
	}

	override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
		this.touch();
		const {stdin} = this.child;
		if (stdin === null || stdin.destroyed) {
			callback();
			return;
		}

		// A write error means ssh is going away; its exit reports why.
		stdin.write(chunk, () => {
			callback();
		});
	}

	override _final(callback: (error?: Error | null) => void): void {
		this.child.stdin?.end();
		callback();
	}

	override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
		this.clearTimers();
		if (this.child.exitCode === null && this.child.signalCode === null) {
			this.child.kill();
		}

		callback(error);
	}

	// The net.Socket surface that http.ClientRequest and http.Agent call.

	setTimeout(ms: number, callback?: () => void): this {
		this.timeoutMs = ms;
		if (callback !== undefined) {
			this.once('timeout', callback);
		}

		this.touch();
		return this;
	}

	setNoDelay(): this {
		return this;
	}

	setKeepAlive(): this {
		return this;
	}

	ref(): this {
		this.child.ref();
		for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) {
			(stream as Refable | null)?.ref?.();
		}

		return this;
	}

	unref(): this {
		this.child.unref();
		for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) {
			(stream as Refable | null)?.unref?.();
		}

		return this;
	}

	startIdleTimer(ms: number): void {
		this.stopIdleTimer();
		this.idleTimer = setTimeout(() => this.destroy(), ms);
		this.idleTimer.unref();
	}

	stopIdleTimer(): void {
		clearTimeout(this.idleTimer);
		this.idleTimer = undefined;
	}

	private touch(): void {
		clearTimeout(this.timeoutTimer);
		if (this.timeoutMs > 0 && !this.destroyed) {
			this.timeoutTimer = setTimeout(() => this.emit('timeout'), this.timeoutMs);
			this.timeoutTimer.unref();
		}
	}

	private clearTimers(): void {
		clearTimeout(this.timeoutTimer);
		this.stopIdleTimer();
	}
}

function shellQuote(word: string): string {
	return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll('\'', '\'\\\'\'')}'`;
}
