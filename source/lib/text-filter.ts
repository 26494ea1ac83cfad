/**
 * The `/` filter language shared by every list and (later) the log search:
 * plain text matches as a case-insensitive substring, `/re/` (optionally
 * `/re/i`) as a regular expression, and a leading `!` inverts the match.
 */
export type TextFilter =
	| {ok: true; matches: (text: string) => boolean; describe: string}
	| {ok: false; error: string};

export function parseTextFilter(raw: string): TextFilter {
	let query = raw;
	let invert = false;
	if (query.startsWith('!')) {
		invert = true;
		query = query.slice(1);
	}

	const regexForm = /^\/(.*)\/([imsu]*)$/s.exec(query);
	let positive: (text: string) => boolean;
	let describe: string;
	if (regexForm && query.length >= 2) {
		const [, source = '', flags = ''] = regexForm;
		let pattern: RegExp;
		try {
			pattern = new RegExp(source, flags);
		} catch (error) {
			return {ok: false, error: `invalid regular expression /${source}/: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`};
		}
		positive = text => pattern.test(text);
		describe = `matching ${pattern.toString()}`;
	} else {
		const needle = query.toLowerCase();
		positive = text => text.toLowerCase().includes(needle);
		describe = `containing "${query}"`;
	}

	if (!invert) return {ok: true, matches: positive, describe};
	return {ok: true, matches: text => !positive(text), describe: `not ${describe}`};
}
