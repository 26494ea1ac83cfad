import './force-color.js';
import assert from 'node:assert/strict';
import {stripVTControlCharacters} from 'node:util';
import {afterEach, describe, it} from 'node:test';
import {engineConflict, recordedEngine, type RecordedEngine} from './recorded-engine.js';
import {mountApp, typeKeys as type, unmountApps} from './mount-app.js';
import {until} from './until.js';

afterEach(unmountApps);

function start(engine: RecordedEngine = recordedEngine()) {
	return {engine, ...mountApp({connect: async () => engine.session})};
}


const settle = () => new Promise(resolve => setTimeout(resolve, 60));

/** The exact first frame at 100x24 for the recorded engine (no-color theme, so text only). */
const firstScreen = [
	'dockdeck unix:///run/test.sock · engine 20.10.24+dfsg1 (API 1.41) │ 1:Containers 2 3 4 5 6 7 8 9 0',
	'Containers (7)',
	'NAME↑            PROJECT   IMAGE         STATE             STATUS        PORTS        CPU %   MEMORY',
	'cpu-burner                 dockdeck/bus… running           Up 6 seconds                100%   324KiB',
	'finished                   dockdeck/bus… exited            Exited (3) 5…',
	'napping                    dockdeck/bus… paused            Up 4 seconds',
	'never-started              dockdeck/bus… created           Created',
	'shop-db-1        shop      dockdeck/bus… running           Up 6 seconds                0.2%   544KiB',
	'shop-web-1       shop      dockdeck/bus… running           Up 7 seconds  8080→80/tcp   0.2%   784KiB',
	'sick                       dockdeck/bus… running unhealthy Up 4 seconds                2.9%   880KiB',
	...Array.from({length: 13}, () => ''),
	'? help  q back/quit  / filter  i inspect  l logs  o stats  u start  s stop  r restart  p pause  d r…',
];

describe('containers pane (recorded engine JSON)', () => {
	it('draws the first screen: every container with state, health, project, ports and stats', async () => {
		const {screen} = start();
		// Stats arrive a moment after the list: wait for the frame to settle, then compare every line.
		await until(() => screen() === firstScreen.join('\n'), screen);
		assert.deepEqual(screen().split('\n'), firstScreen);
	});

	it('moves with j, G and g, and draws the selected row in the selection style', async () => {
		const {app, screen} = start();
		await until(() => screen().includes('sick'), screen);
		app.stdin.write('j');
		await settle();
		const selectedLine = () => (app.lastFrame() ?? '').split('\n').find(line => line.includes('\u001B[7m')) ?? '';
		assert.match(stripVTControlCharacters(selectedLine()), /^finished/);
		app.stdin.write('G');
		await settle();
		assert.match(stripVTControlCharacters(selectedLine()), /^sick/);
		app.stdin.write('gjj');
		await settle();
		assert.match(stripVTControlCharacters(selectedLine()), /^napping/, 'a burst of keys moves once per key');
	});

	it('filters live with / (substring, regex, inverted) and says how many match', async () => {
		const {app, screen} = start();
		await until(() => screen().includes('sick'), screen);
		app.stdin.write('/');
		await settle();
		app.stdin.write('shop');
		await until(() => screen().includes('Containers (2 of 7)'), screen);
		assert.ok(!screen().includes('cpu-burner'));
		assert.match(screen(), /filter: containing "shop"/);
		app.stdin.write('\r');
		await settle();
		app.stdin.write('/');
		await settle();
		await type(app, '\u007F', '\u007F', '\u007F', '\u007F', '!/^(shop|sick)/');
		await until(() => screen().includes('Containers (4 of 7)'), screen);
		app.stdin.write('\u001B');
		await until(() => screen().includes('Containers (7)'), screen);
	});

	it('says so when a regex is invalid', async () => {
		const {app, screen} = start();
		await until(() => screen().includes('sick'), screen);
		app.stdin.write('/');
		await settle();
		app.stdin.write('/(a/');
		await until(() => screen().includes('invalid regular expression'), screen);
	});

	it('stops the selected container after a confirmation that names it', async () => {
		const {app, screen, engine} = start();
		await until(() => screen().includes('sick'), screen);
		app.stdin.write('/shop-db\r');
		await until(() => screen().includes('(1 of 7)'), screen);
		app.stdin.write('s');
		await until(() => screen().includes('Stop container shop-db-1'), screen);
		assert.match(screen(), /y\/Enter stop {3}n\/Esc cancel/);
		assert.deepEqual(engine.calls, [], 'nothing happens before the confirmation');
		app.stdin.write('y');
		await until(() => screen().includes('stopped shop-db-1'), screen);
		assert.equal(engine.calls.length, 1);
		assert.match(engine.calls[0] ?? '', /^stop [0-9a-f]{64}$/);
	});

	it('marks rows with space and stops every marked one after one confirmation naming them all', async () => {
		const {app, screen, engine} = start();
		await until(() => screen().includes('sick'), screen);
		app.stdin.write('/shop\r');
		await until(() => screen().includes('(2 of 7)'), screen);
		await type(app, ' ', ' ');
		await until(() => screen().includes('2 marked'), screen);
		assert.match(screen(), /✓ shop-db-1/);
		assert.match(screen(), /✓ shop-web-1/);
		app.stdin.write('s');
		await until(() => screen().includes('2 marked containers'), screen);
		assert.match(screen().replace(/[│\s]+/g, ' '), /Stop container shop-db-1 \([0-9a-f]{12}\); Stop container shop-web-1 \([0-9a-f]{12}\)\?/);
		assert.equal(engine.calls.length, 0, 'nothing happens before the confirmation');
		app.stdin.write('y');
		await until(() => screen().includes('stop: all 2 done'), screen);
		assert.equal(engine.calls.filter(call => call.startsWith('stop ')).length, 2);
		app.stdin.write('\u001B');
		await until(() => !screen().includes('marked'), screen);
	});

	it('ctrl+g groups the rows by compose project, naming each project once, and back', async () => {
		const {app, screen} = start();
		await until(() => screen().includes('sick'), screen);
		app.stdin.write('\u0007');
		await until(() => screen().includes('grouped by project'), screen);
		const lines = screen().split('\n');
		const header = lines.findIndex(line => line.startsWith('PROJECT'));
		assert.ok(header > 0, `the project column comes first:\n${screen()}`);
		assert.match(lines[header + 1] ?? '', /^shop +shop-db-1 /);
		assert.match(lines[header + 2] ?? '', /^ +shop-web-1 /, 'the project is named once');
		assert.match(lines[header + 3] ?? '', /^- +\S/, 'then the containers in no project');
		app.stdin.write('\u0007');
		await until(() => !screen().includes('grouped by project'), screen);
		assert.match(screen(), /^NAME↑/m);
	});

	it('ctrl+a marks every row shown, and again unmarks them', async () => {
		const {app, screen} = start();
		await until(() => screen().includes('sick'), screen);
		app.stdin.write('\u0001');
		await until(() => screen().includes('7 marked'), screen);
		app.stdin.write('\u0001');
		await until(() => !screen().includes('marked'), screen);
	});

	it('asks for the command of E, and keeps asking with the reason while it cannot be read', async () => {
		const {app, screen} = start();
		await until(() => screen().includes('sick'), screen);
		app.stdin.write('/shop-db\r');
		await until(() => screen().includes('(1 of 7)'), screen);
		app.stdin.write('E');
		await until(() => screen().includes('command to run in shop-db-1:'), screen);
		app.stdin.write('\r');
		await until(() => screen().includes('type a command, e.g. ls -la /'), screen);
		await type(app, 'echo "unclosed', '\r');
		await until(() => screen().includes('a double quote is not closed'), screen);
		app.stdin.write('\u001B');
		await until(() => screen().includes('cancelled'), screen);
		assert.ok(!screen().includes('command to run'));
	});

	it('refuses E on a container that is not running, saying why', async () => {
		const {app, screen} = start();
		await until(() => screen().includes('sick'), screen);
		app.stdin.write('/finished\r');
		await until(() => screen().includes('(1 of 7)'), screen);
		app.stdin.write('E');
		await until(() => screen().includes('finished is exited: exec needs a running container'), screen);
	});

	it('cancels with n and does nothing', async () => {
		const {app, screen, engine} = start();
		await until(() => screen().includes('sick'), screen);
		app.stdin.write('s');
		await until(() => screen().includes('Stop container cpu-burner'), screen);
		app.stdin.write('n');
		await until(() => screen().includes('cancelled'), screen);
		assert.deepEqual(engine.calls, []);
	});

	it('asks for force before removing a running container and shows the engine message on failure', async () => {
		const engine = recordedEngine();
		const message = 'You cannot remove a running container b7e2. Stop the container before attempting removal or force remove';
		engine.failNext.set('forceRemove', engineConflict(message));
		const {app, screen} = start(engine);
		await until(() => screen().includes('sick'), screen);
		app.stdin.write('d');
		await until(() => screen().includes('is running. Force-remove it?'), screen);
		app.stdin.write('y');
		await until(() => screen().includes('You cannot remove a running container'), screen);
	});

	it('refuses to start a running container with a reason', async () => {
		const {app, screen, engine} = start();
		await until(() => screen().includes('sick'), screen);
		app.stdin.write('u');
		await until(() => screen().includes('cpu-burner is already running'), screen);
		assert.deepEqual(engine.calls, []);
	});

	it('sorts by a column with Shift+its initial, again to reverse', async () => {
		const {app, screen} = start();
		await until(() => screen().includes('sick'), screen);
		app.stdin.write('S');
		await until(() => screen().includes('STATE↑'), screen);
		const order = () => screen().split('\n').slice(3, 10).map(line => line.split(/\s+/)[0]);
		assert.equal(order()[0], 'never-started');
		app.stdin.write('S');
		await until(() => screen().includes('STATE↓'), screen);
		assert.equal(order()[0], 'sick');
	});
});
