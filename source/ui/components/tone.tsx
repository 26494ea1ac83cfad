import {Text} from 'ink';
import type {ReactNode} from 'react';
import {paint} from '../../theme/paint.js';
import {styleOf, useTheme} from '../../theme/theme-context.js';
import type {Line, Token} from '../../theme/tokens.js';

/** Text drawn in a semantic token: views never name a colour. */
export function Tone({token, children, wrap}: {token?: Token; children: ReactNode; wrap?: 'truncate-end' | 'wrap'}) {
	const theme = useTheme();
	return (
		<Text {...styleOf(theme, token)} wrap={wrap}>
			{children}
		</Text>
	);
}

/**
 * One line of segments, painted as one string and cut at the terminal edge.
 * One Ink text node, not one per segment: Ink squashes, sanitises and colours
 * every nested text again on every frame (the header, the footer and the log
 * view's title line are drawn ten times a second while a log streams).
 */
export function LineView({line}: {line: Line}) {
	const theme = useTheme();
	if (line.length === 0) return <Text> </Text>;
	return <Text wrap="truncate-end">{line.map(segment => paint(theme, segment.tone, segment.text)).join('')}</Text>;
}
