import {useApp, useStdin, useStdout} from 'ink';
import {useCallback} from 'react';
import type {TerminalIo} from '../../engine/exec.js';

/**
 * Hands the whole terminal to `run` (a shell, an attach) with Ink's suspend:
 * Ink stops drawing and reading keys, leaves the alternate screen, and when
 * `run` settles it restores its modes and repaints from scratch.
 */
export function useHandOver(): <T>(banner: string, run: (io: TerminalIo) => Promise<T>) => Promise<T> {
	const {suspendTerminal} = useApp();
	const {stdin} = useStdin();
	const {stdout} = useStdout();
	return useCallback(
		async <T,>(banner: string, run: (io: TerminalIo) => Promise<T>): Promise<T> => {
			let result: T | undefined;
			await suspendTerminal(async () => {
				stdout.write(`\r\n${banner}\r\n`);
				result = await run({input: stdin as NodeJS.ReadStream, output: stdout as NodeJS.WriteStream});
			});
			return result as T;
		},
		[suspendTerminal, stdin, stdout],
	);
}
