import './force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {recordedEngine} from './recorded-engine.js';
import {mountApp, typeKeys as type, unmountApps} from './mount-app.js';
import {until} from './until.js';

afterEach(unmountApps);

/** The app on the engine record.sh seeded (images, volumes, networks, a compose project), opened on `firstPane`. */
function start(firstPane: string) {
	const engine = recordedEngine('resources');
	return {engine, ...mountApp({connect: async () => engine.session, firstPane})};
}


/** Ages ("40m ago") depend on when the test runs: each becomes a token, right-aligned in the same width. */
const maskAges = (lines: string[]) => lines.map(line => line.replace(/ +\d+[smhdw] ago/g, age => `${' '.repeat(age.length - 5)}‹age›`));

/** The lines inside the dialog box, without its border. */
function dialogLines(screen: string): string[] {
	return screen
		.split('\n')
		.filter(line => line.startsWith('│'))
		.map(line => line.replace(/^│ ?/, '').replace(/\s*│$/, ''));
}

const blank = (count: number) => Array.from({length: count}, () => '');

describe('images pane (recorded engine JSON)', () => {
	it('draws the first screen: tags (<none> when untagged), id, size, age, dangling / in use / unused, and who uses each', async () => {
		const {screen} = start('images');
		await until(() => screen().includes('dockdeck/busybox:latest') && screen().includes('(API 1.41)'), screen);
		assert.deepEqual(maskAges(screen().split('\n')), [
			'dockdeck unix:///run/test.sock · engine 20.10.24+dfsg1 (API 1.41) │ 1 2:Images 3 4 5 6 7 8 9 0',
			'Images (6)',
			'REPOSITORY:TAG                     ID               SIZE  CREATED↓ STATE    USED BY                 ',
			'rec/snap:1                         5e63b3f09f2a  1.89MiB     ‹age› unused   -                       ',
			'rec/tool:1                         904970888807  1.89MiB     ‹age› in use   shop-worker-1',
			'<none>                             2b37aedd94c9  1.89MiB     ‹age› dangling -',
			'rec/app:1, rec/app:stable          acbb56c3cffd  1.89MiB     ‹age› in use   shop-db-1, shop-web-1',
			'<none>                             ef428b24cdce  1.89MiB     ‹age› dangling -',
			'dockdeck/busybox:latest            e8a56b457386  1.89MiB     ‹age› in use   rec-paused, rec-created',
			...blank(14),
			'? help  q back/quit  / filter  i inspect  d remove  T tag  p pull  P prune',
		]);
	});

	it('/dangling lists exactly the dangling images', async () => {
		const {app, screen} = start('images');
		await until(() => screen().includes('dockdeck/busybox:latest'), screen);
		await type(app, '/', 'dangling', '\r');
		await until(() => screen().includes('Images (2 of 6)'), screen);
		const rows = screen().split('\n').slice(3, 5);
		assert.ok(rows.every(row => /^<none> .* dangling/.test(row)), rows.join('\n'));
		assert.ok(!screen().includes('rec/'), 'no tagged image is left');
	});

	it('prunes dangling images: asks which prune, confirms with what goes and the bytes, then reports against the plan', async () => {
		const {app, screen, engine} = start('images');
		await until(() => screen().includes('dockdeck/busybox:latest'), screen);
		app.stdin.write('P');
		await until(() => screen().includes('prune which images:'), screen);
		app.stdin.write('\r');
		await until(() => screen().includes('Prune dangling images?'), screen);
		assert.deepEqual(dialogLines(screen()), [
			'Prune dangling images? 4 images go, freeing 6B:',
			'  <none> 2b37aedd94c9  0B',
			'  <none> ef428b24cdce  6B',
			'  <none> f9226e38b538  0B',
			'  <none> de303e04f36e  0B',
			'Stays: 8 — parents of other images (5), used by containers (2), tagged (1)',
			'y/Enter prune   n/Esc cancel',
		]);
		assert.deepEqual(engine.calls, [], 'nothing is removed before the confirmation');
		app.stdin.write('y');
		await until(() => screen().includes('removed 4 of 4 planned images'), screen);
		assert.deepEqual(dialogLines(screen()), ['removed 4 of 4 planned images, 6B freed (planned 6B)', 'The engine removed exactly what the plan said.', 'Enter/Esc close']);
		assert.deepEqual(engine.calls, ['POST /images/prune?']);
		app.stdin.write('\r');
		await until(() => dialogLines(screen()).length === 0, screen);
	});

	it('keeps asking which prune while the answer is not one, saying what is', async () => {
		const {app, screen} = start('images');
		await until(() => screen().includes('dockdeck/busybox:latest'), screen);
		app.stdin.write('P');
		await until(() => screen().includes('prune which images:'), screen);
		await type(app, 'everything', '\r');
		await until(() => screen().includes('"everything" is not a mode'), screen);
	});

	it('refuses to remove an image a running container uses, naming it; offers force when only stopped ones do', async () => {
		const {app, screen, engine} = start('images');
		await until(() => screen().includes('dockdeck/busybox:latest'), screen);
		await type(app, '/', 'busybox', '\r', 'd');
		await until(() => screen().includes('dockdeck/busybox:latest is used by 2 containers: rec-paused (paused), rec-created (created)'), screen);
		await type(app, '\u001B', '/', 'rec/tool', '\r', 'd');
		await until(() => screen().includes('Force-remove it?'), screen);
		assert.match(dialogLines(screen()).join(' '), /image rec\/tool:1 \(904970888807, 1\.89MiB\) is used by 1 container: shop-worker-1 \(exited\)/);
		assert.match(screen(), /y\/Enter force remove/);
		app.stdin.write('y');
		await until(() => screen().includes('removed rec/tool:1 (forced)'), screen);
		assert.deepEqual(engine.calls, ['forceRemoveImage sha256:90497088880728e780fbfc3ac0fa112d538f60155bc2a35c650e8e82e78e4a84']);
	});

	it('checks a tag before sending it', async () => {
		const {app, screen, engine} = start('images');
		await until(() => screen().includes('dockdeck/busybox:latest'), screen);
		await type(app, '/', 'snap', '\r', 'T');
		await until(() => screen().includes('new tag for rec/snap:1:'), screen);
		await type(app, 'Team/App:1', '\r');
		await until(() => screen().includes('repository name must be lowercase'), screen);
		assert.deepEqual(engine.calls, []);
	});
});

describe('volumes, networks, projects and system panes (recorded engine JSON)', () => {
	it('volumes: anonymous marker, who mounts each, sizes "-" until read', async () => {
		const {screen} = start('volumes');
		await until(() => screen().includes('rec-unused') && screen().includes('(API 1.41)'), screen);
		assert.deepEqual(maskAges(screen().split('\n')).slice(0, 9), [
			'dockdeck unix:///run/test.sock · engine 20.10.24+dfsg1 (API 1.41) │ 1 2 3:Volumes 4 5 6 7 8 9 0',
			'Volumes (5)',
			'NAME↑                              DRIVER       SIZE ANONYMOUS USED BY                       CREATED',
			'7f9a13c7edf9…                      local           - anonymous -                               ‹age›',
			'6005566ced68…                      local           - anonymous shop-db-1                       ‹age›',
			'rec-data                           local           -           shop-web-1                      ‹age›',
			'rec-tmpfs                          local           -           -                               ‹age›',
			'rec-unused                         local           -           -                               ‹age›',
			'',
		]);
	});

	it('networks: driver, scope, internal, subnet and gateway, attached containers', async () => {
		const {screen} = start('networks');
		await until(() => screen().includes('rec-internal') && screen().includes('(API 1.41)'), screen);
		assert.deepEqual(screen().split('\n').slice(1, 10), [
			'Networks (6)',
			'NAME↑            ID           DRIVER   SCOPE  INTERNAL SUBNET / GATEWAY                CONTAINERS   ',
			'bridge           57cd2ea8fc69 bridge   local           172.17.0.0/16                   rec-paused   ',
			'host             23073fecce2d host     local                                           -',
			'none             4519dcbd17ee null     local                                           -',
			'rec-backend      9022f893b71f bridge   local           172.30.5.0/24 gw 172.30.5.1     shop-web-1',
			'rec-empty        96ad9d72dde2 bridge   local           172.19.0.0/16 gw 172.19.0.1     -',
			'rec-internal     47cb889c57b3 bridge   local  internal 172.18.0.0/16 gw 172.18.0.1     shop-web-1',
			'',
		]);
	});

	it('projects: one row per compose project with its state summary and services', async () => {
		const {screen} = start('projects');
		await until(() => screen().includes('/srv/shop'), screen);
		assert.deepEqual(screen().split('\n').slice(1, 5), [
			'Projects (1)',
			'NAME↑            RUNNING STATUS                                  SERVICES            WORKING DIR    ',
			'shop                 1/3 created(1), exited(1), running(1)       db web worker       /srv/shop      ',
			'',
		]);
	});

	it('system: the engine facts, then system df with sizes and what is reclaimable', async () => {
		const {screen} = start('system');
		await until(() => screen().includes('Build cache'), screen);
		assert.deepEqual(screen().split('\n').slice(1, 12), [
			'System (9)',
			'ITEM↑              SIZE    RECLAIMABLE VALUE                                                        ',
			'Engine                                 20.10.24+dfsg1 · API 1.41 (oldest 1.12; this session 1.41)   ',
			'OS                                     Debian GNU/Linux 12 (bookworm) · linux/x86_64 · kernel 6.18.…',
			'Storage driver                         overlay2 · cgroup cgroupfs v1 · /tmp/dd-helper-res/n1/root',
			'CPUs, memory                           2 CPUs · 23.5GiB',
			'Swarm                                  inactive',
			'Images          1.89MiB 1.89MiB (100%) 6 (3 in use)',
			'Containers           0B             0B 5 (1 running, 1 paused, 3 stopped)',
			'Volumes              0B             0B 4 (2 in use)',
			'Build cache          0B             0B 0 records (0 in use)',
		]);
	});
});
