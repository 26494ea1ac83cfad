import {Box, Text} from 'ink';
import {styleOf, useTheme} from '../../theme/theme-context.js';
import type {ConfirmRequest} from '../app-context.js';
import {Tone} from '../components/tone.js';

/** Says exactly what will happen; y/Enter confirms, n/Esc/q cancels (handled by the screen). An info dialog (a report) only closes. */
export function ConfirmDialog({request, width}: {request: ConfirmRequest; width: number}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column" borderStyle="round" {...{borderColor: styleOf(theme, request.dangerous ? 'dialog.danger' : 'dialog.border').color}} width={width} paddingX={1}>
			<Text wrap="wrap">
				<Tone token={request.dangerous ? 'dialog.danger' : 'title'}>{request.text}</Tone>
			</Text>
			{request.info ? (
				<Text>
					<Tone token="key">Enter</Tone>
					<Tone token="muted">/Esc close</Tone>
				</Text>
			) : (
				<Text>
					<Tone token="key">y</Tone>
					<Tone token="muted">{`/Enter ${request.confirmLabel}   `}</Tone>
					<Tone token="key">n</Tone>
					<Tone token="muted">/Esc cancel</Tone>
				</Text>
			)}
		</Box>
	);
}
