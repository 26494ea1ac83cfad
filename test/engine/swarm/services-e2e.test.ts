/**
 * End to end in a real terminal (tmux) on the real 3-node swarm: `:services`,
 * select a service, `s`, type 5, confirm, and the engine says 5 replicas;
 * bad counts are refused with the reason; Enter lists the service's tasks.
 */
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {inspectRawService} from '../../../source/engine/swarm/services.js';
import {requireBuild, startDockdeck} from '../../e2e/e2e-kit.js';
import {requireTmux, type TmuxTerminal} from '../../e2e/tmux-terminal.js';
import {createTestService, eventually, runId, swarmForFile} from './swarm-test-kit.js';

const swarm = swarmForFile();
const terminals: TmuxTerminal[] = [];
const name = `t-${runId}-e2e-web`;

describe('services pane in a real terminal', () => {
	before(() => {
		requireTmux();
		requireBuild();
	});
	after(() => {
		for (const terminal of terminals) terminal.kill();
	});

	test(':services, s, 5, confirm: the engine runs 5 replicas; Enter shows them as tasks', async () => {
		const id = await createTestService(swarm.current, 'e2e-web', {replicas: 2});
		const host = process.env['DOCKDECK_TEST_HOST'] ?? '';
		const terminal = startDockdeck(host, 140, 35);
		terminals.push(terminal);
		await terminal.waitForText(/Containers \(/, 10_000);
		terminal.sendKeys(':');
		terminal.type('services');
		terminal.sendKeys('Enter');
		// Not just the name: the containers pane lists the service's task containers under it too.
		await terminal.waitForText(new RegExp(`^Services \\(\\d+\\)[\\s\\S]*${name}`, 'm'), 10_000);
		terminal.sendKeys('/');
		await terminal.waitForText(/^\/ ?text, \/regex\//m);
		terminal.type(name);
		terminal.sendKeys('Enter');
		await terminal.waitForText(/Services \(1 of \d+\)/);

		terminal.sendKeys('s');
		await terminal.waitForText(/replicas for .*e2e-web \(now 2\):/);
		terminal.type('abc');
		terminal.sendKeys('Enter');
		await terminal.waitForText(/replicas must be a whole number/);
		for (let index = 0; index < 3; index++) terminal.sendKeys('BSpace');
		terminal.type('5');
		terminal.sendKeys('Enter');
		await terminal.waitForText(/Scale .*e2e-web from 2 to 5 replicas\?/);
		assert.equal((await inspectRawService(swarm.current.docker, id)).Spec?.Mode?.Replicated?.Replicas, 2, 'nothing changes before the confirmation');
		terminal.sendKeys('y');
		await terminal.waitForText(/scaled .*e2e-web to 5 replicas/);

		const replicas = (await inspectRawService(swarm.current.docker, id)).Spec?.Mode?.Replicated?.Replicas;
		assert.equal(replicas, 5, 'the engine reports 5 replicas');
		// The change opens the service's live rollout: five slots, each with a running task.
		await terminal.waitForText(/Summary {2}Rollout {2}Events {2}Raw JSON/);
		await terminal.waitForText(new RegExp(`${name} +5/5 running`), 30_000);
		assert.equal(terminal.capture().split('\n').filter(line => /^slot [1-5] .*→ .*: running/.test(line)).length, 5, 'five slots, each running');
		terminal.sendKeys('q');
		await terminal.waitForText(new RegExp(`${name} +replicated +5/5`), 10_000);

		terminal.sendKeys('Enter');
		await terminal.waitForText(/Tasks of service .*e2e-web \(5\)/, 10_000);
		const tasks = await eventually(() => {
			const screen = terminal.capture();
			const running = screen.split('\n').filter(line => new RegExp(`^${name}\\.[1-5] .* running +running`).test(line));
			return running.length === 5 ? running : undefined;
		}, 'five running tasks on screen', 20_000);
		assert.equal(tasks.length, 5);
		terminal.sendKeys('q');
		await terminal.waitForText(/Services \(1 of \d+\)/);
	});
});
