import {useCallback} from 'react';
import type {Listed} from '../../engine/types.js';
import type {ActionDef, ActionPlan, PaneActionDef, Plan, ResourceDescriptor} from '../../resources/descriptor.js';
import {engineErrorMessage, runHandOver, runPlan} from '../../resources/run-action.js';
import {useAppControls} from '../app-context.js';
import {useHandOver} from './use-hand-over.js';
import {useStore} from './use-live-store.js';

/** How many engine calls a bulk action keeps in flight. */
const bulkConcurrency = 4;

/** What an action does, for progress messages: "stop the container (SIGTERM...)" -> "stop the container". */
function doing(action: ActionDef<Listed>): string {
	return action.description.split(' (')[0] ?? action.id;
}

/** The bare verb for bulk messages: "stop the container" -> "stop". */
function verb(action: ActionDef<Listed>): string {
	return action.description.split(' ')[0] ?? action.id;
}

/** Up to this many marked rows are spelled out one by one in the confirmation; more are named in a list. */
const spelledOut = 8;
const namedAtMost = 60;

function confirmationOf(planned: readonly {label: string; plan: ActionPlan}[], action: ActionDef<Listed>, kindTitle: string): string {
	if (planned.length <= spelledOut) return planned.map(each => each.plan.confirm?.replace(/\?$/, '') ?? `${verb(action)} ${each.label}`).join('; ');
	const names = planned.map(each => each.label);
	const shown = names.slice(0, namedAtMost).join(', ');
	const more = names.length > namedAtMost ? ` … and ${names.length - namedAtMost} more marked` : '';
	return `${verb(action)} ${planned.length} ${kindTitle}: ${shown}${more}`;
}

async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = [];
	for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(run))));
	return results;
}

/**
 * Carries out an action on one item or on the marked items: asks its
 * question, confirms with the exact text, hands the terminal over, or runs
 * the engine calls, and reports the outcome (the engine's own message on a
 * failure) in the status line.
 */
export function useActionRunner(resource: ResourceDescriptor) {
	const store = useStore();
	const controls = useAppControls();
	const handOver = useHandOver();

	const carryOut = useCallback(
		(action: ActionDef<Listed>, label: string, plan: Plan, item?: Listed): void => {
			if ('refused' in plan) {
				controls.setStatus({text: plan.refused, tone: 'message.info'});
				return;
			}
			if ('ask' in plan) {
				controls.ask({...plan.ask, onSubmit: text => carryOut(action, label, plan.answer(text), item)});
				return;
			}
			if ('load' in plan) {
				controls.setStatus({text: plan.loading, tone: 'message.info'});
				void store
					.withSession(session => plan.load(session))
					.then(
						next => {
							// The "reading…" line has done its job once the question or dialog is up.
							controls.setStatus(undefined);
							carryOut(action, label, next, item);
						},
						(error: unknown) => controls.setStatus({text: engineErrorMessage(error), tone: 'message.error'}),
					);
				return;
			}
			if ('handOver' in plan) {
				const run = handOver(
					plan.banner,
					io =>
						runHandOver(store, plan, io).then(outcome => {
							if (plan.waitForKey) io.output.write(`\r\n[dockdeck] ${outcome.message}`);
							return outcome;
						}),
					{waitForKey: plan.waitForKey},
				);
				void run.then(outcome => {
					controls.setStatus({text: outcome.message, tone: outcome.ok ? 'message.success' : 'message.error'});
					void store.refresh(resource.kind);
				});
				return;
			}
			const execute = () => {
				controls.setStatus({text: `${doing(action)}: ${label}…`, tone: 'message.info'});
				void runPlan(store, plan, line => controls.setStatus({text: line, tone: 'message.info'})).then(outcome => {
					controls.setStatus(outcome.ok ? {text: plan.done, tone: 'message.success'} : {text: outcome.message, tone: 'message.error'});
					if (outcome.ok && outcome.value.report) controls.confirm({text: outcome.value.report, confirmLabel: 'close', dangerous: false, info: true, onConfirm: () => {}});
					if (outcome.ok && outcome.value.openTab && item) controls.openView({type: 'inspect', kind: resource.kind, id: item.id, label, tab: outcome.value.openTab});
					void store.refresh(resource.kind);
				});
			};
			if (plan.confirm) controls.confirm({text: plan.confirm, confirmLabel: plan.confirmLabel ?? 'yes', dangerous: Boolean(action.dangerous), onConfirm: execute});
			else execute();
		},
		[controls, handOver, store, resource.kind],
	);

	const runOnMarked = useCallback(
		(action: ActionDef<Listed>, items: readonly Listed[]): void => {
			const planned: {label: string; plan: ActionPlan}[] = [];
			const refused: string[] = [];
			for (const item of items) {
				const plan = action.plan(item);
				if ('refused' in plan) refused.push(plan.refused);
				else if ('ask' in plan || 'handOver' in plan || 'load' in plan) {
					controls.setStatus({text: `${doing(action)} works on one ${resource.title.toLowerCase().replace(/s$/, '')} at a time: unmark (Esc) and select one`, tone: 'message.info'});
					return;
				} else planned.push({label: resource.label(item), plan});
			}
			if (planned.length === 0) {
				controls.setStatus({text: refused[0] ?? 'nothing to do', tone: 'message.info'});
				return;
			}
			const kindTitle = resource.title.toLowerCase();
			const execute = () => {
				controls.setStatus({text: `${verb(action)}: ${planned.length} ${kindTitle}…`, tone: 'message.info'});
				void inBatches(planned, bulkConcurrency, async each => ({label: each.label, outcome: await runPlan(store, each.plan)})).then(results => {
					const failed = results.filter(result => !result.outcome.ok);
					const first = failed[0];
					controls.setStatus(
						first && !first.outcome.ok
							? {text: `${verb(action)}: ${results.length - failed.length} of ${results.length} done; ${failed.length} failed — ${first.label}: ${first.outcome.message}`, tone: 'message.error'}
							: {text: `${verb(action)}: all ${results.length} done (${results.map(result => result.label).join(', ')})`, tone: 'message.success'},
					);
					void store.refresh(resource.kind);
				});
			};
			const skipped = refused.length > 0 ? ` ${refused.length} marked skipped: ${refused.join('; ')}.` : '';
			const needsConfirm = planned.some(each => each.plan.confirm);
			if (!needsConfirm && refused.length === 0) {
				execute();
				return;
			}
			controls.confirm({
				text: `${planned.length} marked ${kindTitle} — ${confirmationOf(planned, action, kindTitle)}?${skipped}`,
				confirmLabel: `${planned[0]?.plan.confirmLabel ?? 'yes'} ${planned.length}`,
				dangerous: Boolean(action.dangerous),
				onConfirm: execute,
			});
		},
		[controls, store, resource],
	);

	return {
		/** A pane action (prune, create): planned from every row the pane holds. */
		runOnPane: (action: PaneActionDef<Listed>, items: readonly Listed[]) => carryOut(action as unknown as ActionDef<Listed>, resource.title.toLowerCase(), action.plan(items)),
		run: (action: ActionDef<Listed>, selected: Listed | undefined, marked: readonly Listed[]) => {
			if (marked.length > 0) runOnMarked(action, marked);
			else if (selected) carryOut(action, resource.label(selected), action.plan(selected), selected);
			else controls.setStatus({text: `no ${resource.title.toLowerCase()} selected`, tone: 'message.info'});
		},
	};
}
