import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {splitShellWords} from '../../../source/lib/shell-words.js';

describe('splitShellWords', () => {
	it('splits on whitespace like a shell', () => {
		assert.deepEqual(splitShellWords('  ls   -la /tmp '), {words: ['ls', '-la', '/tmp']});
	});
	it('keeps quoted text as one word, without expansion', () => {
		assert.deepEqual(splitShellWords(`sh -c "ps | grep 'x y'"`), {words: ['sh', '-c', "ps | grep 'x y'"]});
		assert.deepEqual(splitShellWords(`echo '$HOME "a"'`), {words: ['echo', '$HOME "a"']});
		assert.deepEqual(splitShellWords(`echo ""`), {words: ['echo', '']});
	});
	it('honours backslashes outside and inside double quotes', () => {
		assert.deepEqual(splitShellWords(String.raw`echo a\ b "c\"d" "e\n"`), {words: ['echo', 'a b', 'c"d', String.raw`e\n`]});
	});
	it('says what is wrong with an unfinished line', () => {
		assert.deepEqual(splitShellWords(`echo "open`), {error: 'a double quote is not closed'});
		assert.deepEqual(splitShellWords(`echo 'open`), {error: 'a single quote is not closed'});
		assert.deepEqual(splitShellWords(`echo \\`), {error: 'the command ends with a lone backslash'});
	});
	it('gives no words for an empty line', () => {
		assert.deepEqual(splitShellWords('   '), {words: []});
	});
});
