import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {sanitizeAnsi, stripAnsi} from '../../../source/lib/ansi.js';
import {Backoff} from '../../../source/lib/backoff.js';
import {formatBytes, formatDuration, formatPercent, shortId} from '../../../source/lib/format.js';
import {NdjsonSplitter} from '../../../source/lib/ndjson.js';
import {RingBuffer} from '../../../source/lib/ring-buffer.js';
import {parseTextFilter} from '../../../source/lib/text-filter.js';
import {cutToWidth, displayWidth, fitToWidth} from '../../../source/lib/text-width.js';
import {throttle} from '../../../source/lib/throttle.js';

describe('RingBuffer', () => {
	it('keeps the newest items up to its capacity', () => {
		const buffer = new RingBuffer<number>(3);
		for (let index = 1; index <= 5; index++) buffer.push(index);
		assert.deepEqual(buffer.toArray(), [3, 4, 5]);
		assert.equal(buffer.size, 3);
		assert.equal(buffer.totalPushed, 5);
		assert.equal(buffer.at(0), 3);
		assert.equal(buffer.at(3), undefined);
		assert.deepEqual(buffer.slice(1, 2), [4]);
	});
	it('refuses a capacity that is not a positive integer', () => {
		assert.throws(() => new RingBuffer(0), /positive integer/);
	});
});

describe('Backoff', () => {
	it('doubles up to the cap and resets', () => {
		const backoff = new Backoff({initialMs: 100, maxMs: 500});
		assert.deepEqual([backoff.next(), backoff.next(), backoff.next(), backoff.next()], [100, 200, 400, 500]);
		backoff.reset();
		assert.equal(backoff.next(), 100);
	});
	it('jitters within ±20 %', () => {
		const backoff = new Backoff({initialMs: 1000, random: () => 0});
		assert.equal(backoff.next(), 800);
	});
});

describe('throttle', () => {
	it('runs the first call at once and collapses the rest into one trailing call', async () => {
		let runs = 0;
		const throttled = throttle(() => runs++, 30);
		throttled();
		throttled();
		throttled();
		assert.equal(runs, 1);
		await new Promise(resolve => setTimeout(resolve, 60));
		assert.equal(runs, 2);
		throttled.cancel();
	});
});

describe('NdjsonSplitter', () => {
	it('joins lines split across chunks and reports bad lines', () => {
		const values: unknown[] = [];
		const bad: string[] = [];
		const splitter = new NdjsonSplitter(value => values.push(value), line => bad.push(line));
		splitter.write('{"a":1}\n{"b":');
		splitter.write(Buffer.from('2}\nnot json\n'));
		splitter.write('{"c":3}');
		splitter.end();
		assert.deepEqual(values, [{a: 1}, {b: 2}, {c: 3}]);
		assert.deepEqual(bad, ['not json']);
	});
});

describe('format', () => {
	it('formats bytes in binary units like docker stats', () => {
		assert.equal(formatBytes(512), '512B');
		assert.equal(formatBytes(1536), '1.50KiB');
		assert.equal(formatBytes(15 * 1024 * 1024), '15.0MiB');
		assert.equal(formatBytes(undefined), '-');
	});
	it('formats percents and durations', () => {
		assert.equal(formatPercent(12.345), '12.3%');
		assert.equal(formatPercent(undefined), '-');
		assert.equal(formatDuration(59_000), '59s');
		assert.equal(formatDuration(3 * 3600_000), '3h');
		assert.equal(formatDuration(3 * 86_400_000), '3d');
	});
	it('shortens ids', () => {
		assert.equal(shortId('sha256:0123456789abcdef'), '0123456789ab');
	});
});

describe('parseTextFilter', () => {
	it('matches substrings case-insensitively', () => {
		const filter = parseTextFilter('WEB');
		assert.ok(filter.ok);
		assert.equal(filter.matches('shop-web-1'), true);
		assert.equal(filter.matches('db'), false);
	});
	it('matches /regex/ and inverts with !', () => {
		const regex = parseTextFilter('/^shop-(web|db)/');
		assert.ok(regex.ok);
		assert.equal(regex.matches('shop-db-1'), true);
		assert.equal(regex.matches('my-shop-db'), false);
		const inverted = parseTextFilter('!/^shop/');
		assert.ok(inverted.ok);
		assert.equal(inverted.matches('shop-db-1'), false);
		assert.equal(inverted.matches('sick'), true);
		const plainInverted = parseTextFilter('!web');
		assert.ok(plainInverted.ok);
		assert.equal(plainInverted.matches('web'), false);
	});
	it('reports an invalid regex with a clear message', () => {
		const filter = parseTextFilter('/(unclosed/');
		assert.equal(filter.ok, false);
		assert.match(filter.ok ? '' : filter.error, /invalid regular expression \/\(unclosed\//);
	});
});

describe('fitToWidth', () => {
	it('pads and cuts on cell width, never splitting a wide character', () => {
		assert.equal(fitToWidth('abc', 5), 'abc  ');
		assert.equal(fitToWidth('abc', 5, 'right'), '  abc');
		assert.equal(fitToWidth('abcdef', 4), 'abc…');
		assert.equal(fitToWidth('日本語テキスト', 6), '日本… ');
		assert.equal(displayWidth(fitToWidth('日本語テキスト', 6)), 6);
		assert.equal(fitToWidth('x', 0), '');
	});
});

describe('sanitizeAnsi', () => {
	it('keeps colours and removes every other escape and control, whole', () => {
		const red = '\u001B[31mred\u001B[0m';
		assert.equal(sanitizeAnsi(`${red} \u001B[2J\u001B[Hcleared`), `${red} cleared`);
		assert.equal(sanitizeAnsi('a\u001Bcb'), 'ab', 'ESC c (terminal reset)');
		assert.equal(sanitizeAnsi('a\u001B7b\u001B8c'), 'abc', 'cursor save and restore');
		assert.equal(sanitizeAnsi('a\u001B(0lqk\u001B(B'), 'alqk', 'line-drawing character set');
		assert.equal(sanitizeAnsi('a\u001B#8b'), 'ab', 'screen alignment test');
		assert.equal(sanitizeAnsi('title\u001B]0;pwned\u0007 bell\u0007 cr\r end\u001B'), 'title bell cr end', 'OSC, BEL, CR and a lone ESC');
		assert.equal(stripAnsi(sanitizeAnsi(`${red}\ttab`)), 'red tab');
	});
});

describe('cutToWidth', () => {
	const red = (text: string) => `\u001B[31m${text}\u001B[39m`;
	it('leaves a text that fits as it is', () => {
		assert.equal(cutToWidth('abc', 3), 'abc');
		assert.equal(cutToWidth(red('abc'), 3), red('abc'));
		assert.equal(cutToWidth('日本', 4), '日本');
	});
	it('cuts to the width with an ellipsis, as a one-line truncate-end does', () => {
		assert.equal(cutToWidth('abcdef', 4), 'abc…');
		assert.equal(cutToWidth('日本語テキスト', 6), '日本…');
		assert.equal(cutToWidth('x', 0), '');
	});
	it('keeps colour sequences whole and ends a cut styled text with a reset', () => {
		const cut = cutToWidth(`${red('error')}: disk full`, 8);
		assert.equal(cut, `${red('error')}: \u001B[0m…`);
		assert.equal(displayWidth(cut), 8);
		assert.equal(cutToWidth(`ab${red('cdef')}`, 4), 'ab\u001B[31mc\u001B[0m…');
	});
	it('never gives more cells than asked, whatever the characters', () => {
		// A colour between a heart and its emoji selector: measured apart, the pieces are narrower than the whole.
		for (const text of ['a日b本c語d', '👍🏽👍🏽👍🏽', `${red('日本')}語テ`, 'e\u0301e\u0301e\u0301e\u0301', `${red('❤')}\uFE0F${'x'.repeat(20)}`])
			for (let width = 1; width <= 8; width++) assert.ok(displayWidth(cutToWidth(text, width)) <= width, `${text} at ${width}`);
	});
});

describe('mergeByTime', () => {
	it('orders lines of several sources by time, stable for equal times', async () => {
		const {mergeByTime} = await import('../../../source/store/log-session.js');
		const line = (text: string, time: number) => ({stream: 'stdout' as const, text, time});
		const merged = mergeByTime([
			[line('a1', 1), line('a2', 3)],
			[line('b1', 2), line('b2', 3)],
		]);
		assert.deepEqual(merged.map(each => each.text), ['a1', 'b1', 'a2', 'b2']);
	});
});

describe('sparkline', () => {
	it('scales values to eight bar heights and pads to the width', async () => {
		const {ratesPerSecond, sparkline} = await import('../../../source/lib/sparkline.js');
		assert.equal(sparkline([0, 50, 100], 5), '  ▁▅█');
		assert.equal(sparkline([1, 2, 3, 4], 2), '▆█');
		assert.equal(sparkline([undefined, 0], 2, 10), ' ▁');
		assert.deepEqual(ratesPerSecond([{at: 0, value: 0}, {at: 2000, value: 1000}, {at: 4000, value: 1000}]), [500, 0]);
	});
});
