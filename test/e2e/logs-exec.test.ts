/**
 * End to end in a real terminal (tmux) against the real engine: the log view
 * (open, search, n, f) and a shell handed the whole terminal (echo, exit,
 * screen back). Needs DOCKDECK_TEST_HOST and a build; never skips.
 */
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {docker, removeLabelled, requireBuild, requireHost, startDockdeck} from './e2e-kit.js';
import {requireTmux, type TmuxTerminal} from './tmux-terminal.js';

const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
const label = `dockdeck.test=${runId}`;
const logger = `e2e-${runId}-logger`;
const shell = `e2e-${runId}-shell`;
const terminals: TmuxTerminal[] = [];
let host = '';

/** Opens dockdeck, filters to one container and returns the terminal. */
async function openOn(name: string): Promise<TmuxTerminal> {
	const terminal = startDockdeck(host, 120, 30);
	terminals.push(terminal);
	await terminal.waitForText(new RegExp(name), 10_000);
	terminal.type(`/${name}`);
	terminal.sendKeys('Enter');
	await terminal.waitForText(/\(1 of \d+\)/);
	return terminal;
}

describe('logs and exec in a real terminal', () => {
	before(async () => {
		host = requireHost();
		requireTmux();
		requireBuild();
		await removeLabelled(host, label);
		// Known words on known lines: "needle" on every 7th line, stderr on every 5th.
		const script = 'trap "exit 0" TERM; i=0; while true; do i=$((i+1)); if [ $((i % 7)) -eq 0 ]; then echo "line $i needle"; else echo "line $i hay"; fi; [ $((i % 5)) -eq 0 ] && echo "warn $i" >&2; sleep 0.05; done';
		await docker(host, 'run', '-d', '--name', logger, '--label', label, 'dockdeck/busybox:latest', 'sh', '-c', script);
		await docker(host, 'run', '-d', '--name', shell, '--label', label, 'dockdeck/busybox:latest', 'sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1 & wait $!; done');
	});

	after(async () => {
		for (const terminal of terminals) terminal.kill();
		if (host) await removeLabelled(host, label);
	});

	test('logs follow; / finds a word, n moves to the next match, f filters to matches', async () => {
		const terminal = await openOn(logger);
		terminal.sendKeys('l');
		await terminal.waitForText(/logs of .*logger/);
		await terminal.waitForText(/line \d+ hay/);
		await terminal.waitForText(/^following$/m);
		// Three needles at least (lines 7, 14, 21...) before searching: the filter below expects more than two.
		await terminal.waitForText(/\b([3-9]\d|\d{3,}) lines held/);

		terminal.sendKeys('/');
		terminal.type('needle');
		terminal.sendKeys('Enter');
		await terminal.waitForText(/search: containing "needle"/);

		terminal.sendKeys('N');
		const first = await terminal.waitForText(/paused at .* new lines/);
		const cursorLine = (screen: string) => screen.split('\n').find(line => line.startsWith('›')) ?? '';
		const firstMatch = cursorLine(first);
		assert.match(firstMatch, /line (\d+) needle/, `the cursor is on a match:\n${first}`);
		const firstNumber = Number(/line (\d+)/.exec(firstMatch)?.[1]);

		terminal.sendKeys('N');
		const second = await terminal.waitForScreen(screen => cursorLine(screen) !== firstMatch, 'N to move to the previous match');
		const secondNumber = Number(/line (\d+) needle/.exec(cursorLine(second))?.[1]);
		assert.equal(secondNumber, firstNumber - 7, `N moves one match back:\n${second}`);
		terminal.sendKeys('n');
		await terminal.waitForScreen(screen => cursorLine(screen) === firstMatch, 'n to move forward to the first match again');

		terminal.sendKeys('f');
		const filtered = await terminal.waitForText(/\(filtering\)/);
		const bodyLines = filtered.split('\n').filter(line => /line \d+/.test(line));
		assert.ok(bodyLines.length > 2, `some matches shown:\n${filtered}`);
		assert.ok(bodyLines.every(line => line.includes('needle')), `only matching lines while filtering:\n${filtered}`);

		terminal.sendKeys('f', 'G');
		await terminal.waitForText(/^following$/m);
		terminal.sendKeys('q');
		await terminal.waitForText(/Containers \(1 of \d+\)/);
	});

	test('e opens a shell that owns the terminal; exit brings dockdeck back intact', async () => {
		const terminal = await openOn(shell);
		terminal.sendKeys('e');
		await terminal.waitForText(/dockdeck: shell in .*shell/, 5000);
		await terminal.waitForText(/[#$] ?$/m, 5000);
		assert.equal(terminal.alternateOn(), false, 'the shell runs on the normal screen');
		terminal.type('echo hello-$((6*7))');
		terminal.sendKeys('Enter');
		await terminal.waitForText(/^hello-42\s*$/m, 5000);
		terminal.type('exit');
		terminal.sendKeys('Enter');
		const back = await terminal.waitForText(/shell in .*shell ended \(exit code 0\)/, 5000);
		assert.equal(terminal.alternateOn(), true, 'dockdeck is back on the alternate screen');
		assert.match(back, /^dockdeck .*1:Containers/m, `the header is redrawn:\n${back}`);
		assert.match(back, new RegExp(`^${shell} `, 'm'), `the list is redrawn:\n${back}`);
		assert.ok(!/hello-42/.test(back), 'nothing of the shell session is left on dockdeck\'s screen');
		terminal.sendKeys('q', 'q');
		assert.equal(await terminal.waitForExit(5000), 0);
	});

	test('E runs a typed command; its output stays until a key, then dockdeck is back', async () => {
		const terminal = await openOn(shell);
		terminal.sendKeys('E');
		await terminal.waitForText(/command to run in .*shell:/);
		terminal.type(`sh -c 'echo typed-$((6*7)); echo "two words"'`);
		terminal.sendKeys('Enter');
		await terminal.waitForText(/^typed-42\s*$/m, 5000);
		const output = await terminal.waitForText(/press any key to return/, 5000);
		assert.match(output, /^two words\s*$/m, 'quoted words reach the command as one argument');
		assert.match(output, /exited with code 0/);
		assert.equal(terminal.alternateOn(), false, 'the output stays on the normal screen until a key');
		terminal.sendKeys('x');
		const back = await terminal.waitForText(/^Containers \(1 of \d+\)/m, 5000);
		assert.equal(terminal.alternateOn(), true, 'dockdeck is back on the alternate screen');
		assert.ok(!/typed-42/.test(back), 'nothing of the command is left on dockdeck\'s screen');
		assert.ok(!/^x/m.test(back.split('\n').at(-1) ?? ''), 'the key that returned was not taken as a command');
	});

	test('a shell in a stopped container is refused with a reason, not a blank screen', async () => {
		await docker(host, 'stop', '-t', '1', shell);
		const terminal = await openOn(shell);
		terminal.sendKeys('e');
		await terminal.waitForText(/is exited: a shell needs a running container \(u starts it\)/);
		assert.equal(terminal.alternateOn(), true);
	});
});
