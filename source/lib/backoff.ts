/**
 * Exponential backoff with a cap, for reconnecting to an engine that went away.
 * Jitter is optional so tests can be exact.
 */
export interface BackoffOptions {
	/** First delay, in ms. Default 500. */
	initialMs?: number;
	/** Largest delay, in ms. Default 10 000. */
	maxMs?: number;
	/** Multiplier per failure. Default 2. */
	factor?: number;
	/** Random source in [0,1) for ±20 % jitter; omit for none. */
	random?: () => number;
}

export class Backoff {
	private failures = 0;
	private readonly initialMs: number;
	private readonly maxMs: number;
	private readonly factor: number;
	private readonly random: (() => number) | undefined;

	constructor(options: BackoffOptions = {}) {
		this.initialMs = options.initialMs ?? 500;
		this.maxMs = options.maxMs ?? 10_000;
		this.factor = options.factor ?? 2;
		this.random = options.random;
	}

	/** Delay before the next attempt; each call counts one more failure. */
	next(): number {
		const base = Math.min(this.maxMs, this.initialMs * this.factor ** this.failures);
		this.failures++;
		if (!this.random) return base;
		const jitter = 0.8 + this.random() * 0.4;
		return Math.round(Math.min(this.maxMs, base * jitter));
	}

	reset(): void {
		this.failures = 0;
	}

	get attempts(): number {
		return this.failures;
	}
}
