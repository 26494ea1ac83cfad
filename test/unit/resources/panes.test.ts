import assert from 'node:assert/strict';
import {createReadStream} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import type Docker from 'dockerode';
import {toContainerSummary} from '../../../source/engine/containers.js';
import {toImageSummaries, type RawImage} from '../../../source/engine/images.js';
import {applyProgressEvent, emptyPullProgress, type ProgressEvent} from '../../../source/engine/pull-progress.js';
import type {ComposeProject, ImageSummary} from '../../../source/engine/resources-types.js';
import {groupComposeProjects} from '../../../source/engine/compose-projects.js';
import {toDiskUsage, type RawDiskUsage} from '../../../source/engine/system-df.js';
import {toSystemOverview} from '../../../source/engine/system-overview.js';
import {planPrune} from '../../../source/prune/index.js';
import type {PrunePlan, PruneReport} from '../../../source/prune/types.js';
import type {ActionPlan, Plan} from '../../../source/resources/descriptor.js';
import {removeImagePlan, rememberImages, tagImagePlan} from '../../../source/resources/image-actions.js';
import type {EngineSession} from '../../../source/engine/client.js';
import {pullPlan, pullProgressLine, pullReport} from '../../../source/resources/image-pull-action.js';
import {findContainer} from '../../../source/resources/network-actions.js';
import {describeNetworkSpec, parseNetworkForm} from '../../../source/resources/network-form.js';
import {checkComposeResult} from '../../../source/resources/project-actions.js';
import {projectLogs} from '../../../source/resources/projects.js';
import {parseImagePruneMode} from '../../../source/resources/prune-actions.js';
import {keptSummary, listedAtMost, nothingToPrune, pruneConfirmText, pruneReportText} from '../../../source/resources/prune-texts.js';
import {systemRows} from '../../../source/resources/system.js';
import {inputsBefore, recorded, recordedLines, reportAfter, steps} from '../prune/recorded-inputs.js';

const containers = recorded<Docker.ContainerInfo[]>('containers.json').map(toContainerSummary);
const images = toImageSummaries(recorded<RawImage[]>('images.json'), containers);
const byTag = (tag: string) => images.find(image => image.repoTags.includes(tag)) as ImageSummary;

function actionPlan(plan: Plan): ActionPlan {
	assert.ok('run' in plan && !('handOver' in plan), `an action plan, got ${JSON.stringify(plan)}`);
	return plan;
}

describe('network create form', () => {
	it('reads a name, options and words into a spec', () => {
		const parsed = parseNetworkForm('backend driver=bridge subnet=10.1.0.0/24 gateway=10.1.0.1 ip-range=10.1.0.128/25 internal label=team=web label=tier');
		assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
		assert.deepEqual(parsed.spec, {name: 'backend', driver: 'bridge', subnet: '10.1.0.0/24', gateway: '10.1.0.1', ipRange: '10.1.0.128/25', internal: true, labels: {team: 'web', tier: ''}});
		assert.equal(describeNetworkSpec(parsed.spec), 'backend (bridge, 10.1.0.0/24 via 10.1.0.1 range 10.1.0.128/25, internal)');
		assert.deepEqual(parseNetworkForm('  plain  '), {ok: true, spec: {name: 'plain'}});
	});

	it('names the word at fault', () => {
		const error = (text: string, taken?: (name: string) => boolean) => {
			const parsed = parseNetworkForm(text, taken);
			assert.ok(!parsed.ok, `${text} should be refused`);
			return parsed.error;
		};
		assert.match(error(''), /^type a name first: name \[driver=bridge\]/);
		assert.match(error('subnet=10.1.0.0/24'), /the first word is the network's name, not "subnet=10.1.0.0\/24"/);
		assert.match(error('net mtu=1400'), /"mtu=1400" is not an option: use driver=, subnet=, gateway=, ip-range=, label= or the words internal, attachable, ipv6/);
		assert.match(error('net internal=yes'), /internal takes no value/);
		assert.match(error('net subnet='), /subnet= needs a value, e.g. subnet=10.1.0.0\/24/);
		assert.match(error('net driver=bridge driver=macvlan'), /driver= is given twice/);
		assert.match(error('net subnet=10.1.0.1/24'), /subnet 10.1.0.1\/24 has host bits set: use 10.1.0.0\/24/);
		assert.match(error('net subnet=10.1.0.0/24 gateway=10.2.0.1'), /gateway 10.2.0.1 is not inside the subnet/);
		assert.match(error('bridge'), /the name of a network the engine provides/);
		assert.match(error('net attachable'), /attachable applies only to overlay/);
		assert.match(error('taken', name => name === 'taken'), /a network named taken exists already/);
	});
});

describe('image prune mode', () => {
	it('reads dangling (also an empty answer), all, and an age', () => {
		const mode = (text: string) => {
			const parsed = parseImagePruneMode(text);
			assert.ok(parsed.ok, text);
			return parsed.mode;
		};
		assert.deepEqual(mode(''), {what: 'dangling images', options: {}});
		assert.deepEqual(mode(' Dangling '), {what: 'dangling images', options: {}});
		assert.deepEqual(mode('all'), {what: 'unused images (tagged ones too)', options: {all: true}});
		assert.deepEqual(mode('older than 24h'), {what: 'unused images older than 24h', options: {all: true, until: '24h'}});
		assert.deepEqual(mode('48h'), {what: 'unused images older than 48h', options: {all: true, until: '48h'}});
		assert.deepEqual(mode('older'), {what: 'unused images older than 24h', options: {all: true, until: '24h'}});
	});

	it('says what it takes when the answer is none of them', () => {
		assert.deepEqual(parseImagePruneMode('everything'), {ok: false, error: '"everything" is not a mode: type dangling (or just Enter), all, or an age such as 24h (unused images older than that)'});
		assert.deepEqual(parseImagePruneMode('0s'), {ok: false, error: 'an age must be more than 0, e.g. 24h'});
	});
});

describe('prune confirmation and report', () => {
	const plan = planPrune({kind: 'images', options: {}}, inputsBefore(steps.imagesDangling));

	it('lists every image that goes with its bytes, why the rest stays', () => {
		assert.equal(
			pruneConfirmText(plan, 'dangling images'),
			[
				'Prune dangling images? 4 images go, freeing 6B:',
				'  <none> 2b37aedd94c9  0B',
				'  <none> ef428b24cdce  6B',
				'  <none> f9226e38b538  0B',
				'  <none> de303e04f36e  0B',
				'Stays: 8 — parents of other images (5), tagged (2), used by containers (1)',
			].join('\n'),
		);
	});

	it('reports the engine\'s answer against the plan: equal here', () => {
		assert.equal(pruneReportText(plan, reportAfter(steps.imagesDangling)), 'removed 4 of 4 planned images, 6B freed (planned 6B)\nThe engine removed exactly what the plan said.');
	});

	it('lists every difference by name', () => {
		const report: PruneReport = {kind: 'images', removed: plan.items.slice(1).map(item => item.id).concat(plan.kept[0]?.id ?? ''), untagged: ['rec/app:1'], spaceReclaimed: 5};
		const text = pruneReportText(plan, report).split('\n');
		assert.deepEqual(text.slice(0, 3), ['removed 3 of 4 planned images, 5B freed (planned 6B)', 'untagged 0 of 0 planned tags', 'Differences from the plan:']);
		assert.equal(text[3], '  planned but kept by the engine: <none> 2b37aedd94c9');
		assert.match(text[4] ?? '', /^ {2}removed but not planned: \S/);
		assert.equal(text[5], '  tags removed but not planned: rec/app:1');
	});

	it('counts what does not fit the dialog, and says when sizes are a lower bound or an estimate', () => {
		const many: PrunePlan = {kind: 'volumes', items: Array.from({length: listedAtMost + 3}, (_, index) => ({id: `v${index}`, name: `v${index}`, size: index === 0 ? -1 : 1024})), untag: [], kept: [], freed: (listedAtMost + 2) * 1024, freedExact: false, notes: ['a note'], known: []};
		const lines = pruneConfirmText(many, 'unused volumes').split('\n');
		assert.equal(lines[0], `Prune unused volumes? ${listedAtMost + 3} volumes go, freeing at least 12.0KiB:`);
		assert.equal(lines[1], '  v0  size unknown');
		assert.equal(lines[listedAtMost + 1], '  … and 3 more (3.00KiB)');
		assert.equal(lines.at(-1), 'Note: a note');
		const cache: PrunePlan = {...many, kind: 'buildCache', items: [], freed: 0};
		assert.match(pruneConfirmText(cache, 'build cache'), /^Prune build cache\? 0 build cache records go, freeing about 0B\./);
	});

	it('refuses with why everything stays when nothing would go', () => {
		assert.equal(nothingToPrune({...plan, items: []}, 'dangling images'), 'nothing to prune: no dangling images. Stays: 8 — parents of other images (5), tagged (2), used by containers (1)');
		assert.equal(keptSummary([{id: 'a', name: 'a', reason: '2 containers attached'}, {id: 'b', name: 'b', reason: '1 container attached'}, {id: 'c', name: 'c', reason: 'predefined'}]), 'Stays: 3 — attached (2), predefined (1)');
	});
});

describe('image actions', () => {
	it('refuses to remove an image a running container uses, naming every user', () => {
		const plan = removeImagePlan(byTag('dockdeck/busybox:latest'));
		assert.deepEqual(plan, {refused: 'dockdeck/busybox:latest is used by 2 containers: rec-paused (paused), rec-created (created); stop and remove the running ones first; force cannot remove an image a running container uses'});
	});

	it('asks for force when only stopped containers use it', () => {
		const plan = actionPlan(removeImagePlan(byTag('rec/tool:1')));
		assert.equal(plan.confirmLabel, 'force remove');
		assert.equal(plan.confirm, 'image rec/tool:1 (904970888807, 1.89MiB) is used by 1 container: shop-worker-1 (exited); remove them first, or force the removal (the containers keep working from their copy).\nForce-remove it? Its tags go and the image is deleted. Untagged parent images that nothing else uses go with it.');
	});

	it('removes an unused image after a confirmation naming it; a dangling one by id', () => {
		const snap = actionPlan(removeImagePlan(byTag('rec/snap:1')));
		assert.equal(snap.confirm, 'Remove image rec/snap:1 (5e63b3f09f2a, 1.89MiB)? Untagged parent images that nothing else uses go with it.');
		const dangling = images.find(image => image.dangling) as ImageSummary;
		assert.match(actionPlan(removeImagePlan(dangling)).confirm ?? '', /^Remove image <none> [0-9a-f]{12} \([0-9a-f]{12}, 1\.89MiB\)\?/);
	});

	it('moving a tag from another image says what that image keeps', () => {
		rememberImages(images);
		const move = actionPlan(tagImagePlan(byTag('rec/snap:1'), 'rec/app:stable'));
		assert.equal(move.confirm, 'rec/app:stable is a tag of image rec/app:1, rec/app:stable (acbb56c3cffd, 1.89MiB). Move it to rec/snap:1 (5e63b3f09f2a)? That image keeps rec/app:1.');
		const fresh = actionPlan(tagImagePlan(byTag('rec/snap:1'), 'team/snap'));
		assert.equal(fresh.confirm, undefined);
		assert.equal(fresh.done, 'tagged rec/snap:1 as team/snap:latest');
		assert.deepEqual(tagImagePlan(byTag('rec/snap:1'), 'rec/snap:1'), {refused: 'rec/snap:1 already has the tag rec/snap:1'});
		assert.match((tagImagePlan(byTag('rec/snap:1'), 'Bad Name') as {refused: string}).refused, /^invalid image reference: "Bad Name" contains white space/);
	});
});

describe('pull progress texts', () => {
	const lines = recordedLines('pull-progress.ndjson') as ProgressEvent[];

	it('says per layer where the pull is', () => {
		const downloading = lines.findIndex(line => line.status === 'Downloading');
		let state = emptyPullProgress;
		for (const line of lines.slice(0, downloading + 1)) state = applyProgressEvent(state, line);
		assert.equal(pullProgressLine('localhost:5000/rec/pull:2', state), 'pulling localhost:5000/rec/pull:2: 1/2 layers done, 3.59KiB/293KiB · 368322d946f3 downloading 1%');
	});

	it('reports per layer what came, with the engine\'s closing words', () => {
		let state = emptyPullProgress;
		for (const line of lines) state = applyProgressEvent(state, line);
		assert.equal(
			pullReport('localhost:5000/rec/pull:2', state, new Map([['368322d946f3', 300_292]])),
			[
				'pulled localhost:5000/rec/pull:2: Downloaded newer image for localhost:5000/rec/pull:2',
				`digest ${state.digest ?? ''}`,
				'2 layers:',
				'  6452643cd240  already present',
				'  368322d946f3  pulled  293KiB',
			].join('\n'),
		);
	});
});

describe('pull plan', () => {
	it('pulls from the engine\'s progress stream, passes live lines to a sink, and reports with each layer\'s size', async () => {
		const asked: unknown[] = [];
		const docker = {
			createImage: async (query: unknown) => {
				asked.push(query);
				return createReadStream(join(import.meta.dirname, '../../fixtures/recorded/resources/pull-progress.ndjson'));
			},
		};
		const lines: string[] = [];
		const result = await pullPlan('localhost:5000/rec/pull:2').run({docker} as unknown as EngineSession, line => lines.push(line));
		assert.deepEqual(asked.map(query => ({...(query as object), abortSignal: undefined})), [{fromImage: 'localhost:5000/rec/pull', tag: '2', abortSignal: undefined}]);
		assert.ok(lines.length >= 1 && lines.every(line => line.startsWith('pulling localhost:5000/rec/pull:2: ')), lines.join('\n'));
		assert.match((result as {report: string}).report, /\n {2}368322d946f3 {2}pulled {2}293KiB$/);
	});
});

describe('networks, projects, system', () => {
	it('finds a container by name or by a unique id prefix', () => {
		const web = containers.find(container => container.name === 'shop-web-1');
		assert.ok(web);
		assert.equal(findContainer(containers, 'shop-web-1'), web);
		assert.equal(findContainer(containers, '/shop-web-1'), web);
		assert.equal(findContainer(containers, web.id.slice(0, 6)), web);
		assert.equal(findContainer(containers, 'shop'), undefined);
		assert.equal(findContainer(containers, 'ab'), undefined, 'two hex digits are too few to be an id');
	});

	const shop = groupComposeProjects(containers)[0] as ComposeProject;

	it('labels the merged logs of a project service-N', () => {
		const target = projectLogs(shop);
		assert.equal(target.title, 'logs of compose project shop (3 containers)');
		assert.deepEqual(target.sources.map(source => source.label), ['db-1', 'web-1', 'worker-1']);
	});

	it('fails a project action with every container\'s refusal in the engine\'s words', () => {
		assert.doesNotThrow(() => checkComposeResult(shop, 'stop', {done: ['shop-web-1'], failed: []}));
		assert.throws(() => checkComposeResult(shop, 'start', {done: ['shop-db-1'], failed: [{name: 'shop-web-1', message: 'driver failed programming external connectivity'}]}), {
			message: 'shop: started 1 of 2 containers; shop-web-1: driver failed programming external connectivity',
		});
	});

	it('lists the engine facts, then one row per system df category', () => {
		const overview = toSystemOverview(recorded('info.json'), {ApiVersion: '1.41', MinAPIVersion: '1.12'}, '1.41');
		const rows = systemRows({overview, usage: toDiskUsage(recorded<RawDiskUsage>('system-df.json'))});
		assert.deepEqual(rows.map(row => row.item), ['Engine', 'OS', 'Storage driver', 'CPUs, memory', 'Swarm', 'Images', 'Containers', 'Volumes', 'Build cache']);
		assert.equal(rows[0]?.value, '20.10.24+dfsg1 · API 1.41 (oldest 1.12; this session 1.41)');
		const images = rows.find(row => row.id === 'df.images');
		assert.equal(images?.value, '6 (3 in use)');
		assert.ok((images?.size ?? 0) > 0 && images?.reclaimable !== undefined);
		assert.equal(rows.find(row => row.id === 'swarm')?.size, undefined, 'facts have no size');
	});
});
