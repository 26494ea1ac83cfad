/**
 * Runs `refresh` for each kind at a slow fixed interval: the safety net under
 * the event feed, in case an event was missed. The store makes each refresh
 * single-flight, so a slow engine never piles calls up.
 */
export class Poller {
	private timer: ReturnType<typeof setInterval> | undefined;

	constructor(
		private readonly intervalMs: number,
		private readonly kinds: () => Iterable<string>,
		private readonly refresh: (kind: string) => void,
	) {}

	start(): void {
		this.stop();
		this.timer = setInterval(() => {
			for (const kind of this.kinds()) this.refresh(kind);
		}, this.intervalMs);
		this.timer.unref?.();
	}

	stop(): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = undefined;
	}
}
