import type {Duplex} from 'node:stream';
import type Docker from 'dockerode';

/** The terminal a session is handed: dockdeck's own stdin and stdout. */
export interface TerminalIo {
	input: NodeJS.ReadStream;
	output: NodeJS.WriteStream;
}

export interface InteractiveResult {
	/** The process's exit code (exec), undefined for attach or when unknown. */
	exitCode?: number;
	/** The last bytes the session printed, to explain a failure. */
	lastOutput: string;
}

/** Tries bash, then sh: the choice users ask for, in one exec (no probing round trips). */
export const autoShell = ['/bin/sh', '-c', 'if command -v bash >/dev/null 2>&1; then exec bash; fi; exec sh'];

/** Keeps the tail of what was printed: enough to quote an error, bounded whatever runs. */
class OutputTail {
	private text = '';
	add(chunk: Buffer): void {
		this.text = (this.text + chunk.toString('utf8')).slice(-2000);
	}
	get value(): string {
		return this.text;
	}
}

/**
 * Wires the terminal to an engine stream in raw mode until the stream ends:
 * keys go to the container as typed (ctrl+c included), output goes straight
 * to the screen, and terminal resizes are forwarded. Restores the input's
 * mode and listeners afterwards whatever happens.
 */
async function pipeTerminal(stream: Duplex, io: TerminalIo, resize: (rows: number, columns: number) => Promise<void>, tail: OutputTail): Promise<void> {
	const {input, output} = io;
	const wasRaw = input.isRaw;
	const onKeys = (chunk: Buffer) => stream.write(chunk);
	const onOutput = (chunk: Buffer) => {
		tail.add(chunk);
		output.write(chunk);
	};
	const onResize = () => void resize(output.rows || 24, output.columns || 80).catch(() => {});
	input.setRawMode(true);
	input.on('data', onKeys);
	input.resume();
	output.on('resize', onResize);
	stream.on('data', onOutput);
	onResize();
	try {
		await new Promise<void>(resolve => {
			stream.once('end', resolve);
			stream.once('close', resolve);
			stream.once('error', () => resolve());
		});
	} finally {
		input.off('data', onKeys);
		output.off('resize', onResize);
		stream.off('data', onOutput);
		input.setRawMode(wasRaw);
		stream.destroy();
	}
}

/**
 * Runs `command` in the container with a TTY and hands it the terminal.
 * Rejects with the engine's error when the exec cannot be created (container
 * not running, no such container); a command that cannot start (no shell in
 * the image) resolves with exit code 126/127 and the runtime's message in
 * lastOutput.
 */
export async function execInteractive(docker: Docker, id: string, command: readonly string[], io: TerminalIo): Promise<InteractiveResult> {
	const exec = await docker.getContainer(id).exec({
		Cmd: [...command],
		AttachStdin: true,
		AttachStdout: true,
		AttachStderr: true,
		Tty: true,
		Env: [`TERM=${process.env['TERM'] ?? 'xterm-256color'}`],
	});
	const stream = (await exec.start({hijack: true, stdin: true, Tty: true})) as Duplex;
	const tail = new OutputTail();
	await pipeTerminal(stream, io, (rows, columns) => exec.resize({h: rows, w: columns}), tail);
	const inspected = await exec.inspect().catch(() => undefined);
	return {exitCode: inspected?.ExitCode ?? undefined, lastOutput: tail.value};
}

/** The key sequence that detaches from an attached container without stopping it. */
export const detachKeys = 'ctrl-p,ctrl-q';

/**
 * Attaches the terminal to the container's main process (docker attach).
 * Detach with ctrl-p ctrl-q; the engine closes the stream then.
 */
export async function attachInteractive(docker: Docker, id: string, io: TerminalIo): Promise<InteractiveResult> {
	const container = docker.getContainer(id);
	const info = await container.inspect();
	if (!info.State.Running) throw new Error(`${info.Name.replace(/^\//, '')} is not running: only a running container can be attached to`);
	if (!info.Config.Tty || !info.Config.OpenStdin) {
		throw new Error(`${info.Name.replace(/^\//, '')} was started without -it (no TTY or no open stdin): attaching would show its output only; use l for its logs or e for a shell`);
	}
	const stream = (await container.attach({stream: true, stdin: true, stdout: true, stderr: true, hijack: true, detachKeys} as Docker.ContainerAttachOptions)) as unknown as Duplex;
	const tail = new OutputTail();
	await pipeTerminal(stream, io, (rows, columns) => container.resize({h: rows, w: columns}), tail);
	return {lastOutput: tail.value};
}
