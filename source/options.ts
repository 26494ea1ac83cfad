import {homedir} from 'node:os';
import {resolveEndpoint, type Endpoint} from './engine/endpoint.js';
import {chooseThemeName} from './theme/load-theme.js';

export interface Flags {
	host?: string;
	context?: string;
	theme?: string;
	pane?: string;
	logLines?: string;
}

export interface Options {
	endpoint: Endpoint;
	themeName: string;
	firstPane: string;
	logCapacity: number;
}

export class OptionsError extends Error {}

/** Flags + environment -> what to connect to and how to look. Pure but for the home folder. */
export function resolveOptions(flags: Flags, env: Record<string, string | undefined>, paneKinds: readonly string[], home = homedir()): Options {
	const endpoint = resolveEndpoint({host: flags.host, context: flags.context, env, homeDir: home});
	const firstPane = flags.pane ?? paneKinds[0] ?? 'containers';
	if (!paneKinds.includes(firstPane)) {
		throw new OptionsError(`unknown pane "${firstPane}": choose one of ${paneKinds.join(', ')}`);
	}
	return {endpoint, themeName: chooseThemeName(flags.theme, env), firstPane, logCapacity: parseLogLines(flags.logLines)};
}

/** --log-lines: a whole number from 100 to 1 000 000; default 10 000. */
export function parseLogLines(raw: string | undefined): number {
	if (raw === undefined || raw === '') return 10_000;
	if (!/^\d+$/.test(raw.trim())) throw new OptionsError(`--log-lines takes a whole number of lines (100 to 1000000), not "${raw}"`);
	const lines = Number(raw.trim());
	if (lines < 100 || lines > 1_000_000) throw new OptionsError(`--log-lines must be from 100 to 1000000, got ${lines}`);
	return lines;
}
