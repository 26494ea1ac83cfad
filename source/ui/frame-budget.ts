/**
 * Ink caps the frame rate by holding a frame back until 1/maxFps after the
 * previous one. A log view on a busy container redraws ten times a second,
 * so a key pressed just after one of those frames waited up to 34 ms more.
 * A frame caused by a key is drawn at once instead, while the last second
 * holds fewer frames than the cap (else it waits, as before). Frames of a
 * stream keep Ink's spacing, so a log view redrawing ten times a second
 * leaves keys twenty frames a second. A soft cap: Ink's own spaced frames are
 * not checked against it, so keys held down while a stream redraws can take a
 * second a few frames over (the bench, a key every 1.5 s: at most 13).
 */
export class FrameBudget {
	/** When the last `perSecond` frames were drawn (ms), as a ring. */
	private readonly times: number[] = [];
	private next = 0;

	constructor(readonly perSecond: number) {}

	/** Notes a frame drawn at `now` (ms, performance.now()). */
	record(now: number): void {
		this.times[this.next] = now;
		this.next = (this.next + 1) % this.perSecond;
	}

	/** Whether the second before `now` holds fewer frames than the cap. */
	hasRoom(now: number): boolean {
		if (this.times.length < this.perSecond) return true;
		// The oldest of the last `perSecond` frames is the one the ring overwrites next.
		return now - (this.times[this.next] as number) >= 1000;
	}
}
