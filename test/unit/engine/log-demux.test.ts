import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {LogDemuxer, type LogStream} from '../../../source/engine/log-demux.js';

/** One frame of the engine's multiplexed log stream. */
function frame(stream: LogStream, payload: string | Buffer): Buffer {
	const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
	const header = Buffer.alloc(8);
	header[0] = stream === 'stderr' ? 2 : 1;
	header.writeUInt32BE(body.length, 4);
	return Buffer.concat([header, body]);
}

function demux(chunks: readonly Buffer[], tty = false): string[] {
	const lines: string[] = [];
	const demuxer = new LogDemuxer(tty, (stream, text) => lines.push(`${stream}:${text}`));
	for (const chunk of chunks) demuxer.write(chunk);
	demuxer.end();
	return lines;
}

/** Cuts `bytes` every `size` bytes, as the socket may. */
function cut(bytes: Buffer, size: number): Buffer[] {
	const pieces: Buffer[] = [];
	for (let offset = 0; offset < bytes.length; offset += size) pieces.push(bytes.subarray(offset, offset + size));
	return pieces;
}

describe('LogDemuxer', () => {
	const stream = Buffer.concat([
		frame('stdout', 'one\n'),
		frame('stderr', 'err ünïcødé\n'),
		frame('stdout', 'two\r\n'),
		frame('stdout', 'three\nfour\n'),
		frame('stdout', 'half a '),
		frame('stderr', 'between\n'),
		frame('stdout', 'line\n'),
		frame('stdout', '\n'),
		frame('stdout', '日本'),
		frame('stdout', '語\n'),
		frame('stdout', 'no newline at the end'),
	]);
	const expected = [
		'stdout:one',
		'stderr:err ünïcødé',
		'stdout:two',
		'stdout:three',
		'stdout:four',
		'stderr:between',
		'stdout:half a line',
		'stdout:',
		'stdout:日本語',
		'stdout:no newline at the end',
	];

	it('splits frames into lines with their stream, whole or cut anywhere', () => {
		assert.deepEqual(demux([stream]), expected);
		for (const size of [1, 3, 7, 8, 9, 13]) assert.deepEqual(demux(cut(stream, size)), expected, `cut every ${size} bytes`);
	});

	it("reads the engine's timestamp from the bytes and leaves it out of the text", () => {
		const lines: string[] = [];
		const demuxer = new LogDemuxer(false, (stream, text, time) => lines.push(`${stream}:${time === undefined ? '-' : new Date(time).toISOString()}:${text}`));
		const stamped = Buffer.concat([
			frame('stdout', '2026-11-22T23:04:05.123456789Z hello\n'),
			frame('stderr', '2026-11-22T23:04:05.999000000Z same second\r\n'),
			frame('stdout', '2026-11-22T23:04:06.000000001Z next second\n'),
			frame('stdout', '2026-11-22T23:04:06+01:00 other form\n'),
		]);
		for (const chunk of cut(stamped, 5)) demuxer.write(chunk);
		demuxer.end();
		assert.deepEqual(lines, [
			'stdout:2026-11-22T23:04:05.123Z:hello',
			'stderr:2026-11-22T23:04:05.999Z:same second',
			'stdout:2026-11-22T23:04:06.000Z:next second',
			'stdout:-:2026-11-22T23:04:06+01:00 other form',
		]);
	});

	it('hands a whole stamped line on as bytes when asked, with the text it would have decoded', () => {
		const lines: string[] = [];
		const demuxer = new LogDemuxer(
			false,
			(stream, text, time) => lines.push(`text ${stream}:${time ?? '-'}:${text}`),
			(stream, bytes, start, end, time) => lines.push(`bytes ${stream}:${time}:${bytes.toString('utf8', start, end)}`),
		);
		const stamped = Buffer.concat([
			frame('stdout', '2026-11-22T23:04:05.123456789Z héllo\n'),
			frame('stderr', '2026-11-22T23:04:05.999000000Z carriage return\r\n'),
			frame('stdout', '2026-11-22T23:04:06.000000001Z \n'),
			frame('stdout', 'no stamp\n'),
		]);
		for (const chunk of cut(stamped, 7)) demuxer.write(chunk);
		demuxer.end();
		const at = (iso: string) => Date.parse(iso);
		assert.deepEqual(lines, [
			`bytes stdout:${at('2026-11-22T23:04:05.123Z')}:héllo`,
			`bytes stderr:${at('2026-11-22T23:04:05.999Z')}:carriage return`,
			`bytes stdout:${at('2026-11-22T23:04:06.000Z')}:`,
			'text stdout:-:no stamp',
		]);
	});

	it('keeps a character whose bytes arrive in two frames', () => {
		const euro = Buffer.from('€\n');
		assert.deepEqual(demux([frame('stdout', euro.subarray(0, 1)), frame('stdout', euro.subarray(1))]), ['stdout:€']);
	});

	it('reads a TTY container raw: no frames, one stream', () => {
		assert.deepEqual(demux(cut(Buffer.from('raw ☃ line\r\nnext\n'), 2), true), ['stdout:raw ☃ line', 'stdout:next']);
	});
});
