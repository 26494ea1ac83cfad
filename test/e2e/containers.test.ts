/**
 * End to end: the built dockdeck in a real terminal (tmux) against a real
 * engine. Needs DOCKDECK_TEST_HOST=unix:///.../docker.sock pointing at a
 * harness engine (test/engine/harness.sh up), the docker CLI, tmux, and a
 * build (npm run build). Without DOCKDECK_TEST_HOST every test fails: it
 * never skips.
 *
 *   node --import tsx --test test/e2e/containers.test.ts
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {readFileSync, readlinkSync, realpathSync} from 'node:fs';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import stringWidth from 'string-width';
import {bin, docker, removeLabelled, requireBuild, requireHost, root, startDockdeck} from './e2e-kit.js';
import {requireTmux, sleep, type TmuxTerminal} from './tmux-terminal.js';

const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
const label = `dockdeck.test=${runId}`;
const names = {a: `e2e-${runId}-a`, b: `e2e-${runId}-b`, c: `e2e-${runId}-c`};
// sh as PID 1 ignores SIGTERM: trap it, and wait on a background sleep so the trap runs at once.
const loop = 'trap "exit 0" TERM; while true; do sleep 1 & wait $!; done';

const removeTestContainers = (host: string) => removeLabelled(host, label);

async function waitForState(host: string, name: string, want: string, timeoutMs: number): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	let state = '';
	while (Date.now() < deadline) {
		state = await docker(host, 'inspect', '-f', '{{.State.Status}}', name);
		if (state === want) return state;
		await sleep(100);
	}
	return state;
}

/** True when pid is node running dockdeck (meow renames the process "dockdeck" once it has parsed the flags). */
function isDockdeck(pid: number | undefined): boolean {
	if (!pid) return false;
	if (readlinkSync(`/proc/${pid}/exe`) !== realpathSync(process.execPath)) return false;
	const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
	return argv.includes(bin) || argv[0] === 'dockdeck';
}

/** The table rows of our containers: lines that start with one of their names (not the title's filter or the prompt). */
function rowsOf(screen: string): string[] {
	return screen.split('\n').filter(line => line.startsWith(`e2e-${runId}-`));
}

let host = '';
const terminals: TmuxTerminal[] = [];

describe('dockdeck containers pane in a real terminal', () => {
	before(async () => {
		// Without a host every test fails on its own, with the message (never a skip).
		host = process.env['DOCKDECK_TEST_HOST'] ?? '';
		if (!host) return;
		requireTmux();
		requireBuild();
		await docker(host, 'version', '--format', '{{.Server.Version}}');
		await removeTestContainers(host);
		await Promise.all(
			Object.values(names).map(name => docker(host, 'run', '-d', '--name', name, '--label', label, 'dockdeck/busybox:latest', 'sh', '-c', loop)),
		);
	});

	after(async () => {
		for (const terminal of terminals) terminal.kill();
		if (host) await removeTestContainers(host);
	});

	test('filter, stop with confirm, help, resize and quit restore the terminal', async () => {
		requireHost();
		const terminal = startDockdeck(host, 120, 30);
		terminals.push(terminal);
		await terminal.waitForText(new RegExp(`${names.a}[\\s\\S]*${names.b}[\\s\\S]*${names.c}`), 10_000);
		assert.ok(terminal.alternateOn(), 'dockdeck draws on the alternate screen');
		const pid = terminal.programPid();
		assert.ok(isDockdeck(pid), `the program in the pane is dockdeck (pid ${pid}: ${pid ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : ''})`);

		// Filter to b.
		terminal.sendKeys('/');
		terminal.type(names.b);
		terminal.sendKeys('Enter');
		let screen = await terminal.waitForScreen(s => rowsOf(s).length === 1 && s.includes(names.b), `only ${names.b} listed`);
		assert.deepEqual(rowsOf(screen).map(line => line.split(/\s+/)[0]), [names.b]);
		assert.match(screen, /Containers \(1 of \d+\)/);

		// Stop it through the confirm dialog.
		terminal.sendKeys('s');
		const dialog = await terminal.waitForText(new RegExp(`Stop container ${names.b} \\([0-9a-f]{12}\\)\\?`), 3000);
		assert.match(dialog, /y\/Enter stop/, 'the dialog says which key confirms');
		terminal.sendKeys('y');
		const state = await waitForState(host, names.b, 'exited', 10_000);
		assert.equal(state, 'exited', `${names.b} is stopped on the engine`);
		await terminal.waitForScreen(s => rowsOf(s).some(line => line.includes(names.b) && /\bexited\b/.test(line)), `${names.b} shown as exited`, 5000);
		assert.equal(await docker(host, 'inspect', '-f', '{{.State.Status}}', names.a), 'running', 'a is untouched');

		// Help lists the keys; q closes it.
		terminal.sendKeys('?');
		await terminal.waitForText(/Keys\s+\(j\/k to scroll/, 3000);
		// The containers pane's keys are a few pages down: page until they show.
		for (let page = 0; page < 15 && !/s\s+stop the container/.test(terminal.capture()); page++) {
			terminal.sendKeys('PageDown');
			await new Promise(resolve => setTimeout(resolve, 100));
		}
		screen = await terminal.waitForText(/s\s+stop the container/, 3000);
		assert.match(screen, /Containers pane/);
		terminal.sendKeys('q');
		await terminal.waitForScreen(s => !s.includes('Keys  (j/k') && rowsOf(s).length === 1, 'help closed, the list back', 3000);

		// 80x24: header and row still fit.
		terminal.resize(80, 24);
		screen = await terminal.waitForScreen(
			s => {
				const lines = s.split('\n');
				return lines[0]?.startsWith('dockdeck') === true && rowsOf(s).length === 1 && lines.some(line => line.startsWith('NAME'));
			},
			'the 80x24 layout',
			3000,
		);
		const lines = screen.split('\n');
		assert.ok(lines.length <= 24, `${lines.length} lines on a 24-line terminal`);
		for (const line of lines) assert.ok(stringWidth(line) <= 80, `line wider than 80 columns (${stringWidth(line)}): ${line}`);
		assert.match(lines[0] ?? '', /^dockdeck /, 'the header is the first line');
		assert.match(lines[1] ?? '', /^Containers \(1 of \d+\)/, 'the pane title is the second line (nothing wrapped)');
		assert.match(lines[2] ?? '', /^NAME/, 'column headers on the third line');
		const row = rowsOf(screen)[0] ?? '';
		assert.ok(row.startsWith(`${names.b} `), `the row starts with the full name: ${row}`);
		assert.match(row, /\bexited\b/);
		assert.match(lines.at(-1) ?? '', /^\? help {2}q back\/quit {2}\/ filter/, `the key hints, help first, are on the last line:\n${screen}`);

		// q clears the filter first (the pane's "back"), then quits.
		terminal.sendKeys('q');
		await terminal.waitForScreen(s => rowsOf(s).length === 3, 'the filter cleared', 3000);
		terminal.sendKeys('q');
		const status = await terminal.waitForExit(5000);
		assert.equal(status, 0, 'exit status');
		assert.equal(terminal.alternateOn(), false, 'left the alternate screen');
		assert.equal(terminal.cursorVisible(), true, 'the cursor is visible again');
		terminal.kill();
	});

	test('SIGHUP restores the terminal', async () => {
		requireHost();
		const terminal = startDockdeck(host, 120, 30);
		terminals.push(terminal);
		await terminal.waitForText(new RegExp(names.c), 10_000);
		assert.ok(terminal.alternateOn());
		assert.equal(terminal.cursorVisible(), false, 'the cursor is hidden while dockdeck runs');
		const pid = terminal.programPid();
		assert.ok(pid && isDockdeck(pid), 'found the dockdeck process');
		process.kill(pid, 'SIGHUP');
		const status = await terminal.waitForExit(5000);
		assert.equal(status, 129, 'exit status 128+SIGHUP');
		assert.equal(terminal.alternateOn(), false, 'left the alternate screen');
		assert.equal(terminal.cursorVisible(), true, 'the cursor is visible again');
		terminal.kill();
	});

	test('without a terminal on stdin it exits 1 and says to use ssh -t', () => {
		requireHost();
		const env: NodeJS.ProcessEnv = {...process.env, DOCKER_HOST: host, PATH: `${path.dirname(process.execPath)}:${process.env['PATH'] ?? ''}`};
		delete env['DOCKER_CONTEXT'];
		const result = spawnSync('sh', ['-c', 'echo | node bin/dockdeck.js'], {cwd: root, env, encoding: 'utf8', timeout: 10_000});
		assert.equal(result.status, 1, `exit status (stderr: ${result.stderr})`);
		assert.match(result.stderr, /ssh -t/);
		assert.equal(result.stdout, '', 'nothing on stdout (no escape sequences)');
	});
});
