import type {PruneComparison, PrunePlan, PruneReport} from './types.js';

/**
 * Plan against the engine's report, item for item. In an image report the
 * engine lists deleted layer chain ids beside image ids; ids the plan never
 * knew as images are those layers, and are left out.
 */
export function comparePlan(plan: PrunePlan, report: PruneReport): PruneComparison {
	const known = new Set(plan.known);
	const removed = plan.kind === 'images' ? report.removed.filter(id => known.has(id)) : report.removed;
	const planned = plan.items.map(item => item.id);
	const lists = diff(planned, removed);
	const untag = diff(plan.untag, report.untagged);
	return {
		matched: lists.both,
		plannedButKept: lists.onlyFirst,
		removedButUnplanned: lists.onlySecond,
		untagMatched: untag.both,
		untagPlannedButKept: untag.onlyFirst,
		untaggedButUnplanned: untag.onlySecond,
		exact: lists.onlyFirst.length + lists.onlySecond.length + untag.onlyFirst.length + untag.onlySecond.length === 0,
	};
}

function diff(first: string[], second: string[]): {both: string[]; onlyFirst: string[]; onlySecond: string[]} {
	const inFirst = new Set(first);
	const inSecond = new Set(second);
	return {
		both: first.filter(each => inSecond.has(each)),
		onlyFirst: first.filter(each => !inSecond.has(each)),
		onlySecond: second.filter(each => !inFirst.has(each)),
	};
}
