import type {Listed} from '../engine/types.js';

export type SortDirection = 'asc' | 'desc';

const digitsOrText = /(\d+)|(\D+)/g;

/**
 * Natural, case-insensitive order ("web-2" before "web-10"). Written out
 * rather than Intl.Collator: the collator pulls ~3 MB of ICU data into memory
 * and builds per call when given options.
 */
export function naturalCompare(a: string, b: string): number {
	return compareNaturalParts(naturalParts(a), naturalParts(b));
}

/** A string cut into runs of digits and of other characters, lower-cased: what natural order compares. */
function naturalParts(text: string): readonly string[] {
	return text.toLowerCase().match(digitsOrText) ?? [];
}

function compareNaturalParts(left: readonly string[], right: readonly string[]): number {
	for (let index = 0; index < Math.min(left.length, right.length); index++) {
		const x = left[index] as string;
		const y = right[index] as string;
		if (x === y) continue;
		const xNumber = x.charCodeAt(0) >= 48 && x.charCodeAt(0) <= 57;
		const yNumber = y.charCodeAt(0) >= 48 && y.charCodeAt(0) <= 57;
		if (xNumber && yNumber) {
			const difference = Number(x) - Number(y);
			if (difference !== 0) return difference;
			continue;
		}
		return x < y ? -1 : 1;
	}
	return left.length - right.length;
}

/** Stable sort by a key; undefined keys go last in either direction. */
export function sortItems<T extends Listed>(items: readonly T[], key: (item: T) => string | number | undefined, direction: SortDirection): T[] {
	const sign = direction === 'asc' ? 1 : -1;
	// Each text is cut into its natural-order parts once, not once per comparison (500 rows: ~9,000 comparisons).
	return items
		.map((item, index) => {
			const value = key(item);
			return {item, index, value, parts: value === undefined || typeof value === 'number' ? undefined : naturalParts(value)};
		})
		.sort((a, b) => {
			if (a.value === undefined && b.value === undefined) return a.index - b.index;
			if (a.value === undefined) return 1;
			if (b.value === undefined) return -1;
			const order =
				typeof a.value === 'number' && typeof b.value === 'number'
					? a.value - b.value
					: compareNaturalParts(a.parts ?? naturalParts(String(a.value)), b.parts ?? naturalParts(String(b.value)));
			return order === 0 ? a.index - b.index : order * sign;
		})
		.map(entry => entry.item);
}

export function filterItems<T>(items: readonly T[], matches: ((text: string) => boolean) | undefined, text: (item: T) => string): readonly T[] {
	if (!matches) return items;
	return items.filter(item => matches(text(item)));
}
