/** What the benches share: reading a process's CPU and memory, the engine's API over its socket, a median. */
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import http from 'node:http';

const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim()) || 100;

/** CPU seconds (user + system) the process has used, from /proc/PID/stat. */
export function cpuSeconds(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// After "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

/** Resident memory of the process, MiB (VmRSS). */
export function rssMiB(pid: number): number {
	return Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN) / 1024;
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function log(message: string): void {
	process.stderr.write(`bench: ${message}\n`);
}

/**
 * One call to the Engine API on a unix socket: JSON in, JSON (or text) out.
 * Statuses of 400 and up reject with the engine's text, except those listed in `accept`.
 */
export function engineApi(socketPath: string) {
	return function api<T = unknown>(method: string, url: string, body?: unknown, accept: readonly number[] = []): Promise<T> {
		return new Promise((resolve, reject) => {
			const payload = body === undefined ? undefined : JSON.stringify(body);
			const request = http.request({socketPath, method, path: url, headers: payload ? {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload)} : {}}, response => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					const status = response.statusCode ?? 0;
					if (status >= 400 && !accept.includes(status)) reject(new Error(`${method} ${url}: ${status} ${text.trim()}`));
					else resolve((text && response.headers['content-type']?.includes('json') ? JSON.parse(text) : text) as T);
				});
			});
			request.on('error', reject);
			request.end(payload);
		});
	};
}
