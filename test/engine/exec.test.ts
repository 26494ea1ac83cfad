/**
 * Exec and attach against the real engine, through the same code the `e`,
 * `E` and `a` keys use, with an in-memory terminal standing in for the tty.
 */
import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {describe, it} from 'node:test';
import {autoShell, execInteractive, type TerminalIo} from '../../source/engine/exec.js';
import {createContainer, sessionForFile} from './engine-test-kit.js';

const file = sessionForFile();

/** A terminal whose keys the test types and whose screen it reads. */
function memoryTerminal(rows = 24, columns = 80) {
	const input = Object.assign(new PassThrough(), {isRaw: false, isTTY: true, setRawMode(raw: boolean) {
		input.isRaw = raw;
		return input;
	}});
	let screen = '';
	const output = Object.assign(new PassThrough(), {rows, columns, isTTY: true});
	output.on('data', (chunk: Buffer) => {
		screen += chunk.toString('utf8');
	});
	const io = {input, output} as unknown as TerminalIo;
	return {io, input, screen: () => screen};
}

async function runningContainer(name: string) {
	const container = await createContainer(file.current.docker, name);
	await container.start();
	return container;
}

describe('exec on the real engine', () => {
	it('runs echo with a TTY, shows its output and returns its exit code', async () => {
		const container = await runningContainer('exec-echo');
		const terminal = memoryTerminal();
		const result = await execInteractive(file.current.docker, container.id, ['echo', 'hello from exec'], terminal.io);
		assert.equal(result.exitCode, 0);
		assert.match(terminal.screen(), /hello from exec\r\n/, 'a TTY turns \\n into \\r\\n');
		assert.equal(terminal.input.isRaw, false, 'the input mode is restored');
	});

	it('hands the keys to a shell and comes back when it exits', async () => {
		const container = await runningContainer('exec-shell');
		const terminal = memoryTerminal();
		const session = execInteractive(file.current.docker, container.id, autoShell, terminal.io);
		terminal.input.write('echo shell-$((6*7)); exit 3\n');
		const result = await session;
		assert.equal(result.exitCode, 3);
		assert.match(terminal.screen(), /shell-42/);
	});

	it('reports a command that does not exist with exit code 127 and the runtime\'s words', async () => {
		const container = await runningContainer('exec-missing');
		const terminal = memoryTerminal();
		const result = await execInteractive(file.current.docker, container.id, ['no-such-command'], terminal.io);
		assert.ok(result.exitCode === 127 || result.exitCode === 126, `exit code ${result.exitCode}`);
		assert.match(result.lastOutput, /no-such-command|not found|no such file/i);
	});

	it('rejects with the engine\'s message when the container is not running', async () => {
		const container = await createContainer(file.current.docker, 'exec-stopped');
		const terminal = memoryTerminal();
		await assert.rejects(execInteractive(file.current.docker, container.id, ['echo', 'x'], terminal.io), /is not running/);
	});
});
