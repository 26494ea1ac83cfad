import type {CommandId, KeyBinding, Scope} from './commands.js';

/**
 * Finds the command bound to `key` in the active scopes, most specific
 * scope first. Undefined when the key means nothing here.
 */
export function commandFor(table: readonly KeyBinding[], scopes: readonly Scope[], key: string): CommandId | undefined {
	for (const scope of scopes) {
		const row = table.find(binding => binding.scope === scope && binding.keys.includes(key));
		if (row) return row.command;
	}
	return undefined;
}

/**
 * Rows with a footer hint: the global ones (help, back) first, so a narrow
 * terminal that cuts the footer never cuts those, then the active scopes' in order.
 */
export function hintsFor(table: readonly KeyBinding[], scopes: readonly Scope[]): KeyBinding[] {
	const ordered = [...scopes.filter(scope => scope === 'global'), ...scopes.filter(scope => scope !== 'global')];
	return ordered.flatMap(scope => table.filter(binding => binding.scope === scope && binding.hint));
}

/** Problems that make a key table wrong: duplicate keys in one scope, missing descriptions. */
export function validateKeyTable(table: readonly KeyBinding[]): string[] {
	const problems: string[] = [];
	const seen = new Map<string, string>();
	for (const binding of table) {
		if (!binding.description.trim()) problems.push(`${binding.command} has no description`);
		if (binding.keys.length === 0) problems.push(`${binding.command} has no key`);
		for (const key of binding.keys) {
			const slot = `${binding.scope} ${key}`;
			const other = seen.get(slot);
			if (other && other !== binding.command) problems.push(`key "${key}" is bound twice in scope ${binding.scope}: ${other} and ${binding.command}`);
			seen.set(slot, binding.command);
		}
	}
	return problems;
}
