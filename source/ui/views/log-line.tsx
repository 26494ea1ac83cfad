import {Text} from 'ink';
import {memo} from 'react';
import type {LogLine} from '../../engine/logs.js';
import {sanitizeAnsi, stripAnsi} from '../../lib/ansi.js';
import {cutToWidth} from '../../lib/text-width.js';
import {paint} from '../../theme/paint.js';
import {useTheme} from '../../theme/theme-context.js';
import type {Theme, Token} from '../../theme/tokens.js';

const sourceTones: Token[] = ['log.source1', 'log.source2', 'log.source3', 'log.source4', 'log.source5', 'log.source6'];

/** A stable colour per source name, so "web-1" keeps its colour for the whole session. */
export function sourceTone(source: string): Token {
	let hash = 0;
	for (const character of source) hash = (hash * 31 + (character.codePointAt(0) ?? 0)) >>> 0;
	return sourceTones[hash % sourceTones.length] as Token;
}

export function formatLogTime(epochMs: number | undefined): string {
	if (epochMs === undefined) return '--:--:--.---';
	const date = new Date(epochMs);
	const pad = (value: number, size = 2) => String(value).padStart(size, '0');
	return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** Splits plain text into [text, isMatch] runs for the search highlight. */
export function matchRuns(text: string, search: RegExp): [string, boolean][] {
	const runs: [string, boolean][] = [];
	let last = 0;
	for (const match of text.matchAll(search)) {
		if (match[0].length === 0) break;
		const start = match.index;
		if (start > last) runs.push([text.slice(last, start), false]);
		runs.push([match[0], true]);
		last = start + match[0].length;
	}
	if (last < text.length) runs.push([text.slice(last), false]);
	return runs;
}

/** Characters of a line handed to the terminal without wrap: a 10 KB JSON line costs as much as its visible part. */
const unwrappedChars = 1000;

/** What follows ESC in a whole CSI sequence: "[", parameters, intermediates, a final byte. */
const completeSequence = /^\[[0-?]*[ -/]*[@-~]/;

/** Cuts a long line for a one-row view, never inside an escape sequence. */
export function cutLong(text: string, limit = unwrappedChars): string {
	if (text.length <= limit) return text;
	const cut = text.slice(0, limit);
	const escape = cut.lastIndexOf('\u001B');
	// A colour sequence cut before its final "m" would reach the terminal half-written: drop it.
	return escape !== -1 && !completeSequence.test(cut.slice(escape + 1)) ? cut.slice(0, escape) : cut;
}

export interface LogLineLook {
	selected: boolean;
	timestamps: boolean;
	wrap: boolean;
	/** Global regex of the search, for highlighting; undefined when no search. */
	highlight: RegExp | undefined;
}

/**
 * One log line as one painted string: a gutter (cursor, stderr mark),
 * optional time, optional source prefix, then the text with its colours kept
 * and every other control sequence removed. Search matches are drawn on the
 * plain text.
 */
export function logLineText(theme: Theme, line: LogLine, {selected, timestamps, wrap, highlight}: LogLineLook): string {
	// A plain space for stdout: a styled one looks the same, and an ANSI-free line skips Ink's escape tokenizer on every frame.
	const gutter = selected ? paint(theme, 'log.cursor', '›') : line.stream === 'stderr' ? paint(theme, 'log.stderr', '▌') : ' ';
	const time = timestamps ? paint(theme, 'log.timestamp', `${formatLogTime(line.time)} `) : '';
	const source = line.source ? paint(theme, sourceTone(line.source), `${line.source} │ `) : '';
	const raw = wrap ? line.text : cutLong(line.text);
	// Sanitised first: stripping the colours alone would leave other controls (\r, BEL) in the drawn text.
	const plain = highlight ? stripAnsi(sanitizeAnsi(raw)) : undefined;
	const runs = highlight && plain !== undefined && highlight.test(plain) ? matchRuns(plain, highlight) : undefined;
	if (highlight) highlight.lastIndex = 0;
	const body = runs ? runs.map(([text, isMatch]) => (isMatch ? paint(theme, 'search.match', text) : text)).join('') : sanitizeAnsi(raw);
	return gutter + time + source + body;
}

const reset = '\u001B[0m';

/**
 * The rows of the unwrapped log body as one text: each line cut to `width`
 * cells (as Ink's truncate-end would) and, when styled, ended with a reset so
 * no colour runs on into the next row. One <Text> for the whole body instead
 * of one per row: following a fast log redraws every row ten times a second,
 * and each Ink text costs a React component, a Yoga node, a measure and an
 * escape scan on every frame.
 */
export function logRowsText(theme: Theme, lines: readonly {line: LogLine; selected: boolean}[], look: Omit<LogLineLook, 'selected' | 'wrap'>, width: number): string {
	return lines
		.map(({line, selected}) => {
			const row = cutToWidth(logLineText(theme, line, {...look, selected, wrap: false}), width);
			return row.includes('\u001B') && !row.endsWith(reset) ? row + reset : row;
		})
		.join('\n');
}

/** One log line wrapped over as many rows as it needs (the wrap mode): Ink wraps it. */
export const LogLineView = memo(function LogLineView({line, ...look}: LogLineLook & {line: LogLine}) {
	const theme = useTheme();
	return <Text wrap="wrap">{logLineText(theme, line, look)}</Text>;
});
