import {Text} from 'ink';
import TextInput from 'ink-text-input';
import {displayWidth} from '../../lib/text-width.js';
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

/**
 * The end of a value too long for its line, after a "…": typing happens at
 * the end (the update form's line is longer than most terminals), so the end
 * is what must stay in view.
 */
export function tailThatFits(value: string, room: number): string {
	if (displayWidth(value) <= room) return value;
	const characters = [...value];
	let tail = '';
	for (let index = characters.length - 1; index >= 0 && displayWidth(`…${characters[index] ?? ''}${tail}`) <= Math.max(2, room); index--) tail = `${characters[index] ?? ''}${tail}`;
	return `…${tail}`;
}

const placeholders = {filter: 'text, /regex/, !text', command: 'containers, help, quit'};

/**
 * The one-line input for `/` filters, `:` commands and actions' questions.
 * Drawn here; the keys are handled by the screen (see prompt-editing.ts for
 * why), so the text input is shown without focus and the cursor drawn after it.
 */
export function PromptLine({prompt, width}: {prompt: PromptState; width: number}) {
	const ask = prompt.kind === 'ask' ? prompt.ask : undefined;
	const lead = ask ? `${ask.question}: ` : prompt.kind === 'filter' ? '/' : ':';
	const error = prompt.error ? `  ${prompt.error}` : '';
	const shown = tailThatFits(prompt.value, width - displayWidth(lead) - 1 - displayWidth(error));
	// The reason a value was refused takes the placeholder's room: the line is one row.
	const placeholder = prompt.error ? '' : ask ? (ask.placeholder ?? '') : placeholders[prompt.kind === 'filter' ? 'filter' : 'command'];
	return (
		<Text wrap="truncate-end">
			<Tone token="key">{lead}</Tone>
			{prompt.value === '' ? <Text inverse> </Text> : null}
			<TextInput value={shown} onChange={ignore} focus={false} showCursor={false} placeholder={placeholder} mask={ask?.secret ? '•' : undefined} />
			{prompt.value === '' ? null : <Text inverse> </Text>}
			{error ? <Tone token="message.error">{error}</Tone> : null}
		</Text>
	);
}
