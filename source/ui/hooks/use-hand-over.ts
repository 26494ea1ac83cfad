import {useApp, useStdin, useStdout} from 'ink';
import {useCallback} from 'react';
import type {TerminalIo} from '../../engine/exec.js';

/**
 * Hands the whole terminal to `run` (a shell, an attach) with Ink's suspend:
 * Ink stops drawing and reading keys, leaves the alternate screen, and when
 * `run` settles it restores its modes and repaints from scratch.
 */
/** Resolves on the next key press (raw mode, so any key). */
function nextKey(input: NodeJS.ReadStream): Promise<void> {
	const wasRaw = input.isRaw;
	input.setRawMode(true);
	input.resume();
	return new Promise(resolve =>
		input.once('data', () => {
			input.setRawMode(wasRaw);
			resolve();
		}),
	);
}

export function useHandOver(): <T>(banner: string, run: (io: TerminalIo) => Promise<T>, options?: {waitForKey?: boolean}) => Promise<T> {
	const {suspendTerminal} = useApp();
	const {stdin} = useStdin();
	const {stdout} = useStdout();
	return useCallback(
		async <T,>(banner: string, run: (io: TerminalIo) => Promise<T>, options: {waitForKey?: boolean} = {}): Promise<T> => {
			let result: T | undefined;
			await suspendTerminal(async () => {
				stdout.write(`\r\n${banner}\r\n`);
				const input = stdin as NodeJS.ReadStream;
				try {
					result = await run({input, output: stdout as NodeJS.WriteStream});
				} finally {
					if (options.waitForKey) {
						stdout.write('\r\n[dockdeck] press any key to return\r\n');
						await nextKey(input);
					}
				}
			});
			return result as T;
		},
		[suspendTerminal, stdin, stdout],
	);
}
