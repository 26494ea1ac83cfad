/**
 * Turns the bytes of GET /containers/{id}/logs into lines. Without a TTY the
 * engine multiplexes stdout and stderr in frames (8-byte header: stream type,
 * 3 zero bytes, big-endian payload size); with a TTY it sends the raw bytes
 * of the terminal. Guessing wrong is what garbles other tools' log panes, so
 * the caller says which it is (from the container's Config.Tty).
 */
export type LogStream = 'stdout' | 'stderr';

export interface RawLogLine {
	stream: LogStream;
	/** The line without its newline; may carry ANSI sequences. */
	text: string;
}

const frameHeaderSize = 8;

export class LogDemuxer {
	private pending: Buffer = Buffer.alloc(0);
	private readonly partial: Record<LogStream, string> = {stdout: '', stderr: ''};
	private readonly decoders = {stdout: new TextDecoder(), stderr: new TextDecoder()};

	constructor(
		private readonly tty: boolean,
		private readonly onLine: (line: RawLogLine) => void,
	) {}

	write(chunk: Buffer): void {
		if (this.tty) {
			this.text('stdout', chunk);
			return;
		}
		this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
		let offset = 0;
		while (this.pending.length - offset >= frameHeaderSize) {
			const type = this.pending[offset];
			const size = this.pending.readUInt32BE(offset + 4);
			if (this.pending.length - offset - frameHeaderSize < size) break;
			const payload = this.pending.subarray(offset + frameHeaderSize, offset + frameHeaderSize + size);
			// 0 is stdin (never in logs), 1 stdout, 2 stderr.
			this.text(type === 2 ? 'stderr' : 'stdout', payload);
			offset += frameHeaderSize + size;
		}
		this.pending = this.pending.subarray(offset);
	}

	/** Flushes a last line that had no newline. */
	end(): void {
		for (const stream of ['stdout', 'stderr'] as const) {
			const rest = this.partial[stream] + this.decoders[stream].decode();
			this.partial[stream] = '';
			if (rest) this.onLine({stream, text: rest.replace(/\r$/, '')});
		}
	}

	private text(stream: LogStream, bytes: Buffer): void {
		const text = this.partial[stream] + this.decoders[stream].decode(bytes, {stream: true});
		const lines = text.split('\n');
		this.partial[stream] = lines.pop() ?? '';
		for (const line of lines) this.onLine({stream, text: line.endsWith('\r') ? line.slice(0, -1) : line});
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
	// The engine's own form: 19 characters of date and time, '.', 9 digits, 'Z', ' '.
	if (line.length >= 31 && line.charCodeAt(19) === 46 /* . */ && line.charCodeAt(29) === 90 /* Z */ && line.charCodeAt(30) === 32 /* space */) {
		const seconds = line.slice(0, 19);
		if (seconds !== lastSeconds) {
			lastSeconds = seconds;
			lastSecondsEpoch = Date.parse(`${seconds}Z`);
		}
		const millis = (line.charCodeAt(20) - 48) * 100 + (line.charCodeAt(21) - 48) * 10 + (line.charCodeAt(22) - 48);
		if (Number.isFinite(lastSecondsEpoch) && millis >= 0 && millis < 1000) return {time: lastSecondsEpoch + millis, text: line.slice(31)};
	}
	const match = timestampPrefix.exec(line);
	if (!match) return {text: line};
	const [whole, seconds = '', fraction = '', zone = 'Z'] = match;
	const time = Date.parse(`${seconds}.${fraction.padEnd(3, '0').slice(0, 3)}${zone}`);
	return {time: Number.isFinite(time) ? time : undefined, text: line.slice(whole.length)};
}

let lastSeconds = '';
let lastSecondsEpoch = Number.NaN;
