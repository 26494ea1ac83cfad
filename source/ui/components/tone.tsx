import {Text} from 'ink';
import type {ReactNode} from 'react';
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

/** One line of segments, cut at the terminal edge. */
export function LineView({line}: {line: Line}) {
	if (line.length === 0) return <Text> </Text>;
	return (
		<Text wrap="truncate-end">
			{line.map((segment, index) => (
				<Tone key={index} token={segment.tone}>
					{segment.text}
				</Tone>
			))}
		</Text>
	);
}
