import './force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import type {EngineSession} from '../../source/engine/client.js';
import {recordedEngine} from './recorded-engine.js';
import {mountApp, unmountApps} from './mount-app.js';
import {until} from './until.js';

afterEach(unmountApps);

function start(connect: () => Promise<EngineSession>, themeName = 'no-color') {
	return mountApp({connect, themeName});
}


describe('inspect view', () => {
	it('shows the summary, then env with secret-looking values masked until x', async () => {
		const {session} = recordedEngine();
		const {app, screen} = start(async () => session);
		await until(() => screen().includes('shop-db-1'), screen);
		app.stdin.write('/shop-db\r');
		await until(() => screen().includes('(1 of 7)'), screen);
		app.stdin.write('i');
		await until(() => screen().includes('Restart policy'), screen);
		assert.match(screen(), /Container shop-db-1/);
		assert.match(screen(), /Summary {2}Stats {2}Processes {2}Env {2}Mounts {2}Networks {2}Labels {2}Events {2}Raw JSON/);
		assert.match(screen(), /Compose +shop \/ db/);
		app.stdin.write('\t\t\t');
		await until(() => screen().includes('DB_PASSWORD'), screen);
		assert.match(screen(), /DB_PASSWORD=••••••••/);
		assert.ok(!screen().includes('hunter2'));
		app.stdin.write('x');
		await until(() => screen().includes('DB_PASSWORD=hunter2'), screen);
		app.stdin.write('ll');
		await until(() => screen().includes('backend'), screen);
		app.stdin.write('q');
		await until(() => screen().includes('Containers (1 of 7)'), screen);
	});

	it('opens on the Stats tab with o, with the figures docker stats shows', async () => {
		const {session} = recordedEngine();
		const {app, screen} = start(async () => session);
		await until(() => screen().includes('shop-db-1'), screen);
		app.stdin.write('/shop-db\r');
		await until(() => screen().includes('(1 of 7)'), screen);
		app.stdin.write('o');
		await until(() => /Memory +\d/.test(screen()), screen);
		assert.match(screen(), /Container shop-db-1/);
		assert.match(screen(), /PIDs +\d+/);
		assert.match(screen(), /readings held/);
	});
});

describe('help', () => {
	it('lists the keys from the key table and scrolls', async () => {
		const {session} = recordedEngine();
		const {app, screen} = start(async () => session);
		await until(() => screen().includes('sick'), screen);
		app.stdin.write('?');
		await until(() => screen().includes('Keys'), screen);
		assert.match(screen(), /\? +show every key/);
		for (let page = 0; page < 12 && !screen().includes('kill the container'); page++) {
			app.stdin.write('\u001B[6~');
			await new Promise(resolve => setTimeout(resolve, 40));
		}
		assert.match(screen(), /kill the container \(SIGKILL\) +\(asks to confirm\)/);
		app.stdin.write('G');
		await until(() => screen().includes('Configs pane'), screen);
		assert.match(screen(), /remove the config \(the engine refuses while a service uses it\)/);
	});
});

describe('command mode', () => {
	it('switches panes by alias and reports an unknown command', async () => {
		const {session} = recordedEngine();
		const {app, screen} = start(async () => session);
		await until(() => screen().includes('sick'), screen);
		app.stdin.write(':');
		await until(() => screen().includes(':containers, help, quit') || screen().split('\n').some(line => line.startsWith(':')), screen);
		app.stdin.write('nope\r');
		await until(() => screen().includes('unknown command ":nope"'), screen);
		app.stdin.write(':co\r');
		await until(() => screen().includes('Containers (7)'), screen);
	});
});

describe('no engine', () => {
	it('names the endpoint and the cause, and says it retries', async () => {
		const missing = Object.assign(new Error('connect ENOENT /run/test.sock'), {code: 'ENOENT', syscall: 'connect', address: '/run/test.sock'});
		const {screen} = start(async () => {
			throw missing;
		});
		await until(() => screen().includes('Cannot reach the Docker engine'), screen);
		assert.match(screen(), /Endpoint: unix:\/\/\/run\/test\.sock/);
		assert.match(screen(), /\/run\/test\.sock/);
		assert.match(screen(), /retrying in \d+s \(attempt 1\)/);
	});
});

describe('themes', () => {
	it('draws the light theme without error', async () => {
		const {session} = recordedEngine();
		const {screen} = start(async () => session, 'light');
		await until(() => screen().includes('sick'), screen);
		assert.match(screen(), /running unhealthy/);
	});
});
