import chalk, {foregroundColorNames, type ChalkInstance} from 'chalk';
import type {Theme, Token, TokenStyle} from './tokens.js';

const ansi256 = /^ansi256\((\d{1,3})\)$/;

function colourer(base: ChalkInstance, colour: string, background: boolean): ChalkInstance {
	if ((foregroundColorNames as readonly string[]).includes(colour)) {
		const name = background ? `bg${colour[0]?.toUpperCase()}${colour.slice(1)}` : colour;
		return (base as unknown as Record<string, ChalkInstance>)[name] ?? base;
	}
	if (colour.startsWith('#')) return background ? base.bgHex(colour) : base.hex(colour);
	const match = ansi256.exec(colour);
	if (match) return background ? base.bgAnsi256(Number(match[1])) : base.ansi256(Number(match[1]));
	return base;
}

/** The chalk chain for a token style: the same styles Ink's <Text> props give. */
export function painterFor(style: TokenStyle): (text: string) => string {
	let painter: ChalkInstance = chalk;
	if (style.color) painter = colourer(painter, style.color, false);
	if (style.backgroundColor) painter = colourer(painter, style.backgroundColor, true);
	if (style.bold) painter = painter.bold;
	if (style.dim) painter = painter.dim;
	if (style.italic) painter = painter.italic;
	if (style.underline) painter = painter.underline;
	if (style.inverse) painter = painter.inverse;
	const chain = painter;
	return painter === chalk ? text => text : text => chain(text);
}

const cache = new WeakMap<Theme, Map<Token, (text: string) => string>>();

/**
 * Text painted in a token's style, as one ANSI string. The table draws each
 * row as one such string rather than a <Text> per cell: a tenth of the React
 * and Ink work per frame for the same output.
 */
export function paint(theme: Theme, token: Token | undefined, text: string): string {
	if (!token || text === '') return text;
	let painters = cache.get(theme);
	if (!painters) {
		painters = new Map();
		cache.set(theme, painters);
	}
	let painter = painters.get(token);
	if (!painter) {
		painter = painterFor(theme.tokens[token]);
		painters.set(token, painter);
	}
	return painter(text);
}
