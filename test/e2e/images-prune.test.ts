/**
 * End to end: the images pane and the prune planner, in the built dockdeck
 * in a real terminal (tmux) against a real engine. Needs DOCKDECK_TEST_HOST
 * (a harness engine), the docker CLI, tmux and a build; without the host
 * the test fails with the message, it never skips.
 *
 *   node --import tsx --test test/e2e/images-prune.test.ts
 *
 * The prune is the engine's own `docker image prune`: it takes every dangling
 * image on the engine, not only the ones made here (the harness engine is
 * private to the test run).
 */
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {docker, removeLabelled, requireBuild, requireHost, startDockdeck} from './e2e-kit.js';
import {requireTmux, type TmuxTerminal} from './tmux-terminal.js';

const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
const label = `dockdeck.test=${runId}`;
const repository = `e2e-prune-${runId}`;

/**
 * One image per call, committed to the same tag: each commit takes the tag
 * from the one before, which is left dangling. The container's label is
 * copied into the image's config, so every image made here carries it.
 */
async function commitToTag(host: string, text: string): Promise<string> {
	const name = `e2e-${runId}-${text}`;
	await docker(host, 'run', '--name', name, '--label', label, 'dockdeck/busybox:latest', 'sh', '-c', `echo ${text} > /${text}`);
	const id = await docker(host, 'commit', name, `${repository}:app`);
	await docker(host, 'rm', name);
	return id;
}

async function danglingIds(host: string, ...filters: string[]): Promise<string[]> {
	return (await docker(host, 'image', 'ls', '--quiet', '--no-trunc', '--filter', 'dangling=true', ...filters.flatMap(filter => ['--filter', filter]))).split('\n').filter(Boolean);
}

/** The lines of the dialog box, without its border. */
function dialog(screen: string): string[] {
	return screen
		.split('\n')
		.filter(line => line.startsWith('│'))
		.map(line => line.replace(/^│ ?/, '').replace(/\s*│$/, ''));
}

let host = '';
const terminals: TmuxTerminal[] = [];

describe('images pane: prune dangling images with the planner, in a real terminal', () => {
	let mine: string[] = [];

	before(async () => {
		host = process.env['DOCKDECK_TEST_HOST'] ?? '';
		if (!host) return;
		requireTmux();
		requireBuild();
		await removeLabelled(host, label);
		const first = await commitToTag(host, 'first');
		const second = await commitToTag(host, 'second');
		await commitToTag(host, 'third');
		mine = [first, second];
		assert.deepEqual((await danglingIds(host, `label=${label}`)).sort(), [...mine].sort(), 'the two superseded commits are dangling');
	});

	after(async () => {
		for (const terminal of terminals) terminal.kill();
		if (!host) return;
		await removeLabelled(host, label);
		const images = (await docker(host, 'image', 'ls', '--all', '--quiet', '--filter', `label=${label}`)).split('\n').filter(Boolean);
		if (images.length > 0) await docker(host, 'image', 'rm', '--force', ...new Set(images)).catch(() => '');
	});

	test('2, /dangling, P, Enter (dangling), y: the report shows and the engine has no dangling image left', async () => {
		requireHost();
		const terminal = startDockdeck(host, 120, 30);
		terminals.push(terminal);
		await terminal.waitForText(/engine \S+ \(API/, 10_000);

		// The pane by its number key, then the dangling filter.
		terminal.sendKeys('2');
		await terminal.waitForText(new RegExp(`${repository}:app`), 10_000);
		terminal.sendKeys('/');
		terminal.type('dangling');
		terminal.sendKeys('Enter');
		let screen = await terminal.waitForScreen(s => /Images \(\d+ of \d+\)/.test(s) && !s.includes(`${repository}:app`), 'only dangling images listed', 5000);
		for (const id of mine) assert.match(screen, new RegExp(`<none>\\s+${id.slice(7, 19)}\\s.*dangling`), `${id} is listed as dangling`);
		const rows = screen.split('\n').filter(line => /^<none>\s/.test(line));
		assert.ok(rows.length >= mine.length && rows.every(row => /\bdangling\b/.test(row)), `every row shown is dangling:\n${screen}`);

		// The planner: which prune (Enter = dangling), then the exact plan.
		terminal.sendKeys('P');
		await terminal.waitForText(/prune which images:/, 5000);
		terminal.sendKeys('Enter');
		screen = await terminal.waitForText(/Prune dangling images\? \d+ images? goe?s?, freeing/, 15_000);
		const plan = dialog(screen);
		for (const id of mine) assert.ok(plan.some(line => line.startsWith(`  <none> ${id.slice(7, 19)}`)), `the confirmation lists ${id}:\n${plan.join('\n')}`);
		assert.match(plan.at(-1) ?? '', /^y\/Enter prune {3}n\/Esc cancel$/);
		assert.equal((await danglingIds(host, `label=${label}`)).length, 2, 'nothing is removed before the confirmation');

		terminal.sendKeys('y');
		screen = await terminal.waitForText(/removed \d+ of \d+ planned images?, .* freed \(planned/, 15_000);
		const report = dialog(screen);
		const counts = /removed (\d+) of (\d+) planned/.exec(report[0] ?? '');
		assert.ok(counts && counts[1] === counts[2], `everything planned was removed: ${report[0] ?? ''}`);
		assert.ok(Number(counts?.[1]) >= mine.length);
		assert.equal(report[1], 'The engine removed exactly what the plan said.');
		assert.deepEqual(await danglingIds(host), [], 'the engine lists no dangling image');

		// The report closes with Enter; the pane re-lists without them.
		terminal.sendKeys('Enter');
		await terminal.waitForScreen(s => dialog(s).length === 0 && /Images \(0 of \d+\)/.test(s), 'the report closed and no dangling image listed', 10_000);
		terminal.sendKeys('q');
		terminal.sendKeys('q');
		assert.equal(await terminal.waitForExit(5000), 0, 'exit status');
		terminal.kill();
	});
});
