import {homedir} from 'node:os';
import {resolveEndpoint, type Endpoint} from './engine/endpoint.js';
import {chooseThemeName} from './theme/load-theme.js';

export interface Flags {
	host?: string;
	context?: string;
	theme?: string;
	pane?: string;
}

export interface Options {
	endpoint: Endpoint;
	themeName: string;
	firstPane: string;
}

export class OptionsError extends Error {}

/** Flags + environment -> what to connect to and how to look. Pure but for the home folder. */
export function resolveOptions(flags: Flags, env: Record<string, string | undefined>, paneKinds: readonly string[], home = homedir()): Options {
	const endpoint = resolveEndpoint({host: flags.host, context: flags.context, env, homeDir: home});
	const firstPane = flags.pane ?? paneKinds[0] ?? 'containers';
	if (!paneKinds.includes(firstPane)) {
		throw new OptionsError(`unknown pane "${firstPane}": choose one of ${paneKinds.join(', ')}`);
	}
	return {endpoint, themeName: chooseThemeName(flags.theme, env), firstPane};
}
