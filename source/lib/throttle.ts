/**
 * Leading + trailing throttle: the first call runs at once, calls during the
 * wait collapse into one trailing run. Used to cap re-lists per kind and store
 * notifications per second.
 */
export interface Throttled {
	(): void;
	cancel(): void;
	/** Runs a pending trailing call now, if any. */
	flush(): void;
}

export function throttle(run: () => void, waitMs: number, now: () => number = Date.now): Throttled {
	let last = -Infinity;
	let timer: ReturnType<typeof setTimeout> | undefined;

	const fire = () => {
		timer = undefined;
		last = now();
		run();
	};

	const throttled = (() => {
		if (timer) return;
		const elapsed = now() - last;
		if (elapsed >= waitMs) {
			fire();
		} else {
			timer = setTimeout(fire, waitMs - elapsed);
		}
	}) as Throttled;

	throttled.cancel = () => {
		if (timer) clearTimeout(timer);
		timer = undefined;
	};
	throttled.flush = () => {
		if (!timer) return;
		clearTimeout(timer);
		fire();
	};
	return throttled;
}

/** Trailing debounce: runs once `waitMs` after the last call. */
export function debounce<A extends unknown[]>(run: (...args: A) => void, waitMs: number): ((...args: A) => void) & {cancel(): void} {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const debounced = (...args: A) => {
		if (timer) clearTimeout(timer);
		timer = setTimeout(() => {
			timer = undefined;
			run(...args);
		}, waitMs);
	};
	debounced.cancel = () => {
		if (timer) clearTimeout(timer);
		timer = undefined;
	};
	return debounced;
}
