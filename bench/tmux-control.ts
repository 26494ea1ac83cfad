/**
 * One tmux control-mode client (`tmux -C attach`) on a TmuxTerminal's server:
 * each command is a line on a pipe, its answer the lines between %begin and
 * %end, instead of a new tmux process per command. Following a fast logger,
 * the logger and the engine keep both cores busy, and starting a tmux client
 * for a key and then for each capture took up to ~100 ms by itself, while
 * dockdeck drew the key's frame within 2-24 ms of reading it (timed inside
 * the process). A control client attached without a size leaves the window
 * at the terminal's size.
 *
 * Attached with `output`, every read tmux makes from the pane is told (a
 * %output line, the bytes escaped), so a caller can capture the screen when,
 * and only when, it may have changed, instead of capturing in a loop that
 * competes for the CPU with the program it measures, and can count the
 * frames in it. (Turning the output on and off on a live client with
 * `refresh-client -f no-output` left tmux 3.3 not answering, now and then.)
 */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';

interface Waiter {
	resolve(lines: string[]): void;
	reject(error: Error): void;
}

/** A command not answered by then fails (the bench then reports it, rather than waiting for ever). */
const commandTimeoutMs = 5000;

export class TmuxControl {
	private readonly waiters: Waiter[] = [];
	private block: string[] | undefined;
	private ownBlock = false;
	private partial = '';
	private failure: Error | undefined;
	/** %output lines seen so far; outputWaiters wait for this to pass a count. */
	private outputs = 0;
	private outputWaiters: {after: number; resolve(): void}[] = [];
	private readonly outputListeners: ((escaped: string) => void)[] = [];
	private lastOutput = Number.NaN;

	private constructor(private readonly child: ChildProcessWithoutNullStreams) {
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (text: string) => this.read(text));
		child.on('error', error => this.fail(new Error(`the tmux control client failed: ${error.message}`)));
		child.stdin.on('error', error => this.fail(new Error(`the tmux control client's input closed: ${error.message}`)));
		child.on('exit', code => this.fail(new Error(`the tmux control client exited (status ${code ?? 'none'})`)));
	}

	/** Attaches to `session` on the server of socket name `socket` (tmux -L); with `output`, the pane's output is told too. */
	static attach(socket: string, session: string, env: NodeJS.ProcessEnv, {output = false} = {}): TmuxControl {
		const flags = output ? [] : ['-f', 'no-output'];
		const child = spawn('tmux', ['-L', socket, '-C', 'attach-session', ...flags, '-t', session], {env, stdio: ['pipe', 'pipe', 'pipe']});
		return new TmuxControl(child);
	}

	/** Runs one tmux command; resolves with its output lines, rejects with tmux's error. */
	command(line: string): Promise<string[]> {
		if (this.failure) return Promise.reject(this.failure);
		return new Promise((resolve, reject) => {
			// Answers come in order: after a lost one, the client is of no further use.
			const timer = setTimeout(() => this.fail(new Error(`tmux did not answer "${line}" within ${commandTimeoutMs} ms`)), commandTimeoutMs);
			this.waiters.push({
				resolve: lines => {
					clearTimeout(timer);
					resolve(lines);
				},
				reject: error => {
					clearTimeout(timer);
					reject(error);
				},
			});
			this.child.stdin.write(`${line}\n`);
		});
	}

	/** The visible screen, as TmuxTerminal.capture() gives it. */
	async capture(session: string): Promise<string> {
		return (await this.command(`capture-pane -p -t ${session}`)).join('\n');
	}

	/** Calls `listener` with each pane output, as tmux escapes it (octal for control bytes: ESC is \\033). */
	onOutput(listener: (escaped: string) => void): void {
		this.outputListeners.push(listener);
	}

	/**
	 * When the latest pane output was read (performance.now()). Read when a
	 * command's answer arrives, it is when the last output tmux handled before
	 * answering reached this client: no earlier than the output the answer shows.
	 */
	get lastOutputAt(): number {
		return this.lastOutput;
	}

	/** How many pane outputs tmux has told of (attached with `output`). */
	get outputCount(): number {
		return this.outputs;
	}

	/** Resolves once tmux tells of a pane output beyond the first `count`, or after `timeoutMs`. */
	outputAfter(count: number, timeoutMs: number): Promise<void> {
		if (this.outputs > count || this.failure) return Promise.resolve();
		return new Promise(resolve => {
			const timer = setTimeout(() => done(), timeoutMs);
			const done = () => {
				clearTimeout(timer);
				this.outputWaiters = this.outputWaiters.filter(waiter => waiter !== entry);
				resolve();
			};
			const entry = {after: count, resolve: done};
			this.outputWaiters.push(entry);
		});
	}

	/** Fails every waiting command and all later ones with `error`. */
	private fail(error: Error): void {
		this.failure ??= error;
		for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure);
		for (const waiter of [...this.outputWaiters]) waiter.resolve();
		this.child.kill();
	}

	close(): void {
		this.child.stdin.end();
		this.child.kill();
	}

	private read(text: string): void {
		const lines = (this.partial + text).split('\n');
		this.partial = lines.pop() ?? '';
		for (const line of lines) this.line(line);
	}

	/**
	 * %begin/%end blocks with flag 1 answer this client's commands, in order;
	 * the rest are tmux's own. tmux sends a pane's output and command answers
	 * in the order it handled them, so a capture answered after an %output
	 * shows that output.
	 */
	private line(line: string): void {
		if (this.block === undefined) {
			if (line.startsWith('%output ')) this.output(line);
			else if (line.startsWith('%begin ')) {
				this.block = [];
				this.ownBlock = line.split(' ')[3] === '1';
			}
			return;
		}
		if (line.startsWith('%end ') || line.startsWith('%error ')) {
			const output = this.block;
			this.block = undefined;
			if (!this.ownBlock) return;
			const waiter = this.waiters.shift();
			if (line.startsWith('%end ')) waiter?.resolve(output);
			else waiter?.reject(new Error(`tmux: ${output.join('\n')}`));
			return;
		}
		this.block.push(line);
	}

	/** "%output %<pane> <escaped bytes>" */
	private output(line: string): void {
		this.outputs++;
		this.lastOutput = performance.now();
		const escaped = line.slice(line.indexOf(' ', '%output '.length) + 1);
		for (const listener of this.outputListeners) listener(escaped);
		for (const waiter of this.outputWaiters.filter(entry => this.outputs > entry.after)) waiter.resolve();
	}
}
