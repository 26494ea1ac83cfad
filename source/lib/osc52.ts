/**
 * The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
 * It travels inside the terminal stream, so it works over ssh. Inside tmux it
 * is also wrapped in tmux's passthrough (DCS tmux;), for tmux set-ups where
 * set-clipboard does not take it directly.
 */
export function osc52(text: string, insideTmux: boolean): string {
	const sequence = `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
	if (!insideTmux) return sequence;
	return `${sequence}\u001BPtmux;${sequence.replaceAll('\u001B', '\u001B\u001B')}\u001B\\`;
}
