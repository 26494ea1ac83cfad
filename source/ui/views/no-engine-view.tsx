import {Box, Text} from 'ink';
import {useEffect, useState} from 'react';
import type {ConnectionState} from '../../store/snapshot.js';
import {Tone} from '../components/tone.js';

function useSecondsUntil(epochMs: number | undefined): number | undefined {
	const [now, setNow] = useState(Date.now());
	useEffect(() => {
		if (epochMs === undefined) return undefined;
		const timer = setInterval(() => setNow(Date.now()), 1000);
		return () => clearInterval(timer);
	}, [epochMs]);
	return epochMs === undefined ? undefined : Math.max(0, Math.ceil((epochMs - now) / 1000));
}

export function retryText(connection: ConnectionState, seconds: number | undefined): string {
	if (connection.status === 'connecting') return 'connecting…';
	return seconds === undefined ? 'retrying' : `retrying in ${seconds}s (attempt ${connection.attempts})`;
}

/** Shown until the first connection succeeds: which endpoint, why it failed, what to do. */
export function NoEngineView({connection, endpointLabel, endpointOrigin, height}: {connection: ConnectionState; endpointLabel: string; endpointOrigin?: string; height: number}) {
	const seconds = useSecondsUntil(connection.nextRetryAt);
	const problem = connection.problem;
	return (
		<Box flexDirection="column" height={height} paddingX={1}>
			<Text> </Text>
			<Tone token={problem ? 'message.error' : 'title'}>{problem ? 'Cannot reach the Docker engine' : 'Connecting to the Docker engine…'}</Tone>
			<Text> </Text>
			<Text wrap="wrap">
				<Tone token="muted">Endpoint: </Tone>
				<Tone token="accent">{endpointLabel}</Tone>
				{endpointOrigin ? <Tone token="muted">{` (from ${endpointOrigin})`}</Tone> : null}
			</Text>
			{problem ? (
				<>
					<Text> </Text>
					<Tone token="title">{problem.title}</Tone>
					<Text wrap="wrap">{problem.detail}</Text>
					{problem.hint ? (
						<Text wrap="wrap">
							<Tone token="muted">Hint: </Tone>
							{problem.hint}
						</Text>
					) : null}
				</>
			) : null}
			<Text> </Text>
			<Tone token="muted">{`${retryText(connection, seconds)} · q quits`}</Tone>
		</Box>
	);
}
