/**
 * Runs `refresh` for each watched kind at its interval: the safety net under
 * the event feed (default every 10 s), and the main source for kinds whose
 * changes the engine does not announce (Swarm task states on other nodes).
 * The store makes each refresh single-flight, so a slow engine never piles
 * calls up.
 */
export class Poller {
	private timer: ReturnType<typeof setInterval> | undefined;
	private readonly lastPolled = new Map<string, number>();

	constructor(
		private readonly intervalFor: (kind: string) => number,
		private readonly kinds: () => Iterable<string>,
		private readonly refresh: (kind: string) => void,
		private readonly tickMs = 1000,
		private readonly now: () => number = Date.now,
	) {}

	start(): void {
		this.stop();
		const started = this.now();
		this.timer = setInterval(() => {
			const now = this.now();
			for (const kind of this.kinds()) {
				if (now - (this.lastPolled.get(kind) ?? started) < this.intervalFor(kind)) continue;
				this.lastPolled.set(kind, now);
				this.refresh(kind);
			}
		}, this.tickMs);
		this.timer.unref?.();
	}

	stop(): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = undefined;
		this.lastPolled.clear();
	}
}
