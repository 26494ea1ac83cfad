import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import type {KeyBinding} from '../../../source/keymap/commands.js';
import {commandFor, validateKeyTable} from '../../../source/keymap/dispatch.js';
import {keyTableMarkdown} from '../../../source/keymap/key-docs.js';
import {keyTable} from '../../../source/keymap/key-table.js';
import {keyNames, type InkKey} from '../../../source/keymap/keys.js';
import {readmeKeySection} from '../../../source/keymap/readme-keys.js';

const noKey: InkKey = {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false};

describe('the key table', () => {
	it('has no duplicate key in a scope and a description for every command', () => {
		assert.deepEqual(validateKeyTable(keyTable), []);
	});
	it('catches a duplicate key and a missing description', () => {
		const broken: KeyBinding[] = [
			{command: 'cursor.down', keys: ['j'], scope: 'navigation', group: 'x', description: 'down'},
			{command: 'cursor.up', keys: ['j'], scope: 'navigation', group: 'x', description: ' '},
		];
		const problems = validateKeyTable(broken);
		assert.ok(problems.some(problem => problem.includes('bound twice')));
		assert.ok(problems.some(problem => problem.includes('no description')));
	});
	it('marks every remove, kill and prune as dangerous', () => {
		for (const row of keyTable) {
			if (/remove|kill|prune|drain|rollback/.test(row.command)) assert.equal(row.dangerous, true, `${row.command} must be dangerous`);
		}
	});
	it('resolves the most specific scope first', () => {
		assert.equal(commandFor(keyTable, ['resource.containers', 'list', 'navigation', 'global'], 's'), 'action.container.stop');
		assert.equal(commandFor(keyTable, ['confirm'], 'q'), 'confirm.no');
		assert.equal(commandFor(keyTable, ['resource.containers', 'list', 'navigation', 'global'], 'q'), 'app.back');
		assert.equal(commandFor(keyTable, ['resource.containers', 'list', 'navigation', 'global'], 'S'), 'sort.containers.state');
		assert.equal(commandFor(keyTable, ['global'], '1'), 'pane.containers');
		assert.equal(commandFor(keyTable, ['global'], 'z'), undefined);
	});
	it('keeps the README key section in step with the table (npm run docs:keys regenerates it)', () => {
		const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
		assert.equal(readmeKeySection(readme), keyTableMarkdown(keyTable).trim());
	});
});

describe('keyNames', () => {
	it('splits a burst of typed keys into single presses', () => {
		assert.deepEqual(keyNames('jjk', noKey), ['j', 'j', 'k']);
		assert.deepEqual(keyNames('G', {...noKey, shift: true}), ['G']);
		assert.deepEqual(keyNames(' ', noKey), ['space']);
		assert.deepEqual(keyNames('\t\tx', noKey), ['tab', 'tab', 'x'], 'a burst of tabs is one tab each');
	});
	it('names special and control keys', () => {
		assert.deepEqual(keyNames('', {...noKey, downArrow: true}), ['down']);
		assert.deepEqual(keyNames('k', {...noKey, ctrl: true}), ['ctrl+k']);
		assert.deepEqual(keyNames('', {...noKey, tab: true, shift: true}), ['shift+tab']);
		assert.deepEqual(keyNames('\r', {...noKey, return: true}), ['enter']);
		assert.deepEqual(keyNames('', {...noKey, escape: true}), ['escape']);
	});
});
