/**
 * The prune planner as pane actions: read the engine's lists and plan the
 * prune exactly (planEnginePrune), confirm with what goes and the space it
 * frees, run the engine's prune, and report its answer against the plan.
 */
import type {EngineSession} from '../engine/client.js';
import {planEnginePrune, runPrune} from '../engine/prune.js';
import {parseGoDuration} from '../prune/filters.js';
import type {ImagePruneOptions, PruneRequest} from '../prune/types.js';
import type {AskPlan, LoadPlan} from './descriptor.js';
import {nothingToPrune, planIsEmpty, pruneConfirmText, pruneReportText} from './prune-texts.js';

/**
 * `what` names the prune in the texts ("dangling images"). The plan is read
 * when the key is pressed, not from the pane's rows: it needs more than a
 * list shows (layer chains, sizes, exact creation times).
 */
export function prunePlan(request: PruneRequest, what: string): LoadPlan {
	return {
		loading: `planning the prune of ${what}: reading the engine's lists…`,
		load: async session => {
			const plan = await planEnginePrune(session.docker, request, session.apiVersion);
			if (planIsEmpty(plan)) return {refused: nothingToPrune(plan, what)};
			return {
				confirm: pruneConfirmText(plan, what),
				confirmLabel: 'prune',
				run: async (current: EngineSession) => ({report: pruneReportText(plan, await runPrune(current.docker, request, current.apiVersion))}),
				done: `pruned ${what} (the report compares the engine's answer with the plan)`,
			};
		},
	};
}

export interface ImagePruneMode {
	/** For the texts: "dangling images", "unused images older than 24h". */
	what: string;
	options: ImagePruneOptions;
}

const modeHelp = 'type dangling (or just Enter), all, or an age such as 24h (unused images older than that)';

/** The answer to "prune which images?": dangling (the default), all unused, or unused and older than a Go duration. */
export function parseImagePruneMode(text: string): {ok: true; mode: ImagePruneMode} | {ok: false; error: string} {
	const answer = text.trim().toLowerCase();
	if (answer === '' || answer === 'd' || answer === 'dangling') return {ok: true, mode: {what: 'dangling images', options: {}}};
	if (answer === 'a' || answer === 'all') return {ok: true, mode: {what: 'unused images (tagged ones too)', options: {all: true}}};
	const age = answer.replace(/^older( than)?\s*/, '') || '24h';
	const ms = parseGoDuration(age);
	if (ms === undefined) return {ok: false, error: `"${text.trim()}" is not a mode: ${modeHelp}`};
	if (ms <= 0) return {ok: false, error: `an age must be more than 0, e.g. 24h`};
	return {ok: true, mode: {what: `unused images older than ${age}`, options: {all: true, until: age}}};
}

/** Images first ask which prune: `docker image prune`, `-a`, or `-a --filter until=24h`. */
export function imagePrunePlan(): AskPlan {
	return {
		ask: {
			question: 'prune which images',
			placeholder: 'Enter: dangling · all: every unused one · 24h: unused, older than 24h',
			validate: text => {
				const mode = parseImagePruneMode(text);
				return mode.ok ? undefined : mode.error;
			},
		},
		answer: text => {
			const mode = parseImagePruneMode(text);
			if (!mode.ok) return {refused: mode.error};
			return prunePlan({kind: 'images', options: mode.mode.options}, mode.mode.what);
		},
	};
}
