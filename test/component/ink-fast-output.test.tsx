import './force-color.js';
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import chalk from 'chalk';
// Ink's own class, by file: the bundle splices fastOutput into its get(); here it runs unpatched, to compare against.
import Output from '../../node_modules/ink/build/output.js';
import {loadTheme} from '../../source/theme/load-theme.js';
import {fastOutput, type Operation} from '../../source/ui/ink-fast-output.js';
import {logRowsText} from '../../source/ui/views/log-line.js';
import {recordedEngine} from './recorded-engine.js';
import {mountApp, typeKeys, unmountApps} from './mount-app.js';
import {until} from './until.js';

interface OutputInternals {
	operations: Operation[];
	width: number;
	height: number;
	caches: {getStringWidth(text: string): number};
}

/** Ink's own composer, kept before the test below wraps it. */
const inkGet = Output.prototype.get;

/** A frame as cells: Ink's own composer re-encodes both outputs, so equal cells give equal strings. */
function cells(frame: string, width: number): string {
	return frame
		.split('\n')
		.map(line => {
			const output = new Output({width, height: 1});
			output.write(0, 0, line, {transformers: []});
			return inkGet.call(output).output;
		})
		.join('\n');
}

function slowAndFast(width: number, height: number, build: (output: Output) => void) {
	const output = new Output({width, height});
	build(output);
	const internals = output as unknown as OutputInternals;
	const fast = fastOutput(internals.operations, width, height, text => internals.caches.getStringWidth(text));
	return {slow: inkGet.call(output).output, fast: fast?.output};
}

const red = chalk.red;
const plain = {transformers: []};

describe('ink fast output: the same frame as Ink, or none', () => {
	it('puts styled texts side by side with the gaps Ink leaves', () => {
		const {slow, fast} = slowAndFast(40, 3, output => {
			output.write(0, 0, chalk.cyan('dockdeck'), plain);
			output.write(12, 0, chalk.bold.underline('1:Containers'), plain);
			output.write(2, 2, 'row    ', plain);
		});
		assert.ok(fast !== undefined);
		assert.equal(cells(fast, 40), cells(slow, 40));
	});

	it('ends a text whose colour is left open where the text ends', () => {
		const {slow, fast} = slowAndFast(30, 1, output => {
			output.write(0, 0, '\u001B[31mopen', plain);
			output.write(10, 0, 'after', plain);
		});
		assert.ok(fast !== undefined);
		assert.equal(cells(fast, 30), cells(slow, 30));
		assert.ok(fast.endsWith('after'), 'the second text is drawn without the first one\'s colour');
	});

	it('measures wide characters as two cells', () => {
		const {slow, fast} = slowAndFast(20, 1, output => {
			output.write(0, 0, '日本', plain);
			output.write(6, 0, red('x'), plain);
		});
		assert.ok(fast !== undefined);
		assert.equal(cells(fast, 20), cells(slow, 20));
	});

	it('applies the transformers Ink gives a text (its colour props)', () => {
		const {slow, fast} = slowAndFast(20, 1, output => {
			output.write(1, 0, 'green', {transformers: [line => chalk.green(line)]});
		});
		assert.ok(fast !== undefined);
		assert.equal(cells(fast, 20), cells(slow, 20));
	});

	it('drops texts a clip hides whole, as Ink does', () => {
		const {slow, fast} = slowAndFast(20, 4, output => {
			output.clip({x1: 0, x2: 20, y1: 0, y2: 2});
			output.write(0, 1, 'shown', plain);
			output.write(0, 3, 'below the clip', plain);
			output.unclip();
		});
		assert.ok(fast !== undefined);
		assert.equal(cells(fast, 20), cells(slow, 20));
		assert.ok(!fast.includes('below'));
	});

	it('draws a text of several lines row by row, each line transformed with its index, cut by a clip', () => {
		const {slow, fast} = slowAndFast(30, 4, output => {
			output.write(0, 0, 'head', plain);
			output.clip({x1: 0, x2: 30, y1: 1, y2: 3});
			output.write(1, 1, `plain\n${red('red')} after\u001B[0m\nthird, clipped away`, {transformers: [(line, index) => `${index}${line}`]});
			output.unclip();
			output.write(0, 3, 'foot', plain);
		});
		assert.ok(fast !== undefined);
		assert.equal(cells(fast, 30), cells(slow, 30));
		assert.match(fast, /^head\n 0plain\n 1.*red.* after/);
		assert.ok(!fast.includes('third'));
	});

	it('draws the log body (one text of rows cut to the width) as Ink does', () => {
		const at = Date.UTC(2026, 0, 1);
		const lines = [
			{stream: 'stdout' as const, time: at, text: '\u001B[32mgreen\u001B[0m plain \u001B[1;31mbold red left open'},
			{stream: 'stderr' as const, time: at, text: 'err: disk full'},
			{stream: 'stdout' as const, time: at, text: `wide 日本語テキスト ${'and a long tail '.repeat(5)}`},
			{stream: 'stdout' as const, time: at, text: 'tab\there, bell\u0007 and cr\r gone'},
			{stream: 'stdout' as const, time: at, text: '', source: 'web-1'},
		];
		for (const [timestamps, highlight] of [[false, undefined], [true, /re/g]] as const) {
			const body = logRowsText(loadTheme('dark'), lines.map((line, index) => ({line, selected: index === 2})), {timestamps, highlight}, 40);
			const {slow, fast} = slowAndFast(40, 7, output => {
				output.write(0, 0, 'title', plain);
				output.clip({x1: 0, x2: 40, y1: 1, y2: 6});
				output.write(0, 1, body, plain);
				output.unclip();
				output.write(0, 6, 'status', plain);
			});
			assert.ok(fast !== undefined, 'the fast path draws it');
			assert.equal(cells(fast, 40), cells(slow, 40));
		}
	});

	it("leaves to Ink what it cannot compose exactly: styles open across a line break, partial clips, overlaps, zero-width characters", () => {
		const cases: ((output: Output) => void)[] = [
			// Ink carries the open colour on to "lines".
			output => output.write(0, 0, '\u001B[31mtwo\nlines', plain),
			output => {
				output.clip({x1: 0, x2: 3, y1: 0, y2: 1});
				output.write(0, 0, 'cut here', plain);
				output.unclip();
			},
			output => {
				output.write(0, 0, 'first', plain);
				output.write(3, 0, 'over', plain);
			},
			output => output.write(0, 0, 'zero\u200Bwidth', plain),
			output => output.write(18, 0, 'off the edge', plain),
		];
		for (const build of cases) assert.equal(slowAndFast(20, 1, build).fast, undefined);
	});
});

describe('ink fast output on every frame of real screens (recorded engine JSON, dark theme)', () => {
	const compared = {fast: 0, ink: 0, mismatches: [] as string[]};

	before(() => {
		Output.prototype.get = function (this: Output) {
			const slow = inkGet.call(this);
			const internals = this as unknown as OutputInternals;
			const fast = fastOutput(internals.operations, internals.width, internals.height, text => internals.caches.getStringWidth(text));
			if (fast === undefined) compared.ink++;
			else {
				compared.fast++;
				if (cells(fast.output, internals.width) !== cells(slow.output, internals.width) || fast.height !== slow.height) compared.mismatches.push(`${slow.output}\n--- fast ---\n${fast.output}`);
			}
			return slow;
		};
	});

	after(() => {
		Output.prototype.get = inkGet;
	});

	it('matches Ink on the containers pane, inspect tabs, logs, help and the images pane', async t => {
		const {app, screen} = mountApp({connect: async () => recordedEngine().session, themeName: 'dark'});
		try {
			await until(() => screen().includes('shop-web-1'), screen);
			await typeKeys(app, 'j', 'j', ' ', 'i', '\t', '\t', '\t', '\u001B', 'l', '\u001B', '?', '\u001B', '/', 's', 'h', '\r', '\u001B', '2', '1');
		} finally {
			unmountApps();
		}
		t.diagnostic(`${compared.fast} frames composed by the fast path, ${compared.ink} left to Ink`);
		assert.deepEqual(compared.mismatches, []);
		assert.ok(compared.fast >= 10, `the fast path composed ${compared.fast} frames (Ink ${compared.ink})`);
		assert.ok(compared.fast > compared.ink * 3, `most frames take the fast path: ${compared.fast} fast, ${compared.ink} left to Ink`);
	});
});
