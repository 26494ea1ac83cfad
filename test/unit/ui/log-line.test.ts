import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {displayWidth} from '../../../source/lib/text-width.js';
import {loadTheme} from '../../../source/theme/load-theme.js';
import {cutLong, logRowsText} from '../../../source/ui/views/log-line.js';

describe('cutLong', () => {
	it('leaves a line within the limit as it is', () => {
		assert.equal(cutLong('short', 10), 'short');
	});
	it('cuts a long line at the limit', () => {
		assert.equal(cutLong('x'.repeat(50), 10), 'x'.repeat(10));
	});
	it('never leaves half a colour sequence at the cut', () => {
		const line = `${'a'.repeat(8)}\u001B[31mred`;
		assert.equal(cutLong(line, 11), 'a'.repeat(8), 'ESC [ 3 without its m is dropped');
		assert.equal(cutLong(line, 13), `${'a'.repeat(8)}\u001B[31m`, 'a whole sequence is kept');
	});
});

describe('logRowsText', () => {
	const theme = loadTheme('dark');
	const line = (text: string, stream: 'stdout' | 'stderr' = 'stdout') => ({text, stream, time: Date.UTC(2026, 0, 1)});
	it('gives one row per line, each cut to the width', () => {
		const text = logRowsText(theme, [{line: line('short'), selected: false}, {line: line('x'.repeat(50)), selected: false}], {timestamps: false, highlight: undefined}, 20);
		const rows = text.split('\n');
		assert.equal(rows.length, 2);
		assert.equal(rows[0], ' short');
		assert.equal(rows[1], ` ${'x'.repeat(18)}…`);
	});
	it('ends every styled row with a reset, so no colour runs on into the next row', () => {
		// Magenta: a colour the theme's gutter and timestamp do not use, so only the log's own text brings it.
		const text = logRowsText(theme, [{line: line('\u001B[35mopen magenta', 'stderr'), selected: false}, {line: line('plain'), selected: true}], {timestamps: true, highlight: /plain/g}, 30);
		const rows = text.split('\n');
		assert.ok(rows[0]?.includes('\u001B[35m'), 'the log\'s own colour is kept');
		for (const row of rows) {
			assert.ok(row.endsWith('\u001B[0m') || !row.includes('\u001B'), JSON.stringify(row));
			assert.ok(displayWidth(row) <= 30);
		}
	});
});
