/**
 * Splits a typed command line into arguments the way a POSIX shell would for
 * plain words: whitespace separates, '...' keeps everything, "..." keeps all
 * but \" and \\, a backslash escapes the next character. No expansion: the
 * words go to the engine's exec as they are, like `docker exec c ls -la /`.
 */
export function splitShellWords(line: string): {words: string[]} | {error: string} {
	const words: string[] = [];
	let word = '';
	let inWord = false;
	let quote: "'" | '"' | undefined;
	for (let index = 0; index < line.length; index++) {
		const character = line[index] as string;
		if (quote === "'") {
			if (character === "'") quote = undefined;
			else word += character;
			continue;
		}
		if (character === '\\') {
			const next = line[index + 1];
			if (next === undefined) return {error: 'the command ends with a lone backslash'};
			if (quote === '"' && next !== '"' && next !== '\\') word += character;
			word += next;
			index++;
			inWord = true;
			continue;
		}
		if (quote === '"') {
			if (character === '"') quote = undefined;
			else word += character;
			continue;
		}
		if (character === "'" || character === '"') {
			quote = character;
			inWord = true;
		} else if (/\s/.test(character)) {
			if (inWord) words.push(word);
			word = '';
			inWord = false;
		} else {
			word += character;
			inWord = true;
		}
	}
	if (quote) return {error: `a ${quote === "'" ? 'single' : 'double'} quote is not closed`};
	if (inWord) words.push(word);
	return {words};
}
