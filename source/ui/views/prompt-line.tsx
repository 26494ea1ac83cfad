import {Text} from 'ink';
import TextInput from 'ink-text-input';
import {Tone} from '../components/tone.js';

/** A question an action asks before it runs (a command to exec, a replica count). */
export interface AskRequest {
	question: string;
	placeholder?: string;
	initial?: string;
	secret?: boolean;
	/** A clear message when the text cannot be used; undefined when it can. */
	validate(text: string): string | undefined;
	onSubmit(text: string): void;
}

export interface PromptState {
	kind: 'filter' | 'command' | 'ask';
	value: string;
	error?: string;
	ask?: AskRequest;
}

const ignore = () => {};

const placeholders = {filter: 'text, /regex/, !text', command: 'containers, help, quit'};

/**
 * The one-line input for `/` filters, `:` commands and actions' questions.
 * Drawn here; the keys are handled by the screen (see prompt-editing.ts for
 * why), so the text input is shown without focus and the cursor drawn after it.
 */
export function PromptLine({prompt}: {prompt: PromptState}) {
	const ask = prompt.kind === 'ask' ? prompt.ask : undefined;
	const lead = ask ? `${ask.question}: ` : prompt.kind === 'filter' ? '/' : ':';
	// The reason a value was refused takes the placeholder's room: the line is one row.
	const placeholder = prompt.error ? '' : ask ? (ask.placeholder ?? '') : placeholders[prompt.kind === 'filter' ? 'filter' : 'command'];
	return (
		<Text wrap="truncate-end">
			<Tone token="key">{lead}</Tone>
			{prompt.value === '' ? <Text inverse> </Text> : null}
			<TextInput value={prompt.value} onChange={ignore} focus={false} showCursor={false} placeholder={placeholder} mask={ask?.secret ? '•' : undefined} />
			{prompt.value === '' ? null : <Text inverse> </Text>}
			{prompt.error ? <Tone token="message.error">{`  ${prompt.error}`}</Tone> : null}
		</Text>
	);
}
