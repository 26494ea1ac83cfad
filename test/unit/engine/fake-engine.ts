// A tiny stand-in for dockerd on a unix socket in a temp folder: enough HTTP
// to check which paths and versions the client sends, and how it reads
// answers and errors. Not a test file itself (no .test suffix).

import {mkdtempSync, rmSync} from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

export interface FakeEngineOptions {
	/** API-Version header on /_ping; undefined sends none. */
	pingVersion?: string;
	/** ApiVersion in GET /version; undefined gives 404. */
	versionApi?: string;
	/** Extra routes by "METHOD /path-without-version". */
	routes?: Record<string, (request: http.IncomingMessage, response: http.ServerResponse) => void>;
}

export interface FakeEngine {
	socketPath: string;
	dir: string;
	/** Raw request paths received, in order, e.g. "/v1.41/containers/json?all=1". */
	requests: string[];
	close(): Promise<void>;
}

export async function startFakeEngine(options: FakeEngineOptions = {}): Promise<FakeEngine> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'dockdeck-fake-engine-'));
	const socketPath = path.join(dir, 'docker.sock');
	const requests: string[] = [];
	const server = http.createServer((request, response) => {
		const url = request.url ?? '/';
		requests.push(url);
		const bare = url.replace(/^\/v\d+\.\d+/, '').replace(/\?.*$/, '');
		const route = options.routes?.[`${request.method ?? 'GET'} ${bare}`];
		if (route !== undefined) {
			route(request, response);
			return;
		}

		if (bare === '/_ping') {
			response.writeHead(200, {'Content-Type': 'text/plain', ...(options.pingVersion === undefined ? {} : {'API-Version': options.pingVersion})});
			response.end('OK');
			return;
		}

		if (bare === '/version' && options.versionApi !== undefined) {
			sendJson(response, 200, {Version: '99.0.0-fake', ApiVersion: options.versionApi, MinAPIVersion: '1.24'});
			return;
		}

		if (bare === '/containers/json') {
			sendJson(response, 200, [{Id: 'c0ffee', Names: ['/fake'], State: 'running'}]);
			return;
		}

		sendJson(response, 404, {message: `page not found: ${url}`});
	});
	await new Promise<void>((resolve) => server.listen(socketPath, resolve));
	return {
		socketPath,
		dir,
		requests,
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			rmSync(dir, {recursive: true, force: true});
		},
	};
}

export function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, {'Content-Type': 'application/json'});
	response.end(JSON.stringify(body));
}
