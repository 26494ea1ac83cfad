import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import stringWidth from 'string-width';
import {narrowCharacterClass} from '../../../source/lib/narrow-characters.js';

describe("string-width's widened fast path (narrow characters)", () => {
	it('holds only characters string-width itself measures one cell wide', () => {
		const narrow = new RegExp(`^[${narrowCharacterClass}]$`, 'u');
		const wrong: string[] = [];
		let checked = 0;
		for (let codePoint = 0; codePoint <= 0xffff; codePoint++) {
			const character = String.fromCodePoint(codePoint);
			if (!narrow.test(character)) continue;
			checked++;
			if (stringWidth(character) !== 1) wrong.push(`U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} ${character} is ${stringWidth(character)} wide`);
		}
		assert.deepEqual(wrong, []);
		assert.ok(checked > 1000, `checked ${checked} characters`);
	});

	it('covers what dockdeck draws with', () => {
		const narrow = new RegExp(`^[${narrowCharacterClass}]*$`, 'u');
		for (const text of ['dockdeck · engine 20.10 │ 1:Containers', 'NAME↑ ID↓', 'dockdeck/bus…', '✓ ▁▂▃▄▅▆▇█', '⣿⡀', 'café naïve']) assert.ok(narrow.test(text), text);
		for (const text of ['日本', '🐳', 'e\u0301', 'a\u200Bb']) assert.ok(!narrow.test(text), text);
	});
});
