/**
 * Makes untrusted text (container logs) safe to draw: colour and style
 * sequences (SGR, `ESC [ ... m`) are kept, every other escape or control
 * sequence (cursor moves, screen clears, title changes, bells) is removed, so
 * a log line can never move the cursor or clear dockdeck's screen.
 */

/* eslint-disable no-control-regex -- matching control characters is this module's job */
// CSI: ESC [ params intermediates final. OSC: ESC ] ... (BEL | ESC \). DCS, PM, APC: ESC P/^/_ ... ESC \.
// Any other escape: ESC, intermediates, a final byte (ESC c resets the terminal, ESC 7/8 move the
// cursor, ESC ( 0 switches to line drawing); a lone ESC at the end goes too.
const escapeSequence = /\u001B(?:\[([0-?]*)[ -/]*([@-~])|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[P^_][^\u001B]*(?:\u001B\\)?|[ -/]*[0-~]?)|\u009B[0-?]*[ -/]*[@-~]/g;
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

/** A colour sequence, the only escape left when tabs are expanded: it takes no column. */
const colourAt = /\u001B\[[0-?]*[ -/]*m/y;

function expandTabs(text: string, tabWidth: number): string {
	let column = 0;
	let result = '';
	for (let index = 0; index < text.length; index++) {
		const character = text[index] as string;
		if (character === '\u001B') {
			colourAt.lastIndex = index;
			const colour = colourAt.exec(text)?.[0] ?? character;
			result += colour;
			index += colour.length - 1;
		} else if (character === '\t') {
			const spaces = tabWidth - (column % tabWidth);
			result += ' '.repeat(spaces);
			column += spaces;
		} else {
			result += character;
			column++;
		}
	}
	return result;
}
