/**
 * Shared pieces of the end-to-end tests: the engine from DOCKDECK_TEST_HOST,
 * the docker CLI against it, and dockdeck started as a user starts it.
 */
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {TmuxTerminal} from './tmux-terminal.js';

const execFileAsync = promisify(execFile);
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const bin = path.join(root, 'bin', 'dockdeck.js');

export function requireHost(): string {
	const host = process.env['DOCKDECK_TEST_HOST'];
	if (!host) {
		throw new Error(
			'DOCKDECK_TEST_HOST is not set: the end-to-end tests need a real engine. Start one with ' +
				'`eval "$(DOCKDECK_ENGINE_DIR=/tmp/dd-e2e bash test/engine/harness.sh up)"` and run them with DOCKDECK_TEST_HOST=$DOCKER_HOST.',
		);
	}
	return host;
}

export function requireBuild(): void {
	if (!existsSync(path.join(root, 'dist', 'bundle', 'dockdeck.js'))) throw new Error('dockdeck is not built: run npm run build first');
}

export async function docker(host: string, ...args: string[]): Promise<string> {
	const env: NodeJS.ProcessEnv = {...process.env, DOCKER_CLI_HINTS: 'false'};
	delete env['DOCKER_HOST'];
	delete env['DOCKER_CONTEXT'];
	const {stdout} = await execFileAsync('docker', ['-H', host, ...args], {env, encoding: 'utf8'});
	return stdout.trim();
}

export async function removeLabelled(host: string, label: string): Promise<void> {
	const ids = (await docker(host, 'ps', '-aq', '--filter', `label=${label}`)).split('\n').filter(Boolean);
	if (ids.length > 0) await docker(host, 'rm', '-f', ...ids);
}

/** The shim run as a program, as a user runs it (its shebang sets the memory flags), Node 22 first on PATH. */
export function startDockdeck(host: string, columns: number, rows: number): TmuxTerminal {
	return TmuxTerminal.start({
		command: [bin, '-H', host],
		// The engine comes from -H only; colours as a user would see them.
		env: {DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined, NO_COLOR: undefined, PATH: `${path.dirname(process.execPath)}:${process.env['PATH'] ?? ''}`},
		cwd: root,
		columns,
		rows,
	});
}
