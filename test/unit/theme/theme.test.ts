import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {availableThemes, chooseThemeName, loadTheme, themesDir} from '../../../source/theme/load-theme.js';
import {themeJsonSchema} from '../../../source/theme/schema.js';
import {tokenNames} from '../../../source/theme/tokens.js';

describe('themes', () => {
	it('ships dark, light, high-contrast and no-color, all valid', () => {
		assert.deepEqual(availableThemes(), ['dark', 'high-contrast', 'light', 'no-color']);
		for (const name of availableThemes()) {
			const theme = loadTheme(name);
			assert.equal(theme.name, name);
			assert.deepEqual(Object.keys(theme.tokens).sort(), [...tokenNames].sort());
		}
	});
	it('no-color names no colour at all', () => {
		const theme = loadTheme('no-color');
		for (const style of Object.values(theme.tokens)) {
			assert.equal(style.color, undefined);
			assert.equal(style.backgroundColor, undefined);
		}
	});
	it('light overrides the dark hues that are unreadable on white', () => {
		assert.notEqual(loadTheme('light').tokens['status.paused'].color, 'yellow');
	});
	it('chooses NO_COLOR unless a theme is given', () => {
		assert.equal(chooseThemeName(undefined, {NO_COLOR: '1'}), 'no-color');
		assert.equal(chooseThemeName('light', {NO_COLOR: '1'}), 'light');
		assert.equal(chooseThemeName(undefined, {NO_COLOR: ''}), 'dark');
	});
	it('rejects an unknown theme and an invalid file with clear messages', () => {
		assert.throws(() => loadTheme('solarized'), /unknown theme "solarized": choose one of dark, high-contrast, light, no-color/);
		const dir = mkdtempSync(join(tmpdir(), 'dockdeck-theme-'));
		try {
			const path = join(dir, 'bad.json');
			writeFileSync(path, JSON.stringify({name: 'bad', tokens: {'status.running': {color: 'not a colour!'}, nonsense: {}}}));
			assert.throws(() => loadTheme(path), /tokens.status.running.color: a colour is a name/);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
	it('keeps themes/schema.json in step with the schema (npm run docs:keys regenerates it)', () => {
		const onDisk = JSON.parse(readFileSync(join(themesDir, 'schema.json'), 'utf8'));
		assert.deepEqual(onDisk, JSON.parse(JSON.stringify(themeJsonSchema())));
	});
});
