/**
 * Makes untrusted text (container logs) safe to draw: colour and style
 * sequences (SGR, `ESC [ ... m`) are kept, every other escape or control
 * sequence (cursor moves, screen clears, title changes, bells) is removed, so
 * a log line can never move the cursor or clear dockdeck's screen.
 */

/* eslint-disable no-control-regex -- matching control characters is this module's job */
// CSI: ESC [ params intermediates final. OSC: ESC ] ... (BEL | ESC \). Other ESC x pairs.
const escapeSequence = /\u001B(?:\[([0-?]*)[ -/]*([@-~])|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[P^_][^\u001B]*(?:\u001B\\)?|[@-Z\\-_])|\u009B[0-?]*[ -/]*[@-~]/g;
// C0 controls except tab, and DEL; C1 controls.
const controlCharacter = /[\u0000-\u0008\u000A-\u001A\u001C-\u001F\u007F\u0080-\u009A\u009C-\u009F]/g;

export function sanitizeAnsi(text: string, tabWidth = 4): string {
	const kept = text.replace(escapeSequence, (sequence, _params: string | undefined, final: string | undefined) => (final === 'm' && sequence.startsWith('\u001B[') ? sequence : ''));
	const withoutControls = kept.replace(controlCharacter, '');
	return withoutControls.includes('\t') ? expandTabs(withoutControls, tabWidth) : withoutControls;
}

/** Removes every escape sequence, for searching and saving plain text. */
export function stripAnsi(text: string): string {
	return text.replace(escapeSequence, '');
}

function expandTabs(text: string, tabWidth: number): string {
	let column = 0;
	let result = '';
	for (const character of text) {
		if (character === '\t') {
			const spaces = tabWidth - (column % tabWidth);
			result += ' '.repeat(spaces);
			column += spaces;
		} else {
			result += character;
			if (character !== '\u001B') column++;
		}
	}
	return result;
}
