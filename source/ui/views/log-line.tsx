import {Text} from 'ink';
import {memo} from 'react';
import type {LogLine} from '../../engine/logs.js';
import {sanitizeAnsi, stripAnsi} from '../../lib/ansi.js';
import {styleOf, useTheme} from '../../theme/theme-context.js';
import type {Token} from '../../theme/tokens.js';

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

export interface LogLineProps {
	line: LogLine;
	selected: boolean;
	timestamps: boolean;
	wrap: boolean;
	/** Global regex of the search, for highlighting; undefined when no search. */
	highlight: RegExp | undefined;
}

/**
 * One log line: a gutter (cursor, stderr mark), optional time, optional source
 * prefix, then the text with its colours kept and every other control
 * sequence removed. Search matches are drawn on the plain text.
 */
export const LogLineView = memo(function LogLineView({line, selected, timestamps, wrap, highlight}: LogLineProps) {
	const theme = useTheme();
	const gutter = selected ? '›' : line.stream === 'stderr' ? '▌' : ' ';
	const gutterTone: Token = selected ? 'log.cursor' : 'log.stderr';
	const plain = highlight ? stripAnsi(line.text) : undefined;
	const runs = highlight && plain !== undefined && highlight.test(plain) ? matchRuns(plain, highlight) : undefined;
	if (highlight) highlight.lastIndex = 0;
	return (
		<Text wrap={wrap ? 'wrap' : 'truncate-end'}>
			<Text {...styleOf(theme, gutterTone)}>{gutter}</Text>
			{timestamps ? <Text {...styleOf(theme, 'log.timestamp')}>{`${formatLogTime(line.time)} `}</Text> : null}
			{line.source ? <Text {...styleOf(theme, sourceTone(line.source))}>{`${line.source} │ `}</Text> : null}
			{runs
				? runs.map(([text, isMatch], index) =>
						isMatch ? (
							<Text key={index} {...styleOf(theme, 'search.match')}>
								{text}
							</Text>
						) : (
							text
						),
					)
				: sanitizeAnsi(line.text)}
		</Text>
	);
});
