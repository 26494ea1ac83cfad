import stringWidth from 'string-width';
import {narrowCharacterClass} from './narrow-characters.js';

const segmenter = new Intl.Segmenter();

/** Display width in terminal cells (CJK and emoji count double). */
export function displayWidth(text: string): number {
	return stringWidth(text);
}

/**
 * Cuts `text` to at most `width` cells, ending with "…" when cut, then pads
 * with spaces to exactly `width` (or to the right with align "right"). Works
 * on graphemes so a wide character is never split.
 */
export function fitToWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	if (width <= 0) return '';
	let fitted = text;
	let fittedWidth = stringWidth(text);
	if (fittedWidth > width) {
		fitted = '';
		fittedWidth = 0;
		for (const {segment} of segmenter.segment(text)) {
			const segmentWidth = stringWidth(segment);
			if (fittedWidth + segmentWidth > width - 1) break;
			fitted += segment;
			fittedWidth += segmentWidth;
		}
		fitted += '…';
		fittedWidth += 1;
	}
	const padding = ' '.repeat(Math.max(0, width - fittedWidth));
	return align === 'right' ? padding + fitted : fitted + padding;
}

/** Text whose every character is one cell: its width is its length. */
const allNarrow = new RegExp(`^[${narrowCharacterClass}]*$`, 'u');
/** A colour or style sequence (SGR): the only escapes sanitizeAnsi leaves in a text. */
// eslint-disable-next-line no-control-regex -- ESC starts the sequence this matches
const styleSequence = /\u001B\[[0-?]*[ -/]*m/y;
const reset = '\u001B[0m';

/**
 * Cuts a text that may hold colour sequences to at most `width` cells,
 * ending with "…" when cut, as Ink's truncate-end does for one line; colour
 * sequences are kept whole and a cut styled text ends with a reset. Meant
 * for sanitized text (colour sequences only).
 */
export function cutToWidth(text: string, width: number): string {
	if (width <= 0) return '';
	const styled = text.includes('\u001B');
	if (!styled && allNarrow.test(text)) return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
	if (stringWidth(text) <= width) return text;
	let kept = '';
	let used = 0;
	let index = 0;
	while (index < text.length) {
		styleSequence.lastIndex = index;
		const sequence = styled ? styleSequence.exec(text) : null;
		if (sequence) {
			kept += sequence[0];
			index += sequence[0].length;
			continue;
		}
		const nextEscape = styled ? text.indexOf('\u001B', index + 1) : -1;
		const run = text.slice(index, nextEscape === -1 ? undefined : nextEscape);
		for (const {segment} of segmenter.segment(run)) {
			const segmentWidth = stringWidth(segment);
			if (used + segmentWidth > width - 1) return fitted(`${kept}${styled ? reset : ''}…`, width);
			kept += segment;
			used += segmentWidth;
		}
		index += run.length;
	}
	return fitted(kept, width);
}

/**
 * A colour sequence between a character and its emoji selector makes the
 * pieces measure narrower than string-width measures the whole: cut one more
 * cell until the whole fits.
 */
function fitted(text: string, width: number): string {
	return width > 1 && stringWidth(text) > width ? cutToWidth(text, width - 1) : text;
}
