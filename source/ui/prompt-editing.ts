import type {InkKey} from '../keymap/keys.js';

/** `rest`: what the same read held after Enter ("zzz" Enter "f" typed fast): keys for the screen, not the prompt. */
export type PromptEdit = {value: string; submit: boolean; rest?: string} | {cancel: true} | undefined;

function withoutLastWord(value: string): string {
	return value.replace(/\s*\S+\s*$/, '');
}

/**
 * What one read of the keyboard does to the prompt's text. The screen owns
 * the line rather than a focused text input: keys typed in the instant
 * between opening the prompt and its first frame ("/web" typed fast, a paste)
 * would otherwise reach no input and be lost, and a burst of backspaces
 * arriving in one read counted once. Backspace (and ctrl+h) deletes, ctrl+u
 * clears, ctrl+w deletes a word, Enter submits, Esc cancels; other control
 * keys do nothing.
 */
export function editPrompt(value: string, input: string, key: InkKey): PromptEdit {
	if (key.escape) return {cancel: true};
	if (key.return) return {value, submit: true};
	if (key.ctrl && input === 'u') return {value: '', submit: false};
	if (key.ctrl && input === 'w') return {value: withoutLastWord(value), submit: false};
	if (key.ctrl && input === 'h') return {value: [...value].slice(0, -1).join(''), submit: false};
	if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.tab) return undefined;
	let next = [...value];
	let sawDelete = false;
	let offset = 0;
	for (const character of input) {
		offset += character.length;
		if (character === '\u007F' || character === '\b') {
			next = next.slice(0, -1);
			sawDelete = true;
		} else if (character === '\r' || character === '\n') {
			const rest = input.slice(offset);
			return rest ? {value: next.join(''), submit: true, rest} : {value: next.join(''), submit: true};
		} else if (character >= ' ') next.push(character);
	}
	// A lone backspace may come parsed, with no character left in `input`.
	if ((key.backspace || key.delete) && !sawDelete) next = next.slice(0, -1);
	return {value: next.join(''), submit: false};
}
