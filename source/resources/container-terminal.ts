import type {EngineSession} from '../engine/client.js';
import {attachInteractive, autoShell, execInteractive, type TerminalIo} from '../engine/exec.js';
import type {ContainerSummary} from '../engine/types.js';
import {splitShellWords} from '../lib/shell-words.js';
import type {ActionDef} from './descriptor.js';

/** The last non-empty line a failed session printed: the runtime's own words. */
function lastLine(text: string): string {
	const lines = text.replace(/\r/g, '').split('\n').map(line => line.trim()).filter(Boolean);
	return lines.at(-1) ?? '';
}

/** Exec a shell (bash, else sh) and attach: both hand the terminal to the container. */
export const containerTerminalActions: readonly ActionDef<ContainerSummary>[] = [
	{
		id: 'container.exec',
		keys: ['e'],
		description: 'open a shell in the container (bash, else sh); exit returns to dockdeck',
		hint: 'shell',
		plan: item =>
			item.state !== 'running'
				? {refused: `${item.name} is ${item.state}: a shell needs a running container (u starts it)`}
				: {
						handOver: true,
						banner: `dockdeck: shell in ${item.name} (bash, else sh). Type exit to come back.`,
						run: async (session: EngineSession, io: TerminalIo) => {
							const result = await execInteractive(session.docker, item.id, autoShell, io);
							// 126: found but not executable, 127: not found - the image has no /bin/sh.
							if (result.exitCode === 126 || result.exitCode === 127) {
								return {ok: false, message: `no shell in ${item.name}: ${lastLine(result.lastOutput) || `exit code ${result.exitCode}`}`};
							}
							return {ok: true, message: `shell in ${item.name} ended (exit code ${result.exitCode ?? '?'})`};
						},
					},
	},
	{
		id: 'container.execCommand',
		keys: ['E'],
		description: 'run a typed command in the container with a TTY (quotes as in a shell, no expansion); its output stays until a key',
		plan: item =>
			item.state !== 'running'
				? {refused: `${item.name} is ${item.state}: exec needs a running container (u starts it)`}
				: {
						ask: {
							question: `command to run in ${item.name}`,
							placeholder: 'e.g. ls -la /   or   sh -c "ps | grep nginx"',
							validate: text => {
								const split = splitShellWords(text.trim());
								if ('error' in split) return `cannot read the command: ${split.error}`;
								return split.words.length === 0 ? 'type a command, e.g. ls -la /' : undefined;
							},
						},
						answer: text => {
							const split = splitShellWords(text.trim());
							const words = 'words' in split ? split.words : [];
							const shown = text.trim();
							return {
								handOver: true,
								waitForKey: true,
								banner: `dockdeck: ${shown} in ${item.name}`,
								run: async (session: EngineSession, io: TerminalIo) => {
									const result = await execInteractive(session.docker, item.id, words, io);
									if (result.exitCode === 126 || result.exitCode === 127) {
										return {ok: false, message: `${words[0] ?? ''} could not run in ${item.name}: ${lastLine(result.lastOutput) || `exit code ${result.exitCode}`}`};
									}
									const ok = result.exitCode === 0;
									return {ok, message: `${shown} in ${item.name} exited with code ${result.exitCode ?? '?'}`};
								},
							};
						},
					},
	},
	{
		id: 'container.attach',
		keys: ['a'],
		description: 'attach to the main process (detach with ctrl-p ctrl-q, which leaves it running)',
		hint: 'attach',
		plan: item =>
			item.state !== 'running'
				? {refused: `${item.name} is ${item.state}: only a running container can be attached to`}
				: {
						handOver: true,
						banner: `dockdeck: attached to ${item.name}. Detach with ctrl-p ctrl-q (ctrl-c would go to the container).`,
						run: async (session: EngineSession, io: TerminalIo) => {
							await attachInteractive(session.docker, item.id, io);
							return {ok: true, message: `detached from ${item.name}`};
						},
					},
	},
];
