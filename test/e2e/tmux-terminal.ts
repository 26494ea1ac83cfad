/**
 * A real pseudo-terminal for end-to-end tests: one tmux server on a private
 * socket (`tmux -L dd-e2e-<pid>-<n>`, never the user's server), one session
 * of a given size running one command.
 *
 * The pane outlives the program: a small sh wrapper runs it, writes its exit
 * status to a file and then sleeps, writing nothing to the terminal. So after
 * the program ends a test still reads the terminal exactly as the program
 * left it (alternate screen, cursor visibility). tmux's own remain-on-exit is
 * not used: a dead pane gets a "Pane is dead" line and its cursor hidden by
 * tmux itself, which would hide what the program did.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

export interface TerminalOptions {
	/** argv of the program; run directly (no shell) through `env`. */
	command: readonly string[];
	/** Extra environment for the program; `undefined` removes a variable. */
	env?: Readonly<Record<string, string | undefined>>;
	cwd?: string;
	columns: number;
	rows: number;
	/**
	 * Hold the program until release() (an Enter typed into the pane), so
	 * the terminal and tmux are ready and a timing can start at release().
	 */
	gated?: boolean;
}

let counter = 0;

/** Throws a clear error when tmux is missing. */
export function requireTmux(): string {
	const found = spawnSync('sh', ['-c', 'command -v tmux'], {encoding: 'utf8'});
	const where = found.stdout.trim();
	if (found.status !== 0 || !where) {
		throw new Error('tmux is not installed: the end-to-end tests drive dockdeck in a real terminal through tmux. Install it (apt-get install -y tmux) and run again.');
	}
	return where;
}

/** The environment tmux itself runs with: no CI (Ink draws nothing live under CI), not nested in the user's tmux. */
export function tmuxEnv(): NodeJS.ProcessEnv {
	const env = {...process.env};
	delete env['CI'];
	delete env['TMUX'];
	delete env['TMUX_PANE'];
	return env;
}

export class TmuxTerminal {
	readonly socket: string;
	readonly session = 'dd';
	private readonly configDir: string;
	private killed = false;
	private socketPath = '';

	private constructor(socket: string, configDir: string) {
		this.socket = socket;
		this.configDir = configDir;
	}

	private get statusFile(): string {
		return path.join(this.configDir, 'exit-status');
	}

	/** Starts the tmux server and the program; returns at once (the program may not have drawn yet). */
	static start(options: TerminalOptions): TmuxTerminal {
		requireTmux();
		const socket = `dd-e2e-${process.pid}-${counter++}`;
		const configDir = mkdtempSync(path.join(tmpdir(), 'dd-tmux-'));
		const config = path.join(configDir, 'tmux.conf');
		// No status line (the pane is the whole window), no user config.
		writeFileSync(config, ['set -g status off', 'set -g history-limit 0', ''].join('\n'));
		const terminal = new TmuxTerminal(socket, configDir);
		const assignments: string[] = ['TERM=xterm-256color'];
		const unsets: string[] = ['-u', 'CI'];
		for (const [name, value] of Object.entries(options.env ?? {})) {
			if (value === undefined) unsets.push('-u', name);
			else assignments.push(`${name}=${value}`);
		}
		const argv = ['env', ...unsets, ...assignments, ...options.command];
		// "$@" runs the program as the wrapper's only child; its status goes to a file, not to the screen.
		const wrapper = 'status="$1"; gate="$2"; shift 2; if [ "$gate" = 1 ]; then read -r go; fi; "$@"; echo $? > "$status.tmp"; mv "$status.tmp" "$status"; exec sleep 3600';
		terminal.tmux([
			'-f',
			config,
			'new-session',
			'-d',
			'-s',
			terminal.session,
			'-x',
			String(options.columns),
			'-y',
			String(options.rows),
			...(options.cwd ? ['-c', options.cwd] : []),
			// Several arguments: tmux runs them directly (no shell parses them).
			'sh',
			'-c',
			wrapper,
			'sh',
			terminal.statusFile,
			options.gated ? '1' : '0',
			...argv,
		]);
		terminal.socketPath = terminal.tmux(['display-message', '-p', '#{socket_path}']).trim();
		return terminal;
	}

	/** Starts a gated program (see TerminalOptions.gated). */
	release(): void {
		this.sendKeys('Enter');
	}

	/** Runs one tmux command on this server and returns its stdout. */
	tmux(args: readonly string[]): string {
		return execFileSync('tmux', ['-L', this.socket, ...args], {encoding: 'utf8', env: tmuxEnv(), stdio: ['ignore', 'pipe', 'pipe']});
	}

	/** One format of the pane (`#{alternate_on}`, `#{pane_pid}`...). */
	query(format: string): string {
		return this.tmux(['display-message', '-p', '-t', this.session, format]).replace(/\n$/, '');
	}

	/** Key names as tmux knows them: "Enter", "Escape", "C-c", "q". */
	sendKeys(...keys: string[]): void {
		this.tmux(['send-keys', '-t', this.session, ...keys]);
	}

	/** Text typed literally, character by character. */
	type(text: string): void {
		this.tmux(['send-keys', '-t', this.session, '-l', text]);
	}

	/** The visible screen as text, one entry per line, trailing blanks trimmed. */
	lines(): string[] {
		const text = this.tmux(['capture-pane', '-p', '-t', this.session]);
		return text.replace(/\n$/, '').split('\n');
	}

	capture(): string {
		return this.lines().join('\n');
	}

	/** Polls the screen every `intervalMs` until `pattern` matches; returns the screen. */
	async waitForText(pattern: RegExp, timeoutMs = 5000, intervalMs = 50): Promise<string> {
		return this.waitForScreen(screen => pattern.test(screen), `${String(pattern)}`, timeoutMs, intervalMs);
	}

	/** Polls the screen until `test` accepts it; the error shows the last screen. */
	async waitForScreen(test: (screen: string) => boolean, what: string, timeoutMs = 5000, intervalMs = 50): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const screen = this.capture();
			if (test(screen)) return screen;
			if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the screen was:\n${frame(screen)}`);
			await sleep(intervalMs);
		}
	}

	alternateOn(): boolean {
		return this.query('#{alternate_on}') === '1';
	}

	cursorVisible(): boolean {
		return this.query('#{cursor_flag}') === '1';
	}

	/** True when the pane itself is gone (the wrapper died): not the same as the program having exited. */
	paneDead(): boolean {
		return this.query('#{pane_dead}') === '1';
	}

	/** The pid of the pane's process: the sh wrapper. */
	panePid(): number {
		return Number(this.query('#{pane_pid}'));
	}

	/** The program's pid: the wrapper's child (env execs the program), while it runs. */
	programPid(): number | undefined {
		return childrenOf(this.panePid()).find(pid => readComm(pid) !== 'sleep');
	}

	/** The program's exit status (128+N for signal N), once it has exited. */
	exitStatus(): number | undefined {
		if (!existsSync(this.statusFile)) return undefined;
		return Number(readFileSync(this.statusFile, 'utf8').trim());
	}

	/** Waits for the program to end; returns its exit status (128+N for signal N). */
	async waitForExit(timeoutMs = 5000): Promise<number> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const status = this.exitStatus();
			if (status !== undefined) return status;
			if (Date.now() >= deadline) throw new Error(`the program still runs ${timeoutMs} ms later; the screen is:\n${frame(this.capture())}`);
			await sleep(50);
		}
	}

	resize(columns: number, rows: number): void {
		this.tmux(['resize-window', '-t', this.session, '-x', String(columns), '-y', String(rows)]);
	}

	/** Kills the server (and the program with it, by SIGHUP); safe to call twice. */
	kill(): void {
		if (this.killed) return;
		this.killed = true;
		try {
			this.tmux(['kill-server']);
		} catch {
			// already gone
		}
		// tmux 3.3 leaves its socket file behind.
		if (this.socketPath) rmSync(this.socketPath, {force: true});
		rmSync(this.configDir, {recursive: true, force: true});
	}
}

/** Direct children of a process, from /proc (field 4 of /proc/PID/stat is the parent). */
export function childrenOf(parent: number): number[] {
	const result: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// The command name may hold spaces and parentheses: fields start after the last ')'.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[1]) === parent) result.push(Number(entry));
		} catch {
			// gone meanwhile
		}
	}
	return result;
}

function readComm(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
	} catch {
		return '';
	}
}

export function sleep(ms: number): Promise<void> {
	return new Promise(resolve => setTimeout(resolve, ms));
}

/** A screen dump framed for error messages. */
export function frame(screen: string): string {
	return screen
		.split('\n')
		.map(line => `|${line}`)
		.join('\n');
}
