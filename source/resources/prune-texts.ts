/**
 * The words of the prune planner: the confirmation that lists exactly what a
 * prune removes and the space it frees, and the report that holds the
 * engine's answer against that plan. Pure, so both are unit-tested.
 */
import {formatBytes, shortId} from '../lib/format.js';
import {comparePlan} from '../prune/index.js';
import type {KeptItem, PlanItem, PrunePlan, PruneReport} from '../prune/types.js';

/** Items spelled out in a confirmation or a report list; the rest are counted, so the dialog stays on screen at 80x24. */
export const listedAtMost = 10;

const nouns: Record<PrunePlan['kind'], [one: string, many: string]> = {
	containers: ['container', 'containers'],
	images: ['image', 'images'],
	volumes: ['volume', 'volumes'],
	networks: ['network', 'networks'],
	buildCache: ['build cache record', 'build cache records'],
};

function noun(kind: PrunePlan['kind'], count: number): string {
	const [one, many] = nouns[kind];
	return count === 1 ? one : many;
}

export function countOf(kind: PrunePlan['kind'], count: number): string {
	return `${count} ${noun(kind, count)}`;
}

/** Bytes as the plan knows them: exact, a lower bound, or an estimate (build cache). */
function freedText(plan: PrunePlan): string {
	if (plan.kind === 'networks') return '';
	if (plan.kind === 'buildCache') return `about ${formatBytes(plan.freed)}`;
	return plan.freedExact ? formatBytes(plan.freed) : `at least ${formatBytes(plan.freed)}`;
}

function sizeText(item: PlanItem, kind: PrunePlan['kind']): string {
	if (kind === 'networks') return '';
	return item.size < 0 ? 'size unknown' : formatBytes(item.size);
}

function itemLines(items: readonly PlanItem[], kind: PrunePlan['kind']): string[] {
	const width = Math.min(48, Math.max(...items.slice(0, listedAtMost).map(item => item.name.length), 0));
	const lines = items.slice(0, listedAtMost).map(item => `  ${item.name.padEnd(width)}  ${sizeText(item, kind)}`.trimEnd());
	const rest = items.slice(listedAtMost);
	if (rest.length > 0) {
		const bytes = kind === 'networks' ? '' : ` (${formatBytes(rest.reduce((sum, item) => sum + Math.max(0, item.size), 0))})`;
		lines.push(`  … and ${rest.length} more${bytes}`);
	}

	return lines;
}

function namesList(names: readonly string[]): string {
	const shown = names.slice(0, listedAtMost).join(', ');
	return names.length > listedAtMost ? `${shown} … and ${names.length - listedAtMost} more` : shown;
}

/**
 * Reasons that name items ("used by web (running)", "parent of 2 images",
 * "3 containers attached") say more than fits one summary line: each kind
 * counts as one reason.
 */
function reasonGroup(item: KeptItem): string {
	if (item.reason.startsWith('used by ')) return 'used by containers';
	if (item.reason.startsWith('parent of ')) return 'parents of other images';
	if (/^\d+ (container|endpoint)s? /.test(item.reason)) return 'attached';
	return item.reason;
}

/** "Stays: 9 — tagged (4), used by containers (2), …": why the rest is left, in one line. */
export function keptSummary(kept: readonly KeptItem[]): string {
	if (kept.length === 0) return '';
	const groups = new Map<string, number>();
	for (const item of kept) groups.set(reasonGroup(item), (groups.get(reasonGroup(item)) ?? 0) + 1);
	const reasons = [...groups.entries()].sort((a, b) => b[1] - a[1]).map(([reason, count]) => `${reason} (${count})`);
	return `Stays: ${kept.length} — ${reasons.join(', ')}`;
}

/** True when the prune would change nothing: no item goes and no tag is removed. */
export function planIsEmpty(plan: PrunePlan): boolean {
	return plan.items.length === 0 && plan.untag.length === 0;
}

/** The refusal when there is nothing to prune, with why the rest stays. */
export function nothingToPrune(plan: PrunePlan, what: string): string {
	const kept = keptSummary(plan.kept);
	return `nothing to prune: no ${what}.${kept ? ` ${kept}` : ''}`;
}

/**
 * The confirmation: the item count and the bytes freed, every item (up to
 * listedAtMost) with its size, the tags removed, why the rest stays, and the
 * planner's notes.
 */
export function pruneConfirmText(plan: PrunePlan, what: string): string {
	const freed = freedText(plan);
	const lines = [`Prune ${what}? ${countOf(plan.kind, plan.items.length)} ${plan.items.length === 1 ? 'goes' : 'go'}${freed ? `, freeing ${freed}` : ''}${plan.items.length > 0 ? ':' : '.'}`];
	lines.push(...itemLines(plan.items, plan.kind));
	if (plan.untag.length > 0) lines.push(`Tags removed: ${namesList(plan.untag)}`);
	const kept = keptSummary(plan.kept);
	if (kept) lines.push(kept);
	for (const each of plan.notes) lines.push(`Note: ${each}`);
	return lines.join('\n');
}

/** Names for the ids of a report: what the plan called them, else a short id. */
function namer(plan: PrunePlan): (id: string) => string {
	const names = new Map<string, string>([...plan.kept, ...plan.items].map(item => [item.id, item.name]));
	return id => names.get(id) ?? (/^(sha256:)?[0-9a-f]{64}$/.test(id) ? shortId(id) : id);
}

/**
 * The report after the prune: the engine's own answer compared with the plan,
 * "removed 3 of 3 planned, 1.2MiB freed (planned 1.2MiB)", then every
 * difference by name.
 */
export function pruneReportText(plan: PrunePlan, report: PruneReport): string {
	const comparison = comparePlan(plan, report);
	const name = namer(plan);
	const bytes = plan.kind === 'networks' ? '' : `, ${formatBytes(report.spaceReclaimed)} freed (planned ${freedText(plan)})`;
	const lines = [`removed ${comparison.matched.length} of ${plan.items.length} planned ${noun(plan.kind, plan.items.length)}${bytes}`];
	if (plan.untag.length > 0 || report.untagged.length > 0) lines.push(`untagged ${comparison.untagMatched.length} of ${plan.untag.length} planned tags`);
	if (comparison.exact) lines.push('The engine removed exactly what the plan said.');
	else lines.push('Differences from the plan:');
	if (comparison.plannedButKept.length > 0) lines.push(`  planned but kept by the engine: ${namesList(comparison.plannedButKept.map(name))}`);
	if (comparison.removedButUnplanned.length > 0) lines.push(`  removed but not planned: ${namesList(comparison.removedButUnplanned.map(name))}`);
	if (comparison.untagPlannedButKept.length > 0) lines.push(`  tags planned but kept: ${namesList(comparison.untagPlannedButKept)}`);
	if (comparison.untaggedButUnplanned.length > 0) lines.push(`  tags removed but not planned: ${namesList(comparison.untaggedButUnplanned)}`);
	return lines.join('\n');
}
