/**
 * The services pane on a real 3-node swarm, measured from outside.
 *
 *   node --import tsx bench/services.ts [--services 50] [--tasks 300] [--idle 30] [--launches 3]
 *
 * The engine is DOCKDECK_BENCH_HOST (the manager of a harness swarm:
 * bench/run.sh services starts `harness.sh up 3 1` in /tmp/dd-bench).
 * Creates --services busybox services with --tasks replicas between them
 * (labelled dockdeck.bench=1, spread over the three nodes), waits until every
 * task runs, then opens dockdeck on the services pane in a 200x50 tmux
 * terminal: (a) first screen, from release of the program to the first
 * capture showing a service name, median of --launches; (b) CPU % and RSS of
 * the node process over --idle seconds on the pane (which re-lists every 3 s:
 * Swarm task states come with no event); the wall time of `docker service ls`
 * as the baseline.
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {TmuxTerminal, requireTmux, sleep} from '../test/e2e/tmux-terminal.js';
import {cpuSeconds, engineApi, log, median, rssMiB} from './bench-kit.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'dockdeck.js');
const columns = 200;
const rows = 50;
const target = {cpuPercent: 3};

function parseArgs(argv: readonly string[]) {
	const options = {services: 50, tasks: 300, idleS: 30, launches: 3};
	for (let i = 0; i < argv.length; i += 2) {
		const flag = argv[i];
		const value = Number(argv[i + 1]);
		if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag}: expected a positive whole number, got ${argv[i + 1]}`);
		if (flag === '--services') options.services = value;
		else if (flag === '--tasks') options.tasks = value;
		else if (flag === '--idle') options.idleS = value;
		else if (flag === '--launches') options.launches = value;
		else throw new Error(`unknown argument ${flag} (usage: bench/services.ts [--services 50] [--tasks 300] [--idle 30] [--launches 3])`);
	}
	return options;
}

const host = process.env['DOCKDECK_BENCH_HOST'] ?? process.env['DOCKER_HOST'] ?? '';
if (!host.startsWith('unix://')) {
	console.error('bench: set DOCKDECK_BENCH_HOST to the unix:// socket of a harness swarm manager; bench/run.sh services starts one.');
	process.exit(2);
}
const socketPath = host.slice('unix://'.length);

const api = engineApi(socketPath);

async function removeBenchServices(): Promise<void> {
	const services = await api<{ID: string}[]>('GET', `/services?filters=${encodeURIComponent(JSON.stringify({label: ['dockdeck.bench=1']}))}`);
	await Promise.all(services.map(service => api('DELETE', `/services/${service.ID}`)));
}

/**
 * Creates the services five at a time, each batch running before the next:
 * 300 containers started at once on two cores made the nodes miss their
 * heartbeats, and the swarm shut tasks down and rescheduled them in a storm.
 */
async function createServices(count: number, tasks: number): Promise<void> {
	let wanted = 0;
	for (let index = 0; index < count; index++) {
		if (index > 0 && index % 5 === 0) await waitForRunning(wanted, 300_000);
		// Spread the tasks: the first (tasks % count) services take one more.
		const replicas = Math.floor(tasks / count) + (index < tasks % count ? 1 : 0);
		wanted += replicas;
		await api('POST', '/services/create', {
			Name: `bench-svc-${String(index).padStart(3, '0')}`,
			Labels: {'dockdeck.bench': '1'},
			TaskTemplate: {ContainerSpec: {Image: 'dockdeck/busybox:latest', Args: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 3600 & wait $!; done'], StopGracePeriod: 1_000_000_000}, RestartPolicy: {Condition: 'any', Delay: 1_000_000_000}},
			Mode: {Replicated: {Replicas: replicas}},
		});
	}
}

async function waitForRunning(wanted: number, timeoutMs: number): Promise<void> {
	const start = performance.now();
	for (;;) {
		const running = await runningTasks();
		if (running >= wanted) return;
		if (performance.now() - start > timeoutMs) throw new Error(`only ${running} of ${wanted} tasks running after ${timeoutMs / 1000} s`);
		await sleep(1000);
	}
}

async function runningTasks(): Promise<number> {
	const tasks = await api<{Status?: {State?: string}; DesiredState?: string}[]>('GET', `/tasks?filters=${encodeURIComponent(JSON.stringify({'desired-state': ['running']}))}`);
	return tasks.filter(task => task.Status?.State === 'running').length;
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	requireTmux();
	const nodes = await api<unknown[]>('GET', '/nodes');
	log(`swarm of ${nodes.length} nodes at ${host}; creating ${options.services} services with ${options.tasks} tasks`);
	await removeBenchServices();
	const setupStart = performance.now();
	await createServices(options.services, options.tasks);
	await waitForRunning(options.tasks, 300_000);
	log(`all ${options.tasks} tasks running after ${((performance.now() - setupStart) / 1000).toFixed(0)} s`);
	await sleep(5000);

	const lsTimes: number[] = [];
	for (let round = 0; round < 5; round++) {
		const start = performance.now();
		execFileSync('docker', ['-H', host, 'service', 'ls'], {stdio: 'ignore'});
		lsTimes.push(performance.now() - start);
	}

	const firstScreens: number[] = [];
	let idle = {cpuPercent: Number.NaN, rssMiB: Number.NaN};
	for (let round = 1; round <= options.launches; round++) {
		const terminal = TmuxTerminal.start({
			command: [bin, '-H', host, '--pane', 'services'],
			env: {DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined, NO_COLOR: undefined, PATH: `${path.dirname(process.execPath)}:${process.env['PATH'] ?? ''}`},
			cwd: root,
			columns,
			rows,
			gated: true,
		});
		try {
			await sleep(300);
			const start = performance.now();
			terminal.release();
			for (;;) {
				if (/bench-svc-\d{3}/.test(terminal.capture())) break;
				if (performance.now() - start > 30_000) throw new Error(`no service name after 30 s:\n${terminal.capture()}`);
				await sleep(20);
			}
			firstScreens.push(performance.now() - start);
			log(`launch ${round}: first screen ${Math.round(firstScreens.at(-1) ?? 0)} ms`);
			if (round === options.launches) {
				await terminal.waitForText(new RegExp(`Services \\(${options.services}\\)`), 10_000);
				await sleep(3000);
				const pid = terminal.programPid();
				if (!pid) throw new Error('dockdeck is not running');
				const cpuStart = cpuSeconds(pid);
				const rss: number[] = [];
				for (let second = 0; second < options.idleS; second++) {
					await sleep(1000);
					rss.push(rssMiB(pid));
				}
				idle = {cpuPercent: ((cpuSeconds(pid) - cpuStart) / options.idleS) * 100, rssMiB: Math.max(...rss)};
			} else {
				terminal.sendKeys('q');
				await terminal.waitForExit(10_000);
			}
		} finally {
			terminal.kill();
		}
	}
	const result = {
		nodes: nodes.length,
		services: options.services,
		tasks: options.tasks,
		serviceLsMedianMs: Math.round(median(lsTimes)),
		firstScreenMedianMs: Math.round(median(firstScreens)),
		firstScreensMs: firstScreens.map(Math.round),
		idleCpuPercent: Math.round(idle.cpuPercent * 10) / 10,
		rssMaxMiB: Math.round(idle.rssMiB * 10) / 10,
		loadavg: os.loadavg(),
	};
	process.stdout.write(
		`\nservices pane, ${result.nodes} nodes, ${result.services} services, ${result.tasks} tasks, 200x50\n` +
			`first screen        ${result.firstScreenMedianMs} ms (median of ${JSON.stringify(result.firstScreensMs)}); docker service ls ${result.serviceLsMedianMs} ms\n` +
			`idle CPU            ${result.idleCpuPercent} % of one core over ${options.idleS} s (target < ${target.cpuPercent}): ${result.idleCpuPercent < target.cpuPercent ? 'ok' : 'MISS'}\n` +
			`RSS                 ${result.rssMaxMiB} MiB max\n`,
	);
	const dir = path.join(root, 'bench', 'results');
	mkdirSync(dir, {recursive: true});
	const file = path.join(dir, `services-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
	writeFileSync(file, `${JSON.stringify({date: new Date().toISOString(), machine: {cpus: os.cpus().length, node: process.version}, terminal: {columns, rows}, options, target, result}, null, 2)}\n`);
	process.stdout.write(`results: ${path.relative(root, file)}\n`);
	await removeBenchServices().catch(() => undefined);
	if (!(result.idleCpuPercent < target.cpuPercent)) process.exitCode = 1;
}

main().catch((error: unknown) => {
	console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
});
