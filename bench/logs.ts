/**
 * The log viewer following a container that prints as fast as it can,
 * measured from outside, on a private engine.
 *
 *   node --import tsx bench/logs.ts [--follow 60] [--log-lines 10000] [--keys-every 1.5]
 *
 * The engine is DOCKDECK_BENCH_HOST, else DOCKER_HOST (a unix:// socket of a
 * harness engine: bench/run-logs.sh starts one in /tmp/dd-bench and stops it).
 *
 * A busybox container prints numbered lines from a shell loop as fast as it
 * can (about 200,000 a second here); dockdeck opens in a 200x50 tmux terminal, filters to it
 * and opens its logs (l), then follows for --follow seconds while:
 *   (a) keypress to screen: every --keys-every seconds `t` (timestamps on/off)
 *       is sent and the pane is captured each time tmux reads output from it
 *       until the newest line shows (or stops showing) its time; the delay is
 *       from the key to the last output tmux told of before answering that
 *       capture (never before the change); p50/p95/max of those delays.
 *       Keys and captures go through one tmux control-mode client
 *       (tmux-control.ts says why); --spawn starts a tmux process for each
 *       instead, capturing in a tight loop (the earlier method);
 *   (b) RSS (VmRSS) of the node process each second; the ring buffer is full
 *       once the header says "<--log-lines> lines held"; growth = the highest
 *       RSS after that minus the RSS at that moment;
 *   (c) frames: Ink's synchronized-update markers (one per frame) in what
 *       dockdeck writes, counted in the output the control client is told of
 *       (with --spawn, tmux pipe-pane feeds it to frame-counter.mjs); the
 *       most frames in any one-second window is compared with the cap (30/s);
 *   (d) CPU % of the node process over the window, and the lines/s the engine
 *       logged (the container's own line numbers, from its last log line).
 */
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {TmuxTerminal, requireTmux, sleep, tmuxEnv} from '../test/e2e/tmux-terminal.js';
import {cpuSeconds, engineApi, log, rssMiB} from './bench-kit.js';
import {TmuxControl} from './tmux-control.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'dockdeck.js');
const columns = 200;
const rows = 50;
const frameCap = 30;
const targets = {keyP95Ms: 100, rssGrowthMiB: 30, framesPerSecond: frameCap};
const loggerName = 'dd-bench-fast-logger';

function parseArgs(argv: readonly string[]) {
	const options = {followS: 60, logLines: 10_000, keysEveryS: 1.5, quiet: false, spawn: false};
	for (let i = 0; i < argv.length; i += 2) {
		const flag = argv[i];
		if (flag === '--quiet' || flag === '--spawn') {
			// --quiet: calibration, the same measurement on a container printing 10 lines a second.
			// --spawn: keys and captures each through a new tmux process (the earlier method).
			if (flag === '--quiet') options.quiet = true;
			else options.spawn = true;
			i--;
			continue;
		}
		const value = Number(argv[i + 1]);
		if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag}: expected a positive number, got ${argv[i + 1]}`);
		if (flag === '--follow') options.followS = value;
		else if (flag === '--log-lines') options.logLines = Math.round(value);
		else if (flag === '--keys-every') options.keysEveryS = value;
		else throw new Error(`unknown argument ${flag} (usage: bench/logs.ts [--follow 60] [--log-lines 10000] [--keys-every 1.5] [--quiet] [--spawn])`);
	}
	return options;
}

const host = process.env['DOCKDECK_BENCH_HOST'] ?? process.env['DOCKER_HOST'] ?? '';
if (!host.startsWith('unix://')) {
	console.error('bench: set DOCKDECK_BENCH_HOST (or DOCKER_HOST) to the unix:// socket of a private harness engine; bench/run-logs.sh starts one.');
	process.exit(2);
}
const socketPath = host.slice('unix://'.length);

const api = engineApi(socketPath);

async function startLogger(quiet: boolean): Promise<string> {
	await api('DELETE', `/containers/${loggerName}?force=true`, undefined, [404]);
	const created = await api<{Id: string}>('POST', `/containers/create?name=${loggerName}`, {
		Image: 'dockdeck/busybox:latest',
		// A busybox shell loop: about 200,000 numbered lines a second here, as fast as sh goes.
		Cmd: ['sh', '-c', `i=0; while :; do i=$((i+1)); echo "line $i fast logger line, as fast as the shell loop goes"; ${quiet ? 'sleep 0.1; ' : ''}done`],
		Labels: {'dockdeck.bench': '1'},
	});
	const id = created.Id;
	await api('POST', `/containers/${id}/start`);
	return id;
}

/** The container's own line number of its newest log line: what the engine logged so far. */
async function loggedLines(id: string): Promise<number> {
	const text = await api<string>('GET', `/containers/${id}/logs?stdout=1&tail=1`);
	return Number(/line (\d+) fast/.exec(text)?.[1] ?? Number.NaN);
}

function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** The newest log line on screen: the last body line above the status line. */
function newestLine(screen: string): string {
	const lines = screen.split('\n').filter(line => line.trim() !== '');
	return lines.at(-3) ?? '';
}

/** A log line with its time shown: the cursor gutter (a space or ›), then hh:mm:ss.mmm. */
const timestamped = /^[ ›]?\d\d:\d\d:\d\d\.\d{3} /;

/** How the bench presses keys and reads the screen during the follow. */
interface ScreenDriver {
	press(key: string): Promise<void>;
	capture(): Promise<string>;
	/** Runs `measure` with `changed(after)` resolving once the screen may differ from the capture made after `after` changes (or at the deadline). */
	watching<T>(measure: (changed: () => Promise<void>, mark: () => void) => Promise<T>): Promise<T>;
	/** When the output shown by the last capture reached the bench at the latest (performance.now()), if known. */
	shownBy(): number | undefined;
}

function screenDriver(terminal: TmuxTerminal, control: TmuxControl | undefined): ScreenDriver {
	if (!control) {
		// A tmux process per key and capture: capture again at once (the earlier method).
		return {press: async key => terminal.sendKeys(key), capture: async () => terminal.capture(), watching: measure => measure(async () => undefined, () => undefined), shownBy: () => undefined};
	}
	return {
		press: async key => {
			await control.command(`send-keys -t ${terminal.session} ${key}`);
		},
		capture: () => control.capture(terminal.session),
		shownBy: () => control.lastOutputAt,
		watching: async measure => {
			let seen = control.outputCount;
			return measure(
				() => control.outputAfter(seen, keyDeadlineMs),
				() => {
					seen = control.outputCount;
				},
			);
		},
	};
}

const keyDeadlineMs = 2000;

/**
 * Sends `t` and captures until the newest line's timestamp appears or
 * disappears: ms, or undefined after 2 s. With the control client a capture
 * is made each time tmux has read output from the pane since the last one
 * (what the terminal shows can only change then); a capture loop would take
 * CPU from dockdeck and tmux while they draw the very frame being timed.
 */
async function keyToScreen(screen: ScreenDriver, behind: number[]): Promise<number | undefined> {
	return screen.watching(async (changed, mark) => {
		mark();
		const before = timestamped.test(newestLine(await screen.capture()));
		mark();
		const start = performance.now();
		await screen.press('t');
		for (;;) {
			await changed();
			const elapsed = performance.now() - start;
			if (elapsed > keyDeadlineMs) return undefined;
			mark();
			const newest = newestLine(await screen.capture());
			if (timestamped.test(newest) !== before) {
				const lag = behindLive(newest);
				if (lag !== undefined) behind.push(lag);
				// The last output tmux told of before answering this capture: the change came in it or
				// before it, so this is never early (the wake-up may have been an earlier output).
				// A capture loop (--spawn) takes the start of the capture that saw the change.
				return (screen.shownBy() ?? start + elapsed) - start;
			}
		}
	});
}

/**
 * How far the view is behind the logger: now minus the engine time of the
 * newest line shown (drawn in local time, hh:mm:ss.mmm). A view that read
 * less than the logger writes would show a number that keeps growing.
 */
function behindLive(line: string): number | undefined {
	const match = /(\d\d):(\d\d):(\d\d)\.(\d{3}) /.exec(line);
	if (!match) return undefined;
	const [, hours, minutes, seconds, millis] = match.map(Number) as [number, number, number, number, number];
	const shown = new Date();
	shown.setHours(hours, minutes, seconds, millis);
	const lag = Date.now() - shown.getTime();
	return lag >= 0 && lag < 3_600_000 ? lag : undefined;
}

/** A frame is one synchronized update (ESC [ ? 2026 h), which Ink writes around each frame. */
const frameMarker = '\u001B[?2026h';

/** Frame times (epoch ms) from frame-counter.mjs's "<epoch ms> <count>" lines. */
function frameStampsFromFile(file: string): number[] {
	const stamps: number[] = [];
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		const [at, count] = line.split(' ').map(Number);
		if (at === undefined || count === undefined || !Number.isFinite(at)) continue;
		for (let index = 0; index < count; index++) stamps.push(at);
	}
	return stamps;
}

/** Counts frame markers in a control client's %output (escaped: ESC is \\033); a marker may straddle two outputs. */
function countFramesFrom(control: TmuxControl, stamps: number[]): void {
	const marker = frameMarker.replace('\u001B', '\\033');
	let carry = '';
	control.onOutput(escaped => {
		const text = carry + escaped;
		const frames = text.split(marker).length - 1;
		for (let index = 0; index < frames; index++) stamps.push(Date.now());
		carry = text.slice(-(marker.length - 1));
	});
}

/** Most frames in any one-second window between `from` and `to`. */
function maxFramesPerSecond(allStamps: readonly number[], from: number, to: number): {max: number; total: number} {
	const stamps = allStamps.filter(at => at >= from && at <= to).sort((a, b) => a - b);
	let max = 0;
	let start = 0;
	for (let end = 0; end < stamps.length; end++) {
		while ((stamps[end] as number) - (stamps[start] as number) >= 1000) start++;
		max = Math.max(max, end - start + 1);
	}
	return {max, total: stamps.length};
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	requireTmux();
	const loadBefore = os.loadavg()[0] ?? 0;
	const id = await startLogger(options.quiet);
	log(`${options.quiet ? 'quiet' : 'fast'} logger ${id.slice(0, 12)} started; following it for ${options.followS} s with --log-lines ${options.logLines}`);
	const terminal = TmuxTerminal.start({
		command: [bin, '-H', host, '--log-lines', String(options.logLines)],
		env: {DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined, NO_COLOR: undefined, PATH: `${path.dirname(process.execPath)}:${process.env['PATH'] ?? ''}`},
		cwd: root,
		columns,
		rows,
	});
	const framesFile = path.join(os.tmpdir(), `dd-bench-frames-${process.pid}.txt`);
	let control: TmuxControl | undefined;
	const frameStamps: number[] = [];
	try {
		// The control client counts frames in the output it is told of; with --spawn, a pipe to frame-counter.mjs does.
		if (options.spawn) terminal.tmux(['pipe-pane', '-o', '-t', terminal.session, `exec node ${JSON.stringify(path.join(root, 'bench', 'frame-counter.mjs'))} ${JSON.stringify(framesFile)}`]);
		else {
			control = TmuxControl.attach(terminal.socket, terminal.session, tmuxEnv(), {output: true});
			countFramesFrom(control, frameStamps);
		}
		await terminal.waitForText(new RegExp(loggerName), 15_000);
		terminal.type(`/${loggerName}`);
		terminal.sendKeys('Enter');
		await terminal.waitForText(/\(1 of \d+\)/);
		const pid = terminal.programPid();
		if (!pid) throw new Error('dockdeck is not running');
		terminal.sendKeys('l');
		await terminal.waitForText(/fast logger line/, 10_000);
		const screenDriven = screenDriver(terminal, control);
		const startedAt = Date.now();
		const linesAtStart = await loggedLines(id);
		const cpuAtStart = cpuSeconds(pid);
		const rss: {at: number; mib: number}[] = [];
		const delays: number[] = [];
		const behind: number[] = [];
		let missed = 0;
		let fullAt: {at: number; mib: number} | undefined;
		let nextKey = Date.now() + options.keysEveryS * 1000;
		let nextSample = Date.now();
		const held = new RegExp(`${options.logLines} lines held`);
		while (Date.now() - startedAt < options.followS * 1000) {
			if (Date.now() >= nextSample) {
				const sample = {at: Date.now() - startedAt, mib: rssMiB(pid)};
				rss.push(sample);
				if (!fullAt && held.test(await screenDriven.capture())) fullAt = sample;
				nextSample += 1000;
			}
			if (Date.now() >= nextKey) {
				const delay = await keyToScreen(screenDriven, behind);
				if (delay === undefined) missed++;
				else delays.push(delay);
				nextKey = Date.now() + options.keysEveryS * 1000;
			}
			await sleep(20);
		}
		const endedAt = Date.now();
		const cpuPercent = ((cpuSeconds(pid) - cpuAtStart) / ((endedAt - startedAt) / 1000)) * 100;
		const linesPerSecond = ((await loggedLines(id)) - linesAtStart) / ((endedAt - startedAt) / 1000);
		const screen = terminal.capture();
		if (options.spawn) {
			terminal.tmux(['pipe-pane', '-t', terminal.session]);
			await sleep(400);
			frameStamps.push(...frameStampsFromFile(framesFile));
			rmSync(framesFile, {force: true});
		}
		const frames = maxFramesPerSecond(frameStamps, startedAt, endedAt);
		const afterFull = fullAt ? rss.filter(sample => sample.at >= (fullAt as {at: number}).at) : [];
		const rssGrowth = fullAt ? Math.max(...afterFull.map(sample => sample.mib)) - fullAt.mib : Number.NaN;
		const result = {
			followS: options.followS,
			keysAndCaptures: options.spawn ? 'a tmux process each' : 'one tmux control-mode client',
			logLines: options.logLines,
			engineLinesPerSecond: Math.round(linesPerSecond),
			keypresses: delays.length,
			keypressesMissed: missed,
			keyP50Ms: Math.round(percentile(delays, 50)),
			keyP95Ms: Math.round(percentile(delays, 95)),
			keyMaxMs: Math.round(Math.max(...delays)),
			behindLiveP50Ms: Math.round(percentile(behind, 50)),
			behindLiveMaxMs: Math.round(Math.max(...behind)),
			behindLiveLastMs: Math.round(behind.at(-1) ?? Number.NaN),
			ringFullAfterS: fullAt ? fullAt.at / 1000 : undefined,
			rssAtFullMiB: fullAt ? Math.round(fullAt.mib * 10) / 10 : undefined,
			rssMaxMiB: Math.round(Math.max(...rss.map(sample => sample.mib)) * 10) / 10,
			rssEndMiB: Math.round((rss.at(-1)?.mib ?? Number.NaN) * 10) / 10,
			rssGrowthAfterFullMiB: Math.round(rssGrowth * 10) / 10,
			cpuPercent: Math.round(cpuPercent * 10) / 10,
			framesTotal: frames.total,
			framesPerSecondMax: frames.max,
			framesPerSecondAverage: Math.round((frames.total / ((endedAt - startedAt) / 1000)) * 10) / 10,
		};
		const verdicts = {
			keyP95: result.keyP95Ms < targets.keyP95Ms && missed === 0 ? 'ok' : 'MISS',
			rssGrowth: fullAt && result.rssGrowthAfterFullMiB < targets.rssGrowthMiB ? 'ok' : 'MISS',
			frames: result.framesPerSecondMax <= targets.framesPerSecond ? 'ok' : 'MISS',
		};
		process.stdout.write(
			[
				'',
				`${options.quiet ? 'quiet logger (calibration)' : 'fast logger'} followed ${options.followS} s (engine logged ${result.engineLinesPerSecond} lines/s), 200x50, --log-lines ${options.logLines}`,
				`keypress to screen   p50 ${result.keyP50Ms} ms  p95 ${result.keyP95Ms} ms  max ${result.keyMaxMs} ms  (${delays.length} presses, ${missed} not seen in 2 s; ${options.spawn ? 'a tmux process per key and capture' : 'one tmux control client'})   target p95 < ${targets.keyP95Ms} ms: ${verdicts.keyP95}`,
				`behind the logger    p50 ${result.behindLiveP50Ms} ms  max ${result.behindLiveMaxMs} ms  last ${result.behindLiveLastMs} ms (now minus the newest shown line's engine time, at each timestamps-on press)`,
				`RSS                  ${result.rssAtFullMiB ?? '?'} MiB when the ring was full (after ${result.ringFullAfterS ?? '?'} s), max ${result.rssMaxMiB}, end ${result.rssEndMiB}; growth ${result.rssGrowthAfterFullMiB} MiB   target < ${targets.rssGrowthMiB}: ${verdicts.rssGrowth}`,
				`frames               max ${result.framesPerSecondMax} in any second, average ${result.framesPerSecondAverage}/s   cap ${frameCap}/s: ${verdicts.frames}`,
				`CPU                  ${result.cpuPercent} % of one core; machine load ${loadBefore.toFixed(1)} before, ${(os.loadavg()[0] ?? 0).toFixed(1)} after (${os.cpus().length} CPUs: the logger's shell loop and the engine take most of them)`,
				'',
			].join('\n'),
		);
		if (!timestamped.test(newestLine(screen)) && !/fast logger line/.test(screen)) log(`the last screen did not show the logs:\n${screen}`);
		const dir = path.join(root, 'bench', 'results');
		mkdirSync(dir, {recursive: true});
		const file = path.join(dir, `logs-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
		writeFileSync(file, `${JSON.stringify({date: new Date().toISOString(), machine: {cpus: os.cpus().length, node: process.version}, terminal: {columns, rows}, targets, result, verdicts, keyDelaysMs: delays.map(Math.round), behindLiveMs: behind.map(Math.round), rss}, null, 2)}\n`);
		process.stdout.write(`results: ${path.relative(root, file)}\n`);
		if (Object.values(verdicts).includes('MISS')) process.exitCode = 1;
	} finally {
		control?.close();
		terminal.kill();
		await api('DELETE', `/containers/${loggerName}?force=true`, undefined, [404]).catch(() => undefined);
	}
}

main().catch((error: unknown) => {
	console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
});
