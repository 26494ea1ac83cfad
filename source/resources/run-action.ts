import {engineMessage} from '../engine/connection.js';
import type {LiveStore} from '../store/live-store.js';
import type {TerminalIo} from '../engine/exec.js';
import {readTop, type ProcessTable} from '../engine/top.js';
import type {ActionPlan, DetailDescriptor, HandOverPlan} from './descriptor.js';

export type Outcome<T = undefined> = {ok: true; value: T} | {ok: false; message: string};

/**
 * Runs a planned action on the live session; a failure comes back as the
 * engine's own message for the status line, never as a throw.
 */
/** The engine's own message for any failed call, for views that run calls themselves. */
export function engineErrorMessage(error: unknown): string {
	return engineMessage(error);
}

export async function runPlan(store: LiveStore, plan: ActionPlan, progress?: (line: string) => void): Promise<Outcome<{report?: string; openTab?: string}>> {
	try {
		const result = await store.withSession(session => plan.run(session, progress));
		return {ok: true, value: result ?? {}};
	} catch (error) {
		return {ok: false, message: engineMessage(error)};
	}
}

/** Runs a terminal hand-over (exec, attach); any failure comes back as the engine's message. */
export async function runHandOver(store: LiveStore, plan: HandOverPlan, io: TerminalIo): Promise<{ok: boolean; message: string}> {
	try {
		return await store.withSession(session => plan.run(session, io));
	} catch (error) {
		return {ok: false, message: engineMessage(error)};
	}
}

/** The processes of a container, or the engine's message. */
export async function loadTop(store: LiveStore, id: string): Promise<Outcome<ProcessTable>> {
	try {
		return {ok: true, value: await store.withSession(session => readTop(session.docker, id))};
	} catch (error) {
		return {ok: false, message: engineMessage(error)};
	}
}

export async function loadDetail<D>(store: LiveStore, detail: DetailDescriptor<D>, id: string): Promise<Outcome<D>> {
	try {
		return {ok: true, value: await store.withSession(session => detail.load(session, id))};
	} catch (error) {
		return {ok: false, message: engineMessage(error)};
	}
}
