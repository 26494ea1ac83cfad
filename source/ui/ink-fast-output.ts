/**
 * A fast path for Ink's Output.get(), which scripts/bundle.mjs splices into
 * the bundled Ink (Output.get tries this first and keeps its own way when
 * this returns undefined).
 *
 * Why: Ink composes every frame cell by cell: each character of the screen
 * becomes an object with its styles (10,000 of them at 200x50), then every
 * row is encoded back to a string. That was a third of the first frame's CPU
 * and most of the garbage of a log view following a fast container. dockdeck
 * draws single-line texts side by side that never overlap, so the rows can be
 * put together from the texts as they are.
 *
 * It returns undefined, leaving the frame to Ink, for anything it does not
 * treat exactly as Ink does: a text with a line break, a text partly clipped
 * or partly off screen, texts overlapping in a row, zero-width characters.
 */

type Transformer = (line: string, index: number) => string;

interface Clip {
	x1?: number;
	x2?: number;
	y1?: number;
	y2?: number;
}

export type Operation =
	| {type: 'write'; x: number; y: number; text: string; transformers: readonly Transformer[]}
	| {type: 'clip'; clip: Clip}
	| {type: 'unclip'};

interface Placed {
	x: number;
	width: number;
	text: string;
	order: number;
}

/** Characters Ink drops from its cells (they take no cell); rows holding any go Ink's way. */
const defaultIgnorable = /\p{Default_Ignorable_Code_Point}/u;
/** Controls other than ESC (Ink treats \r\n as one character, for one): left to Ink. */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const controlCharacter = /[\u0000-\u001A\u001C-\u001F\u007F-\u009F]/;
const reset = '\u001B[0m';

function intersect(outer: Clip | undefined, inner: Clip): Clip {
	if (!outer) return inner;
	const tighter = (a: number | undefined, b: number | undefined, pick: (a: number, b: number) => number) => (a === undefined ? b : b === undefined ? a : pick(a, b));
	return {
		x1: tighter(outer.x1, inner.x1, Math.max),
		x2: tighter(outer.x2, inner.x2, Math.min),
		y1: tighter(outer.y1, inner.y1, Math.max),
		y2: tighter(outer.y2, inner.y2, Math.min),
	};
}

/** Where a one-line text lands: 'hidden' (clipped away or off screen), 'whole', or 'partly' (Ink must slice it). */
function visibility(x: number, y: number, width: number, clip: Clip | undefined, screenWidth: number, screenHeight: number): 'hidden' | 'whole' | 'partly' {
	if (clip) {
		if (clip.x1 !== undefined && clip.x2 !== undefined && clip.x1 >= clip.x2) return 'hidden';
		if (clip.y1 !== undefined && clip.y2 !== undefined && clip.y1 >= clip.y2) return 'hidden';
		if (clip.y1 !== undefined && clip.y2 !== undefined && (y < clip.y1 || y >= clip.y2)) return 'hidden';
		if (clip.x1 !== undefined && clip.x2 !== undefined) {
			if (x + width < clip.x1 || x > clip.x2) return 'hidden';
			if (x < clip.x1 || x + width > clip.x2) return 'partly';
		}
	}
	if (y < 0 || y >= screenHeight) return 'hidden';
	if (x < 0 || x + width > screenWidth) return 'partly';
	return 'whole';
}

export function fastOutput(operations: readonly Operation[], width: number, height: number, measure: (text: string) => number): {output: string; height: number} | undefined {
	const rows: Placed[][] = Array.from({length: height}, () => []);
	const clips: (Clip | undefined)[] = [];
	let order = 0;
	for (const operation of operations) {
		if (operation.type === 'clip') {
			clips.push(intersect(clips.at(-1), operation.clip));
			continue;
		}
		if (operation.type === 'unclip') {
			clips.pop();
			continue;
		}
		// Ink draws a text line by line, each transformed with its index; a style left open
		// at a line's end carries on to the next line, so such a text goes Ink's way.
		const textLines = operation.text.split('\n');
		if (textLines.some((line, index) => index < textLines.length - 1 && line.includes('\u001B') && !line.endsWith(reset))) return undefined;
		for (const [index, original] of textLines.entries()) {
			let text = original;
			for (const transform of operation.transformers) text = transform(text, index);
			if (text.includes('\n') || defaultIgnorable.test(text) || controlCharacter.test(text)) return undefined;
			const y = operation.y + index;
			const textWidth = measure(text);
			const seen = visibility(operation.x, y, textWidth, clips.at(-1), width, height);
			if (seen === 'partly') return undefined;
			if (seen === 'hidden' || textWidth === 0) continue;
			rows[y]?.push({x: operation.x, width: textWidth, text, order: order++});
		}
	}

	const lines: string[] = [];
	for (const row of rows) {
		row.sort((a, b) => a.x - b.x || a.order - b.order);
		let line = '';
		let column = 0;
		for (const placed of row) {
			if (placed.x < column) return undefined;
			line += ' '.repeat(placed.x - column) + placed.text;
			// A text's styles end with it, as they do in Ink's cells.
			if (placed.text.includes('\u001B[')) line += reset;
			column = placed.x + placed.width;
		}
		lines.push(line.trimEnd());
	}
	return {output: lines.join('\n'), height};
}
