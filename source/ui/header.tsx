import {Text} from 'ink';
import type {EngineInfo} from '../engine/types.js';
import type {ResourceDescriptor} from '../resources/descriptor.js';
import {Tone} from './components/tone.js';

/** One line: product, the pane tabs with their number keys, then endpoint and engine version (cut first on a narrow terminal). */
export function Header({endpointLabel, info, resources, activeKind}: {endpointLabel: string; info?: EngineInfo; resources: readonly ResourceDescriptor[]; activeKind: string}) {
	return (
		<Text wrap="truncate-end">
			<Tone token="accent">dockdeck</Tone>
			<Tone token="muted"> </Tone>
			{resources.slice(0, 9).map((resource, index) => (
				<Tone key={resource.kind} token={resource.kind === activeKind ? 'tab.active' : 'tab.inactive'}>
					{`${index === 0 ? '' : ' '}${index + 1}:${resource.title}`}
				</Tone>
			))}
			<Tone token="muted">{` · ${endpointLabel}`}</Tone>
			{info ? <Tone token="muted">{` · engine ${info.serverVersion} (API ${info.apiVersion})`}</Tone> : null}
		</Text>
	);
}
