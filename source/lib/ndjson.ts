/**
 * Splits a byte stream of newline-delimited JSON (the engine's events and
 * progress streams) into parsed values. A partial line waits for its end; a
 * line that is not JSON is reported, not thrown, so one bad line never kills a
 * stream.
 */
export class NdjsonSplitter {
	private pending = '';
	private readonly decoder = new TextDecoder();

	constructor(
		private readonly onValue: (value: unknown) => void,
		private readonly onBadLine: (line: string) => void = () => {},
	) {}

	write(chunk: Uint8Array | string): void {
		this.pending += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, {stream: true});
		let newline = this.pending.indexOf('\n');
		while (newline !== -1) {
			const line = this.pending.slice(0, newline).trim();
			this.pending = this.pending.slice(newline + 1);
			if (line) this.parse(line);
			newline = this.pending.indexOf('\n');
		}
	}

	end(): void {
		const line = this.pending.trim();
		this.pending = '';
		if (line) this.parse(line);
	}

	private parse(line: string): void {
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch {
			this.onBadLine(line);
			return;
		}
		this.onValue(value);
	}
}
