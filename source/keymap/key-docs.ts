import type {KeyBinding} from './commands.js';
import {displayKey} from './keys.js';

/** Rows grouped for the help screen and the README, in table order. */
export function groupedBindings(table: readonly KeyBinding[]): [group: string, rows: KeyBinding[]][] {
	const groups = new Map<string, KeyBinding[]>();
	for (const binding of table) {
		const rows = groups.get(binding.group) ?? [];
		rows.push(binding);
		groups.set(binding.group, rows);
	}
	return [...groups.entries()];
}

export function keysLabel(binding: KeyBinding): string {
	return binding.keys.map(displayKey).join(' / ');
}

/** The README's key section, generated from the table (a test keeps it current). */
export function keyTableMarkdown(table: readonly KeyBinding[]): string {
	const parts: string[] = [];
	for (const [group, rows] of groupedBindings(table)) {
		parts.push(`### ${group}`, '', '| Key | Does |', '| --- | --- |');
		for (const row of rows) {
			const keys = row.keys.map(key => `\`${displayKey(key).replace('|', '\\|')}\``).join(' ');
			parts.push(`| ${keys} | ${row.description}${row.dangerous ? ' (asks to confirm)' : ''} |`);
		}
		parts.push('');
	}
	return parts.join('\n');
}
