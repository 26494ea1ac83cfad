/**
 * Turns the bytes of GET /containers/{id}/logs into lines. Without a TTY the
 * engine multiplexes stdout and stderr in frames (8-byte header: stream type,
 * 3 zero bytes, big-endian payload size); with a TTY it sends the raw bytes
 * of the terminal. Guessing wrong is what garbles other tools' log panes, so
 * the caller says which it is (from the container's Config.Tty).
 */
export type LogStream = 'stdout' | 'stderr';

/**
 * Receives each line without its newline (it may carry ANSI sequences). With
 * `time`, the engine's timestamp was read from the bytes and is not in `text`;
 * without, `text` is the line as sent (splitTimestamp reads a stamp in it).
 */
export type OnLogLine = (stream: LogStream, text: string, time?: number) => void;

/**
 * Receives a whole line left in the engine's bytes: `bytes[start, end)` is
 * its text (UTF-8), stamp, carriage return and newline cut off.
 */
export type OnLogLineBytes = (stream: LogStream, bytes: Buffer, start: number, end: number, time: number) => void;

const frameHeaderSize = 8;

export class LogDemuxer {
	private pending: Buffer = Buffer.alloc(0);
	private readonly partial: Record<LogStream, string> = {stdout: '', stderr: ''};
	private readonly decoders = {stdout: new TextDecoder(), stderr: new TextDecoder()};
	/** Whether the stream's last bytes ended a line: its decoder then holds nothing back. */
	private readonly atLineEnd: Record<LogStream, boolean> = {stdout: true, stderr: true};

	private readonly stamps = new StampReader();

	/** With `onLineBytes`, a line that is one whole stamped frame is handed on as bytes, not decoded. */
	constructor(
		private readonly tty: boolean,
		private readonly onLine: OnLogLine,
		private readonly onLineBytes?: OnLogLineBytes,
	) {}

	write(chunk: Buffer): void {
		if (this.tty) {
			this.text('stdout', chunk);
			return;
		}
		this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
		const pending = this.pending;
		let offset = 0;
		while (pending.length - offset >= frameHeaderSize) {
			const type = pending[offset];
			const size = pending.readUInt32BE(offset + 4);
			const start = offset + frameHeaderSize;
			const end = start + size;
			if (end > pending.length) break;
			// 0 is stdin (never in logs), 1 stdout, 2 stderr.
			const stream = type === 2 ? 'stderr' : 'stdout';
			// The engine sends one frame per line: decoded straight from the chunk
			// after its timestamp, a fast logger's 100,000 lines a second cost one
			// flat string each (no copy holding the stamp behind a slice).
			if (size > 0 && pending[end - 1] === 0x0a && this.partial[stream] === '' && this.atLineEnd[stream]) {
				const time = this.stamps.read(pending, start, end);
				if (time !== undefined && pending.indexOf(0x0a, start) === end - 1) {
					const textStart = start + engineStampLength;
					const textEnd = end - 2 >= textStart && pending[end - 2] === 0x0d ? end - 2 : end - 1;
					if (this.onLineBytes) this.onLineBytes(stream, pending, textStart, textEnd, time);
					else this.onLine(stream, pending.toString('utf8', textStart, textEnd), time);
				} else this.lines(stream, pending.toString('utf8', start, end - 1));
			} else this.text(stream, pending.subarray(start, end));
			offset = end;
		}
		this.pending = pending.subarray(offset);
	}

	/** Flushes a last line that had no newline. */
	end(): void {
		for (const stream of ['stdout', 'stderr'] as const) {
			const rest = this.partial[stream] + this.decoders[stream].decode();
			this.partial[stream] = '';
			if (rest) this.onLine(stream, rest.replace(/\r$/, ''));
		}
	}

	private text(stream: LogStream, bytes: Buffer): void {
		const text = this.partial[stream] + this.decoders[stream].decode(bytes, {stream: true});
		this.atLineEnd[stream] = bytes.length > 0 ? bytes[bytes.length - 1] === 0x0a : this.atLineEnd[stream];
		const end = text.lastIndexOf('\n');
		this.partial[stream] = text.slice(end + 1);
		if (end >= 0) this.lines(stream, text.slice(0, end));
	}

	/** Complete lines (newlines between them, none after the last). */
	private lines(stream: LogStream, text: string): void {
		if (!text.includes('\n')) {
			this.onLine(stream, trimCarriageReturn(text));
			return;
		}
		for (const line of text.split('\n')) this.onLine(stream, trimCarriageReturn(line));
	}
}

function trimCarriageReturn(line: string): string {
	return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Reads the engine's stamp ("2026-11-22T23:04:05.123456789Z ") from bytes, remembering the last second's epoch. */
class StampReader {
	private readonly seconds = Buffer.alloc(19);
	private secondsEpoch = Number.NaN;

	/** Whether the stamp at `start` is in the second read last (compared from its end, where seconds differ): a loop, not Buffer.compare, whose call costs more than 19 bytes. */
	private sameSecond(bytes: Buffer, start: number): boolean {
		for (let index = 18; index >= 0; index--) if (bytes[start + index] !== this.seconds[index]) return false;
		return true;
	}

	/** Epoch ms of a stamp in the engine's own form at `start`, else undefined. */
	read(bytes: Buffer, start: number, end: number): number | undefined {
		if (end - start < engineStampLength || bytes[start + 19] !== 0x2e /* . */ || bytes[start + 29] !== 0x5a /* Z */ || bytes[start + 30] !== 0x20 /* space */) return undefined;
		if (!this.sameSecond(bytes, start)) {
			bytes.copy(this.seconds, 0, start, start + 19);
			this.secondsEpoch = Date.parse(`${this.seconds.toString('latin1')}Z`);
		}
		const millis = ((bytes[start + 20] ?? 0) - 48) * 100 + ((bytes[start + 21] ?? 0) - 48) * 10 + ((bytes[start + 22] ?? 0) - 48);
		return Number.isFinite(this.secondsEpoch) && millis >= 0 && millis < 1000 ? this.secondsEpoch + millis : undefined;
	}
}

/** Docker's timestamp prefix: RFC 3339 with nanoseconds, then one space. */
const timestampPrefix = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d) /;

/**
 * Splits "2026-11-22T23:04:05.123456789Z text" into epoch ms and text. A fast
 * logger sends ~100,000 lines a second, nearly all within the same second as
 * the line before: the epoch of "YYYY-MM-DDTHH:MM:SS" is remembered, so the
 * common case is a prefix compare and three digits, not a regex and Date.parse.
 */
export function splitTimestamp(line: string): {time?: number; text: string} {
	const time = engineStampTime(line);
	if (time !== undefined) return {time, text: line.slice(engineStampLength)};
	const match = timestampPrefix.exec(line);
	if (!match) return {text: line};
	const [whole, seconds = '', fraction = '', zone = 'Z'] = match;
	const parsed = Date.parse(`${seconds}.${fraction.padEnd(3, '0').slice(0, 3)}${zone}`);
	return {time: Number.isFinite(parsed) ? parsed : undefined, text: line.slice(whole.length)};
}

/** "2026-11-22T23:04:05.123456789Z ": the engine's own form, 19 characters of date and time, '.', 9 digits, 'Z', ' '. */
const engineStampLength = 31;

/** Epoch ms of a line in the engine's own stamp form, else undefined (then splitTimestamp's general path). */
function engineStampTime(line: string): number | undefined {
	if (line.length < engineStampLength || line.charCodeAt(19) !== 46 /* . */ || line.charCodeAt(29) !== 90 /* Z */ || line.charCodeAt(30) !== 32 /* space */) return undefined;
	const seconds = line.slice(0, 19);
	if (seconds !== lastSeconds) {
		lastSeconds = seconds;
		lastSecondsEpoch = Date.parse(`${seconds}Z`);
	}
	const millis = (line.charCodeAt(20) - 48) * 100 + (line.charCodeAt(21) - 48) * 10 + (line.charCodeAt(22) - 48);
	return Number.isFinite(lastSecondsEpoch) && millis >= 0 && millis < 1000 ? lastSecondsEpoch + millis : undefined;
}

let lastSeconds = '';
let lastSecondsEpoch = Number.NaN;
