/** Task state rules shared by the engine mappers and the pure Swarm logic (no I/O here). */
import type {TaskState, TaskSummary} from './types.js';

/** States after which a task never runs again. */
export function isFinished(state: TaskState): boolean {
	return state === 'complete' || state === 'shutdown' || state === 'failed' || state === 'rejected' || state === 'remove' || state === 'orphaned';
}

/**
 * A task that holds a place on its node: assigned there, not finished, and
 * still wanted by the orchestrator. These are the ones whose reservations
 * swarm subtracts from the node's resources, and the ones a drain moves.
 */
export function holdsNode(task: TaskSummary): boolean {
	return task.nodeId !== undefined && !isFinished(task.state) && !isFinished(task.desiredState);
}
