import type {ResourceDescriptor} from '../resources/descriptor.js';

export type ColonOutcome =
	| {type: 'pane'; kind: string}
	| {type: 'help'}
	| {type: 'quit'}
	| {type: 'none'}
	| {type: 'error'; message: string};

/** `:` command mode: a pane name or alias, `help`, or `quit`/`q`. */
export function runColonCommand(raw: string, resources: readonly ResourceDescriptor[]): ColonOutcome {
	const name = raw.trim().toLowerCase();
	if (!name) return {type: 'none'};
	if (name === 'help' || name === '?') return {type: 'help'};
	if (name === 'q' || name === 'quit' || name === 'exit') return {type: 'quit'};
	const pane = resources.find(resource => resource.aliases.includes(name));
	if (pane) return {type: 'pane', kind: pane.kind};
	const known = [...resources.map(resource => resource.aliases[0]), 'help', 'quit'].map(each => `:${each}`).join(' ');
	return {type: 'error', message: `unknown command ":${raw.trim()}" — try ${known}`};
}
