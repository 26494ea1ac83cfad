import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {plainKey as noKey} from '../../../source/keymap/keys.js';
import {editPrompt} from '../../../source/ui/prompt-editing.js';


describe('editPrompt', () => {
	it('hands back the keys typed after Enter in the same read ("zzz" Enter "f")', () => {
		assert.deepEqual(editPrompt('', 'zzz\rf', noKey), {value: 'zzz', submit: true, rest: 'f'});
		assert.deepEqual(editPrompt('web', '\r', noKey), {value: 'web', submit: true});
	});
	it('appends what is typed, a burst at once', () => {
		assert.deepEqual(editPrompt('we', 'b-1', noKey), {value: 'web-1', submit: false});
	});
	it('deletes once per backspace, also when several arrive in one read', () => {
		assert.deepEqual(editPrompt('abc', '\u007F\u007F\u007F5', noKey), {value: '5', submit: false});
		assert.deepEqual(editPrompt('abc', '', {...noKey, delete: true}), {value: 'ab', submit: false});
		assert.deepEqual(editPrompt('', '\u007F', {...noKey, backspace: true}), {value: '', submit: false});
	});
	it('submits on Enter, also inside a burst, and cancels on Esc', () => {
		assert.deepEqual(editPrompt('web', '', {...noKey, return: true}), {value: 'web', submit: true});
		assert.deepEqual(editPrompt('', 'web\rs', noKey), {value: 'web', submit: true, rest: 's'});
		assert.deepEqual(editPrompt('web', '', {...noKey, escape: true}), {cancel: true});
	});
	it('clears with ctrl+u, deletes a word with ctrl+w, ignores other control keys', () => {
		assert.deepEqual(editPrompt('sh -c ls', 'u', {...noKey, ctrl: true}), {value: '', submit: false});
		assert.deepEqual(editPrompt('sh -c ls', 'w', {...noKey, ctrl: true}), {value: 'sh -c', submit: false});
		assert.equal(editPrompt('x', 'k', {...noKey, ctrl: true}), undefined);
		assert.equal(editPrompt('x', '', {...noKey, upArrow: true}), undefined);
	});
});

describe('tailThatFits', () => {
	it('keeps a value that fits, and shows the end of one that does not', async () => {
		const {tailThatFits} = await import('../../../source/ui/views/prompt-line.js');
		assert.equal(tailThatFits('short', 10), 'short');
		assert.equal(tailThatFits('image=busybox order=stop-first', 12), '…=stop-first', 'the end, in exactly the room');
	});
});
