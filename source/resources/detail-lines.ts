/** Line builders the detail views of images, volumes, networks, projects and the system share. */
import type {Line, Token} from '../theme/tokens.js';

/** "Label           value": a muted label column, then the value ("-" when empty). */
export function field(label: string, value: string, tone?: Token): Line {
	return [{text: label.padEnd(16), tone: 'muted'}, {text: value || '-', tone}];
}

export function heading(text: string): Line {
	return [{text, tone: 'title'}];
}

export function note(text: string): Line {
	return [{text, tone: 'muted'}];
}

/** key=value lines, sorted by key, or one muted line saying there are none. */
export function keyValueLines(entries: Record<string, string>, none: string): Line[] {
	const sorted = Object.entries(entries).sort(([a], [b]) => a.localeCompare(b));
	if (sorted.length === 0) return [note(none)];
	return sorted.map(([key, value]) => [{text: key, tone: 'accent'}, {text: '='}, {text: value}]);
}

/** The engine's own JSON, pretty-printed, one line per line: the "Raw JSON" tab. */
export function jsonLines(value: unknown): Line[] {
	return JSON.stringify(value, null, 2)
		.split('\n')
		.map(text => [{text}]);
}
