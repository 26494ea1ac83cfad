import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {themeFileSchema} from './schema.js';
import {tokenNames, type Theme, type ThemeTokens, type TokenStyle} from './tokens.js';

const here = dirname(fileURLToPath(import.meta.url));

/** themes/ at the package root: two levels up from source/theme or dist/theme, one from the dist/dockdeck.js bundle. */
export const themesDir = [join(here, '..', '..', 'themes'), join(here, '..', 'themes')].find(dir => existsSync(join(dir, 'dark.json'))) ?? join(here, '..', '..', 'themes');

export class ThemeError extends Error {}

export function availableThemes(dir = themesDir): string[] {
	return readdirSync(dir)
		.filter(file => file.endsWith('.json') && file !== 'schema.json')
		.map(file => basename(file, '.json'))
		.sort();
}

function readThemeFile(path: string) {
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new ThemeError(`cannot read theme ${path}: ${(error as Error).message}`);
	}
	const parsed = themeFileSchema.safeParse(json);
	if (!parsed.success) {
		const problems = parsed.error.issues.map(issue => `${issue.path.join('.') || '(top)'}: ${issue.message}`).join('; ');
		throw new ThemeError(`theme ${path} is not valid: ${problems}`);
	}
	return parsed.data;
}

/**
 * Loads a theme by name (a file in themes/) or by path, merged token by token
 * over the dark theme so a theme only states what differs.
 */
export function loadTheme(nameOrPath: string, dir = themesDir): Theme {
	const isPath = nameOrPath.includes('/') || nameOrPath.endsWith('.json');
	if (!isPath && !availableThemes(dir).includes(nameOrPath)) {
		throw new ThemeError(`unknown theme "${nameOrPath}": choose one of ${availableThemes(dir).join(', ')}, or give a path to a .json file`);
	}
	const base = readThemeFile(join(dir, 'dark.json'));
	const chosen = isPath ? readThemeFile(nameOrPath) : readThemeFile(join(dir, `${nameOrPath}.json`));
	const tokens = {} as Record<string, TokenStyle>;
	for (const name of tokenNames) {
		tokens[name] = {...(chosen.name === 'no-color' ? {} : base.tokens[name]), ...chosen.tokens[name]};
	}
	return {name: chosen.name, tokens: tokens as ThemeTokens};
}

/** NO_COLOR (any non-empty value) wins over the default theme, but not over an explicit --theme. */
export function chooseThemeName(flag: string | undefined, env: Record<string, string | undefined>): string {
	if (flag) return flag;
	if (env['NO_COLOR']) return 'no-color';
	return env['DOCKDECK_THEME'] || 'dark';
}
