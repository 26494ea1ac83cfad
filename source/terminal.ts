/**
 * Last-resort terminal restore: leave the alternate screen, show the cursor,
 * reset colours, leave raw mode. Ink's own unmount does this on a clean exit;
 * this covers a crash or a signal that arrives before or during unmount.
 * Every step may fail (a dropped ssh session closes the tty): never throw.
 */
export function restoreTerminal(): void {
	try {
		if (process.stdin.isTTY) process.stdin.setRawMode(false);
	} catch {
		// the tty is gone
	}
	try {
		if (process.stdout.isTTY) process.stdout.write('\u001B[?1049l\u001B[?25h\u001B[0m\u001B[?2004l');
	} catch {
		// the tty is gone
	}
}

/** The message for stdin or stdout not being a terminal, with the fix. */
export function notATerminalMessage(): string {
	const which = !process.stdin.isTTY ? 'standard input is' : 'standard output is';
	return `dockdeck: ${which} not a terminal. dockdeck is a full-screen program: run it in a terminal; over ssh use "ssh -t host dockdeck" so ssh allocates one; do not pipe into or out of it.`;
}
