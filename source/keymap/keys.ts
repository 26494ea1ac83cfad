/**
 * Key names: Ink's (input, key) pair -> the strings the key table uses
 * ("j", "G", "ctrl+k", "enter", "pagedown", "shift+tab", "space").
 */
export interface InkKey {
	upArrow: boolean;
	downArrow: boolean;
	leftArrow: boolean;
	rightArrow: boolean;
	pageDown: boolean;
	pageUp: boolean;
	home: boolean;
	end: boolean;
	return: boolean;
	escape: boolean;
	ctrl: boolean;
	shift: boolean;
	tab: boolean;
	backspace: boolean;
	delete: boolean;
	meta: boolean;
}

/** A key with no modifier or special key: plain characters (as the rest of a burst is). */
export const plainKey: InkKey = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
};

const named: [keyof InkKey, string][] = [
	['upArrow', 'up'],
	['downArrow', 'down'],
	['leftArrow', 'left'],
	['rightArrow', 'right'],
	['pageDown', 'pagedown'],
	['pageUp', 'pageup'],
	['home', 'home'],
	['end', 'end'],
	['return', 'enter'],
	['escape', 'escape'],
	['backspace', 'backspace'],
	['delete', 'delete'],
];

/**
 * Several keys typed in one burst arrive as one input string ("jjj"): each
 * character is its own key press, in order.
 */
export function keyNames(input: string, key: InkKey): string[] {
	if (key.tab) return [key.shift ? 'shift+tab' : 'tab'];
	for (const [flag, name] of named) {
		if (key[flag]) return [key.ctrl ? `ctrl+${name}` : name];
	}
	if (key.ctrl && input.length > 0) return [`ctrl+${input.toLowerCase()}`];
	const names: string[] = [];
	for (const character of input) {
		if (character === ' ') names.push('space');
		else if (character === '\r' || character === '\n') names.push('enter');
		else if (character === '\t') names.push('tab');
		else if (character >= ' ') names.push(key.meta ? `meta+${character}` : character);
	}
	return names;
}

/** How a key is written in the footer, help screen and README. */
export function displayKey(name: string): string {
	const special: Record<string, string> = {
		up: '↑',
		down: '↓',
		left: '←',
		right: '→',
		pagedown: 'PgDn',
		pageup: 'PgUp',
		home: 'Home',
		end: 'End',
		enter: 'Enter',
		escape: 'Esc',
		space: 'Space',
		tab: 'Tab',
		'shift+tab': 'Shift+Tab',
	};
	if (special[name]) return special[name];
	if (name.startsWith('ctrl+')) return `ctrl+${name.slice(5)}`;
	return name;
}
