import {Box} from 'ink';
import type {Line} from '../../theme/tokens.js';
import {LineView} from './tone.js';

/** Draws `height` lines of `lines` from `offset`: only what is visible is rendered. */
export function ScrollArea({lines, offset, height}: {lines: readonly Line[]; offset: number; height: number}) {
	const visible = lines.slice(offset, offset + height);
	return (
		<Box flexDirection="column" height={height}>
			{visible.map((line, index) => (
				<LineView key={offset + index} line={line} />
			))}
		</Box>
	);
}

export function clampOffset(offset: number, total: number, height: number): number {
	return Math.max(0, Math.min(offset, total - height));
}
