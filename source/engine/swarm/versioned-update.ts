import {engineMessage} from '../connection.js';

/**
 * True for the engine's answer to an update that quoted a version index which
 * is no longer current ("rpc error: code = Unknown desc = update out of
 * sequence"): someone (or the orchestrator) changed the object in between.
 */
export function isOutOfSequence(error: unknown): boolean {
	return /update out of sequence/i.test(engineMessage(error));
}

/**
 * Runs `write` with a freshly read object. Swarm objects are updated with
 * optimistic locking: the request quotes the version it read. If that version
 * went stale in between, read again and retry exactly once; a second failure,
 * or any other error, rejects with the engine's own error (its message is
 * what the status line shows, via engineMessage).
 */
export async function updateWithFreshVersion<Current, Result>(read: () => Promise<Current>, write: (current: Current) => Promise<Result>): Promise<Result> {
	const current = await read();
	try {
		return await write(current);
	} catch (error) {
		if (!isOutOfSequence(error)) throw error;
	}
	return write(await read());
}
