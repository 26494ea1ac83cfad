import type * as FsPromises from 'node:fs/promises';
import {join} from 'node:path';
import type {LogLine} from '../engine/logs.js';
import {stripAnsi} from '../lib/ansi.js';
import {lazyBuiltin} from '../lib/lazy-builtin.js';

const fsPromises = lazyBuiltin<typeof FsPromises>('node:fs/promises');

/** A file name safe on every filesystem: "logs of web-1" -> "dockdeck-logs-of-web-1-20261122-230405.log". */
export function logFileName(title: string, now = new Date()): string {
	const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
	const slug = title.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
	return `dockdeck-${slug}-${stamp}.log`;
}

/** One line of a saved file: ISO time, stream, source, plain text (colours removed). */
export function formatSavedLine(line: LogLine): string {
	const time = line.time === undefined ? '-' : new Date(line.time).toISOString();
	const source = line.source ? ` ${line.source}` : '';
	return `${time} ${line.stream}${source} ${stripAnsi(line.text)}`;
}

/** Writes the lines to `dir` (the working directory by default) and returns the path. */
export async function saveLogLines(lines: readonly LogLine[], title: string, dir = process.cwd()): Promise<string> {
	const path = join(dir, logFileName(title));
	await fsPromises().writeFile(path, lines.map(formatSavedLine).join('\n') + (lines.length > 0 ? '\n' : ''), {flag: 'wx'});
	return path;
}
