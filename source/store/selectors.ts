import type {Listed} from '../engine/types.js';

export type SortDirection = 'asc' | 'desc';

/** One collator for every comparison: String#localeCompare with options builds a new one per call. */
const collator = new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'});

/** Stable sort by a key; undefined keys go last in either direction. */
export function sortItems<T extends Listed>(items: readonly T[], key: (item: T) => string | number | undefined, direction: SortDirection): T[] {
	const sign = direction === 'asc' ? 1 : -1;
	return items
		.map((item, index) => ({item, index, value: key(item)}))
		.sort((a, b) => {
			if (a.value === undefined && b.value === undefined) return a.index - b.index;
			if (a.value === undefined) return 1;
			if (b.value === undefined) return -1;
			const order =
				typeof a.value === 'number' && typeof b.value === 'number'
					? a.value - b.value
					: collator.compare(String(a.value), String(b.value));
			return order === 0 ? a.index - b.index : order * sign;
		})
		.map(entry => entry.item);
}

export function filterItems<T>(items: readonly T[], matches: ((text: string) => boolean) | undefined, text: (item: T) => string): readonly T[] {
	if (!matches) return items;
	return items.filter(item => matches(text(item)));
}
