import {Text} from 'ink';
import TextInput from 'ink-text-input';
import {Tone} from '../components/tone.js';

export interface PromptState {
	kind: 'filter' | 'command';
	value: string;
	error?: string;
}

/** The one-line input for `/` filters and `:` commands. Enter and Esc are handled by the screen. */
export function PromptLine({prompt, onChange, onSubmit}: {prompt: PromptState; onChange(value: string): void; onSubmit(value: string): void}) {
	return (
		<Text wrap="truncate-end">
			<Tone token="key">{prompt.kind === 'filter' ? '/' : ':'}</Tone>
			<TextInput value={prompt.value} onChange={onChange} onSubmit={onSubmit} placeholder={prompt.kind === 'filter' ? 'text, /regex/, !text' : 'containers, help, quit'} />
			{prompt.error ? <Tone token="message.error">{`  ${prompt.error}`}</Tone> : null}
		</Text>
	);
}
