import assert from 'node:assert/strict';

/** Polls `condition` every 10 ms; fails with `what()` (the screen) after the timeout. */
export async function until(condition: () => boolean, what: () => string, timeoutMs = 2000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) assert.fail(`timed out waiting: ${what()}`);
		await new Promise(resolve => setTimeout(resolve, 10));
	}
}
