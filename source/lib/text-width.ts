import stringWidth from 'string-width';

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
