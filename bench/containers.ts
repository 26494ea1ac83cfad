/**
 * The containers pane under load, measured from outside, on a private engine.
 *
 *   node --import tsx bench/containers.ts [--n 10,100,500] [--idle 30] [--baseline 10] [--settle 2] [--launches 3]
 *
 * The engine is DOCKDECK_BENCH_HOST, else DOCKER_HOST (a unix:// socket of a
 * harness engine: bench/run.sh starts one in /tmp/dd-bench and stops it).
 * The engine's pidfiles are read from DOCKDECK_ENGINE_DIR (default
 * /tmp/dd-bench)/n1. Never point it at an engine you care about: it removes
 * every container labelled dockdeck.bench=1 and creates up to N of its own.
 *
 * For each N: N containers labelled dockdeck.bench=1 (70 % running and
 * printing a line a second, 20 % exited, 10 % created), then dockdeck in a
 * 200x50 tmux terminal:
 *   (a) first screen: from release of the program to the first capture of the
 *       pane that shows a container name (polled every 20 ms); dockdeck is
 *       launched --launches times (quit with q in between), median reported;
 *   (b) CPU % (utime+stime from /proc/PID/stat, of one core) and RSS (VmRSS)
 *       of the node process over the idle window on the containers pane;
 *   (c) connections to the engine socket held by the process (its socket fds
 *       whose peer is a server-side socket of the engine's path, from ss -x),
 *       sampled each second, max;
 *   (d) the engine's CPU (dockerd + containerd from their pidfiles) over the
 *       same window, and over a window before dockdeck started, for contrast;
 * and the wall time of `docker ps -a` on the same engine as a baseline. The
 * machine's own CPU use (/proc/stat) and load are recorded beside them: on a
 * small machine the 70 % running containers alone can keep it busy.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, readlinkSync, readdirSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {TmuxTerminal, requireTmux, sleep} from '../test/e2e/tmux-terminal.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'dockdeck.js');
const image = 'dockdeck/busybox:latest';
const benchLabel = 'dockdeck.bench';
const runningCmd = ['sh', '-c', 'trap "exit 0" TERM; while true; do echo tick; sleep 1; done'];
const exitedCmd = ['sh', '-c', 'echo done'];
const columns = 200;
const rows = 50;

/** The issue's figures for lazydocker at N = 500, and dockdeck's targets. */
const lazydocker = {firstScreenMs: 510, cpuPercent: 21, rssMiB: 104, connections: 520, engineCpuPercent: 25};
const targets = {firstScreenMs: 510, cpuPercent: 4.2, rssMiB: 90, connections: 60};

// ---------------------------------------------------------------- arguments

function parseArgs(argv: readonly string[]) {
	const options = {ns: [10, 100, 500], idleS: 30, baselineS: 10, settleS: 2, launches: 3};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = argv[i + 1] ?? '';
		const number = Number(value);
		switch (flag) {
			case '--n':
				options.ns = value.split(',').map(Number);
				if (options.ns.some(n => !Number.isInteger(n) || n < 1 || n > 2000)) throw new Error(`--n: expected numbers 1..2000, got ${value}`);
				i++;
				break;
			case '--idle':
			case '--baseline':
			case '--settle':
				if (!Number.isFinite(number) || number < 0) throw new Error(`${flag}: expected seconds, got ${value}`);
				if (flag === '--idle') options.idleS = number;
				else if (flag === '--baseline') options.baselineS = number;
				else options.settleS = number;
				i++;
				break;
			case '--launches':
				if (!Number.isInteger(number) || number < 1) throw new Error(`--launches: expected a count, got ${value}`);
				options.launches = number;
				i++;
				break;
			default:
				throw new Error(`unknown argument ${flag} (usage: bench/containers.ts [--n 10,100,500] [--idle 30] [--baseline 10] [--settle 2] [--launches 3])`);
		}
	}
	return options;
}

// ---------------------------------------------------------------- engine API

const host = process.env['DOCKDECK_BENCH_HOST'] ?? process.env['DOCKER_HOST'] ?? '';
if (!host.startsWith('unix://')) {
	console.error('bench: set DOCKDECK_BENCH_HOST (or DOCKER_HOST) to the unix:// socket of a private harness engine; bench/run.sh starts one.');
	process.exit(2);
}
const socketPath = host.slice('unix://'.length);
const engineDir = process.env['DOCKDECK_ENGINE_DIR'] ?? '/tmp/dd-bench';
const agent = new http.Agent({keepAlive: true, maxSockets: 24});

function api<T = unknown>(method: string, url: string, body?: unknown): Promise<{status: number; body: T}> {
	return new Promise((resolve, reject) => {
		const payload = body === undefined ? undefined : JSON.stringify(body);
		const request = http.request(
			{socketPath, agent, method, path: url, headers: payload ? {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload)} : {}},
			response => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					const status = response.statusCode ?? 0;
					if (status >= 400) reject(new Error(`${method} ${url}: ${status} ${text.trim()}`));
					else resolve({status, body: (text && response.headers['content-type']?.includes('json') ? JSON.parse(text) : text) as T});
				});
				response.on('error', reject);
			},
		);
		request.on('error', reject);
		request.end(payload);
	});
}

/** Runs `task` over `items` with at most `limit` at once. */
async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const item = items[next++] as T;
			await task(item);
		}
	};
	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
}

interface ListedContainer {
	Id: string;
	Names: string[];
	State: string;
}

async function benchContainers(): Promise<ListedContainer[]> {
	const filters = encodeURIComponent(JSON.stringify({label: [`${benchLabel}=1`]}));
	return (await api<ListedContainer[]>('GET', `/containers/json?all=1&filters=${filters}`)).body;
}

async function removeBenchContainers(): Promise<number> {
	const existing = await benchContainers();
	await pool(existing, 8, async container => {
		await api('DELETE', `/containers/${container.Id}?force=1&v=1`).catch((error: Error) => {
			if (!/404|No such container|already in progress/.test(error.message)) throw error;
		});
	});
	return existing.length;
}

type Kind = 'running' | 'exited' | 'created';

/** 70 % running, 20 % exited, 10 % created, interleaved so every screenful mixes them. */
function kindOf(index: number): Kind {
	const slot = index % 10;
	return slot < 7 ? 'running' : slot < 9 ? 'exited' : 'created';
}

function benchName(index: number): string {
	return `bench-${String(index).padStart(4, '0')}`;
}

async function createContainers(n: number): Promise<Record<Kind, number>> {
	const indexes = Array.from({length: n}, (_, index) => index);
	const counts: Record<Kind, number> = {running: 0, exited: 0, created: 0};
	await pool(indexes, 16, async index => {
		const kind = kindOf(index);
		counts[kind]++;
		const created = await api<{Id: string}>('POST', `/containers/create?name=${benchName(index)}`, {
			Image: image,
			Cmd: kind === 'exited' ? exitedCmd : runningCmd,
			Labels: {[benchLabel]: '1', 'dockdeck.bench.kind': kind},
			// No network: the containers talk to nobody, and a veth per container would only slow setup down.
			HostConfig: {NetworkMode: 'none'},
			StopTimeout: 2,
		});
		if (kind !== 'created') await api('POST', `/containers/${created.body.Id}/start`);
	});
	// The "exited" ones run `echo` and end on their own: wait for them.
	const deadline = Date.now() + 60_000;
	for (;;) {
		const listed = await benchContainers();
		const states = {running: 0, exited: 0, created: 0} as Record<string, number>;
		for (const container of listed) states[container.State] = (states[container.State] ?? 0) + 1;
		if (states['running'] === counts.running && states['exited'] === counts.exited && states['created'] === counts.created) return counts;
		if (Date.now() > deadline) throw new Error(`containers did not settle: want ${JSON.stringify(counts)}, have ${JSON.stringify(states)}`);
		await sleep(200);
	}
}

// ---------------------------------------------------------------- /proc

const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim()) || 100;

/** utime + stime of a process, in seconds. */
function cpuSeconds(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// After "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12.
	return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

function rssMiB(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN);
	return kb / 1024;
}

/** The process's sockets connected to the engine socket. */
function engineConnections(pid: number): number {
	// A connection's server end lives in the client's network namespace and carries the
	// socket's path; its peer is the client's socket. So: peers of sockets named socketPath.
	const ss = spawnSync('ss', ['-xH'], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024});
	const peers = new Set<string>();
	for (const line of ss.stdout.split('\n')) {
		const fields = line.trim().split(/\s+/);
		if (fields[4] === socketPath && fields[7]) peers.add(fields[7]);
	}
	let count = 0;
	let fds: string[];
	try {
		fds = readdirSync(`/proc/${pid}/fd`);
	} catch {
		return 0;
	}
	for (const fd of fds) {
		try {
			const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
			if (inode && peers.has(inode)) count++;
		} catch {
			// closed meanwhile
		}
	}
	return count;
}

/** Busy and total jiffies of the whole machine, from the first line of /proc/stat. */
function machineJiffies(): {busy: number; total: number} {
	const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
	const total = fields.reduce((sum, value) => sum + value, 0);
	const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
	return {busy: total - idle, total};
}

/** % of all the machine's CPUs in use between two readings. */
function machineBusyPercent(from: {busy: number; total: number}, to: {busy: number; total: number}): number {
	return to.total > from.total ? ((to.busy - from.busy) / (to.total - from.total)) * 100 : Number.NaN;
}

function pidFromFile(file: string): number {
	const pid = Number(readFileSync(file, 'utf8').trim());
	if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no pid in ${file}`);
	return pid;
}

function enginePids(): {dockerd: number; containerd: number} {
	return {
		dockerd: pidFromFile(path.join(engineDir, 'n1', 'docker.pid')),
		containerd: pidFromFile(path.join(engineDir, 'n1', 'exec', 'containerd', 'containerd.pid')),
	};
}

function engineCpuSeconds(): number {
	const pids = enginePids();
	return cpuSeconds(pids.dockerd) + cpuSeconds(pids.containerd);
}

/** CPU % (of one core) of the engine, and % of the machine in use, over a window in which dockdeck does not run. */
async function engineCpuAlone(seconds: number): Promise<{engine: number; machine: number} | undefined> {
	if (seconds <= 0) return undefined;
	const start = performance.now();
	const cpu0 = engineCpuSeconds();
	const machine0 = machineJiffies();
	await sleep(seconds * 1000);
	return {engine: ((engineCpuSeconds() - cpu0) / ((performance.now() - start) / 1000)) * 100, machine: machineBusyPercent(machine0, machineJiffies())};
}

// ---------------------------------------------------------------- docker ps baseline

function dockerPsMs(): number[] {
	const env: NodeJS.ProcessEnv = {...process.env, DOCKER_CLI_HINTS: 'false'};
	delete env['DOCKER_HOST'];
	delete env['DOCKER_CONTEXT'];
	const times: number[] = [];
	for (let i = 0; i < 3; i++) {
		const start = performance.now();
		const result = spawnSync('docker', ['-H', host, 'ps', '-a'], {env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024});
		if (result.status !== 0) throw new Error(`docker ps -a failed: ${result.stderr}`);
		times.push(performance.now() - start);
	}
	return times;
}

// ---------------------------------------------------------------- one N

interface Result {
	n: number;
	states: Record<Kind, number>;
	setupMs: number;
	dockerPsMs: number[];
	dockerPsMedianMs: number;
	/** Every launch's figures; the fields below are their medians. */
	launches: {firstPaintMs: number; firstScreenMs: number; fullListMs: number | undefined; loadavg1: number}[];
	firstPaintMs: number;
	firstScreenMs: number;
	firstScreenMinMs: number;
	firstScreenMaxMs: number;
	fullListMs: number | undefined;
	startupCpuS: number;
	cpuPercent: number;
	rssMaxMiB: number;
	rssFinalMiB: number;
	connectionsMax: number;
	connectionsSamples: number[];
	engineCpuPercent: number;
	engineCpuBaselinePercent: number | undefined;
	machineBusyPercent: number;
	machineBusyBaselinePercent: number | undefined;
	loadavgAtIdleStart: number[];
	idleS: number;
	quitMs: number | undefined;
	exitStatus: number | undefined;
	screenTitle: string;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function measure(n: number, options: ReturnType<typeof parseArgs>): Promise<Result> {
	const setupStart = performance.now();
	const removed = await removeBenchContainers();
	const states = await createContainers(n);
	const setupMs = performance.now() - setupStart;
	log(`N=${n}: removed ${removed} old, created ${n} (${states.running} running, ${states.exited} exited, ${states.created} created) in ${(setupMs / 1000).toFixed(1)} s`);
	const names = new Set(Array.from({length: n}, (_, index) => benchName(index)));

	const psTimes = dockerPsMs();
	// Let the engine calm down after the creations, then take its CPU with nobody watching.
	await sleep(2000);
	const engineBaseline = await engineCpuAlone(options.baselineS);

	const launch = () =>
		TmuxTerminal.start({
			// The shim as a program, as a user runs it (its shebang sets the memory flags), Node 22 first on PATH.
			command: [bin, '-H', host],
			env: {DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined, NO_COLOR: undefined, PATH: `${path.dirname(process.execPath)}:${process.env['PATH'] ?? ''}`},
			cwd: root,
			columns,
			rows,
			gated: true,
		});

	const launches: Result['launches'] = [];
	for (let round = 1; ; round++) {
		const terminal = launch();
		try {
			const first = await firstScreen(terminal, n, names);
			launches.push({...first, loadavg1: os.loadavg()[0] ?? Number.NaN});
			log(`N=${n}: launch ${round}: first screen ${Math.round(first.firstScreenMs)} ms (first paint ${Math.round(first.firstPaintMs)} ms, "Containers (${n})" ${Math.round(first.fullListMs ?? Number.NaN)} ms), load ${os.loadavg()[0]?.toFixed(1)}`);
			if (round < options.launches) {
				terminal.sendKeys('q');
				await terminal.waitForExit(10_000);
				continue;
			}
			const idle = await idleWindow(terminal, n, options);
			const firstScreens = launches.map(each => each.firstScreenMs);
			return {
				n,
				states,
				setupMs,
				dockerPsMs: psTimes,
				dockerPsMedianMs: median(psTimes),
				launches,
				firstPaintMs: median(launches.map(each => each.firstPaintMs)),
				firstScreenMs: median(firstScreens),
				firstScreenMinMs: Math.min(...firstScreens),
				firstScreenMaxMs: Math.max(...firstScreens),
				fullListMs: median(launches.map(each => each.fullListMs ?? Number.NaN)),
				engineCpuBaselinePercent: engineBaseline?.engine,
				machineBusyBaselinePercent: engineBaseline?.machine,
				...idle,
			};
		} finally {
			terminal.kill();
		}
	}
}

/** Releases the program and polls the pane every 20 ms until a container name shows, then until the full count does. */
async function firstScreen(terminal: TmuxTerminal, n: number, names: ReadonlySet<string>): Promise<{firstPaintMs: number; firstScreenMs: number; fullListMs: number | undefined}> {
	await sleep(300);
	const start = performance.now();
	terminal.release();
	let firstPaintMs: number | undefined;
	let firstScreenMs: number | undefined;
	let fullListMs: number | undefined;
	const countPattern = new RegExp(`Containers \\(${n}\\)`);
	for (;;) {
		const elapsed = performance.now() - start;
		if (elapsed > 30_000) throw new Error(`no container name on screen after 30 s:\n${terminal.capture()}`);
		const exited = terminal.exitStatus();
		if (exited !== undefined) throw new Error(`dockdeck exited (status ${exited}) before showing a container; the screen:\n${terminal.capture()}`);
		const screen = terminal.capture();
		const at = performance.now() - start;
		if (firstPaintMs === undefined && screen.trim() !== '') firstPaintMs = at;
		if (firstScreenMs === undefined && screen.split('\n').some(line => names.has(line.split(' ')[0] ?? ''))) firstScreenMs = at;
		if (fullListMs === undefined && countPattern.test(screen)) fullListMs = at;
		if (firstScreenMs !== undefined && (fullListMs !== undefined || elapsed > 10_000)) return {firstPaintMs: firstPaintMs ?? firstScreenMs, firstScreenMs, fullListMs};
		await sleep(20);
	}
}

/** The idle window on the containers pane: CPU, RSS, connections, engine and machine CPU; then q. */
async function idleWindow(terminal: TmuxTerminal, n: number, options: ReturnType<typeof parseArgs>) {
	// Looked up after the first screen: scanning /proc while polling would slow the poll.
	const pid = terminal.programPid();
	if (!pid) throw new Error('could not find the dockdeck process');
	const startupCpuS = cpuSeconds(pid);
	await sleep(options.settleS * 1000);
	const screenTitle = terminal.lines().find(line => line.startsWith('Containers')) ?? '';
	const loadavgAtIdleStart = os.loadavg();
	const windowStart = performance.now();
	const cpu0 = cpuSeconds(pid);
	const engine0 = engineCpuSeconds();
	const machine0 = machineJiffies();
	const connections: number[] = [engineConnections(pid)];
	const rss: number[] = [rssMiB(pid)];
	for (let second = 1; second <= options.idleS; second++) {
		await sleep(Math.max(0, windowStart + second * 1000 - performance.now()));
		connections.push(engineConnections(pid));
		rss.push(rssMiB(pid));
	}
	const wallS = (performance.now() - windowStart) / 1000;
	const cpuPercent = ((cpuSeconds(pid) - cpu0) / wallS) * 100;
	const engineCpuPercent = ((engineCpuSeconds() - engine0) / wallS) * 100;
	const machineBusy = machineBusyPercent(machine0, machineJiffies());

	const quitStart = performance.now();
	terminal.sendKeys('q');
	let quitMs: number | undefined;
	let exitStatus: number | undefined;
	try {
		exitStatus = await terminal.waitForExit(5000);
		quitMs = performance.now() - quitStart;
	} catch {
		log(`N=${n}: dockdeck did not quit within 5 s of q`);
	}
	return {
		startupCpuS,
		cpuPercent,
		rssMaxMiB: Math.max(...rss),
		rssFinalMiB: rss.at(-1) ?? Number.NaN,
		connectionsMax: Math.max(...connections),
		connectionsSamples: connections,
		engineCpuPercent,
		machineBusyPercent: machineBusy,
		loadavgAtIdleStart,
		idleS: wallS,
		quitMs,
		exitStatus,
		screenTitle: screenTitle.trim(),
	};
}

// ---------------------------------------------------------------- report

function log(message: string): void {
	process.stderr.write(`bench: ${message}\n`);
}

function verdict(value: number | undefined, limit: number): string {
	if (value === undefined || Number.isNaN(value)) return '?';
	return value <= limit ? 'ok' : 'OVER';
}

function fmt(value: number | undefined, digits = 0): string {
	return value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits);
}

function table(result: Result): string {
	const rowsOut: string[][] = [
		['figure', 'dockdeck', 'target (N=500)', 'verdict', 'lazydocker (N=500)'],
		[`first screen, ms (median of ${result.launches.length})`, fmt(result.firstScreenMs), `<= ${targets.firstScreenMs}`, verdict(result.firstScreenMs, targets.firstScreenMs), `~${lazydocker.firstScreenMs}`],
		['  first screen min / max, ms', `${fmt(result.firstScreenMinMs)} / ${fmt(result.firstScreenMaxMs)}`, '', '', ''],
		['  first paint (header), ms', fmt(result.firstPaintMs), '', '', ''],
		[`  "Containers (${result.n})" shown, ms`, fmt(result.fullListMs), '', '', ''],
		['  CPU time used by then, s', fmt(result.startupCpuS, 2), '', '', ''],
		[`CPU idle ${fmt(result.idleS)} s, % of a core`, fmt(result.cpuPercent, 2), `<= ${targets.cpuPercent}`, verdict(result.cpuPercent, targets.cpuPercent), `${lazydocker.cpuPercent}`],
		['RSS max, MiB', fmt(result.rssMaxMiB, 1), `<= ${targets.rssMiB}`, verdict(result.rssMaxMiB, targets.rssMiB), `${lazydocker.rssMiB}`],
		['RSS final, MiB', fmt(result.rssFinalMiB, 1), `<= ${targets.rssMiB}`, verdict(result.rssFinalMiB, targets.rssMiB), ''],
		['engine connections, max', fmt(result.connectionsMax), `<= ${targets.connections}`, verdict(result.connectionsMax, targets.connections), `${lazydocker.connections}`],
		['engine CPU (dockerd+containerd), %', fmt(result.engineCpuPercent, 2), '', '', `${lazydocker.engineCpuPercent}`],
		['  engine CPU without dockdeck, %', fmt(result.engineCpuBaselinePercent, 2), '', '', ''],
		['machine busy (all CPUs), %', fmt(result.machineBusyPercent, 0), '', '', ''],
		['  machine busy without dockdeck, %', fmt(result.machineBusyBaselinePercent, 0), '', '', ''],
		['  load average at idle start', result.loadavgAtIdleStart.map(value => value.toFixed(1)).join(' '), '', '', ''],
		['docker ps -a, ms (median of 3)', fmt(result.dockerPsMedianMs), '', '', ''],
		['quit after q, ms / exit status', `${fmt(result.quitMs)} / ${result.exitStatus ?? '-'}`, '', '', ''],
	];
	const widths = rowsOut[0]?.map((_, column) => Math.max(...rowsOut.map(row => (row[column] ?? '').length))) ?? [];
	const lines = rowsOut.map(row => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  '));
	lines.splice(1, 0, widths.map(width => '-'.repeat(width)).join('  '));
	const header = `N = ${result.n} (${result.states.running} running, ${result.states.exited} exited, ${result.states.created} created; setup ${fmt(result.setupMs / 1000, 1)} s; pane title "${result.screenTitle}")`;
	return `${header}\n${lines.join('\n')}`;
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	requireTmux();
	try {
		readFileSync(path.join(root, 'dist', 'cli.js'));
	} catch {
		throw new Error('dockdeck is not built: run npm run build first');
	}
	const version = (await api<{Version: string; ApiVersion: string}>('GET', '/version')).body;
	enginePids();
	log(`engine ${version.Version} (API ${version.ApiVersion}) at ${host}; ${os.cpus().length} CPUs, load ${os.loadavg().map(v => v.toFixed(2)).join(' ')}`);
	const results: Result[] = [];
	const failures: {n: number; error: string}[] = [];
	try {
		for (const n of options.ns) {
			try {
				const result = await measure(n, options);
				results.push(result);
				// Print each size as soon as it is measured: a later size or the clean-up can still fail.
				process.stdout.write(`\n${table(result)}\n`);
			} catch (error) {
				// Keep the other sizes' figures: report this one as failed.
				const message = error instanceof Error ? error.message : String(error);
				log(`N=${n} FAILED: ${message}`);
				failures.push({n, error: message});
			}
		}
	} finally {
		// dockerd 20.10 was seen to stall on hundreds of parallel force-removals: bound the wait
		// (bench/run.sh takes the whole private engine down afterwards anyway).
		const removed = await Promise.race([removeBenchContainers().catch(() => 0), sleep(60_000).then(() => -1)]);
		log(removed === -1 ? 'clean-up still running after 60 s: left to harness down' : `removed ${removed} bench containers`);
		agent.destroy();
	}

	const note =
		'Baseline: lazydocker cannot be installed here (no package registry reachable from this machine carries it), so its column is the figures measured in the issue at N = 500, not a run on this machine. ' +
		'Targets are those of the issue for N = 500; smaller N are shown against the same limits. CPU % is of one core (top-style), RSS in MiB.';
	const failed = failures.map(each => `N = ${each.n}: FAILED: ${each.error}`).join('\n');
	process.stdout.write(`${failed ? `\n${failed}\n` : ''}\n${note}\n`);
	if (failures.length > 0) process.exitCode = 1;

	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const dir = path.join(root, 'bench', 'results');
	mkdirSync(dir, {recursive: true});
	const file = path.join(dir, `containers-${stamp}.json`);
	writeFileSync(
		file,
		`${JSON.stringify(
			{
				date: new Date().toISOString(),
				engine: {host, version: version.Version, apiVersion: version.ApiVersion},
				machine: {cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryMiB: Math.round(os.totalmem() / 2 ** 20), loadavgAtEnd: os.loadavg(), node: process.version},
				terminal: {columns, rows},
				options,
				targets,
				lazydocker: {...lazydocker, note: 'figures from the issue (N = 500); lazydocker is not installable here'},
				results,
				failures,
			},
			null,
			2,
		)}\n`,
	);
	process.stdout.write(`results: ${path.relative(root, file)}\n`);
}

main().catch((error: unknown) => {
	console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
	agent.destroy();
	process.exitCode = 1;
});
