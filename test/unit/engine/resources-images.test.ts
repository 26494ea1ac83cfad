import assert from 'node:assert/strict';
import {createReadStream} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import type Docker from 'dockerode';
import {engineMessage} from '../../../source/engine/connection.js';
import {toContainerSummary} from '../../../source/engine/containers.js';
import {readProgress, PullError} from '../../../source/engine/image-pull.js';
import {describeImageUsers, ImageInUseError} from '../../../source/engine/image-remove.js';
import {historyCommand, toImageLayers, toImageSummaries, type RawImage} from '../../../source/engine/images.js';
import {chainIds, layerSizes} from '../../../source/engine/prune-inputs.js';
import {applyProgressEvent, emptyPullProgress, pullTotals, type ProgressEvent} from '../../../source/engine/pull-progress.js';
import {recorded, recordedLines} from '../prune/recorded-inputs.js';

const containers = recorded<Docker.ContainerInfo[]>('containers.json').map(toContainerSummary);
const images = toImageSummaries(recorded<RawImage[]>('images.json'), containers);
const byTag = (tag: string) => images.find(image => image.repoTags.includes(tag));
/** A docker-modem error as it arrives for an engine refusal. */
const modemError = (statusCode: number, json: unknown) => Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - `), {statusCode, json});

describe('images from the recorded engine', () => {
	it('shows tags as repository:tag and untagged images as <none>:<none>', () => {
		assert.deepEqual(byTag('rec/app:1')?.repoTags, ['rec/app:1', 'rec/app:stable']);
		assert.ok(images.filter(image => image.repoTags[0] === '<none>:<none>').length >= 6);
	});

	it('names the containers that use each image, from the container list', () => {
		assert.deepEqual(byTag('rec/app:1')?.containers.map(user => `${user.name}:${user.state}`).sort(), ['shop-db-1:created', 'shop-web-1:running']);
		assert.deepEqual(byTag('dockdeck/busybox:latest')?.containers.map(user => user.name).sort(), ['rec-created', 'rec-paused']);
		assert.deepEqual(byTag('rec/snap:1')?.containers, []);
	});

	it('marks dangling heads and intermediate parents like docker image ls', () => {
		const dangling = images.filter(image => image.dangling);
		assert.equal(dangling.length, 2, 'the superseded build and the first commit');
		assert.ok(dangling.every(image => image.labels['dockdeck.rec'] === 'first' || image.labels['dockdeck.rec'] === 'snap'));
		const intermediate = images.filter(image => image.intermediate);
		assert.ok(intermediate.length >= 4);
		assert.ok(intermediate.every(image => images.some(other => other.parentId === image.id)));
		assert.ok(!byTag('dockdeck/busybox:latest')?.intermediate, 'a tagged parent is not intermediate');
	});

	it('changes rev when a container starts using an image', () => {
		const snap = byTag('rec/snap:1');
		assert.ok(snap);
		const raw = recorded<RawImage[]>('images.json');
		const user = {...(containers[0] as (typeof containers)[number]), imageId: snap.id};
		const again = toImageSummaries(raw, [...containers, user]).find(image => image.id === snap.id);
		assert.notEqual(again?.rev, snap.rev);
		assert.equal(toImageSummaries(raw, containers).find(image => image.id === snap.id)?.rev, snap.rev);
	});

	it('reads the history as Dockerfile steps, newest first', () => {
		const tool = byTag('rec/tool:1');
		assert.ok(tool);
		const layers = toImageLayers(recorded<Record<string, never[]>>('images-history.json')[tool.id] ?? []);
		assert.deepEqual(layers.map(layer => layer.command), ['CMD ["sleep" "3600"]', 'RUN echo tool > /built', 'LABEL dockdeck.rec=tool', '']);
		assert.deepEqual(layers.map(layer => layer.size), [0, 5, 0, 1_984_230]);
		assert.equal(layers.at(-1)?.comment, 'Imported from -');
		assert.equal(historyCommand('RUN /bin/sh -c make # buildkit'), 'RUN /bin/sh -c make');
	});

	it('maps layer sizes to chain ids from history and RootFS', () => {
		const inspects = recorded<Record<string, Docker.ImageInspectInfo>>('images-inspect.json');
		const histories = recorded<Record<string, {CreatedBy: string; Size: number}[]>>('images-history.json');
		const tool = byTag('rec/tool:1');
		assert.ok(tool);
		const diffIds = inspects[tool.id]?.RootFS.Layers ?? [];
		assert.deepEqual(layerSizes(histories[tool.id] ?? [], diffIds)?.map(layer => layer.size), [1_984_230, 5]);
		assert.equal(chainIds(diffIds)[0], diffIds[0], 'the bottom layer\'s chain id is its diff id');
		const snap = byTag('rec/snap:1');
		assert.ok(snap);
		assert.equal(layerSizes(histories[snap.id] ?? [], inspects[snap.id]?.RootFS.Layers ?? [])?.length, 1, 'a commit without changes adds no layer');
	});
});

describe('image removal refusals', () => {
	it('keeps the engine\'s words and adds every user', () => {
		const refusal = recorded<{message: string}>('refusal-image-in-use.json');
		const text = engineMessage(modemError(409, refusal));
		assert.match(text, /^conflict: unable to remove repository reference "rec\/tool:1" \(must force\) - container [0-9a-f]{12} is using its referenced image/);
		const error = new ImageInUseError(text, [{id: 'a', name: 'shop-worker-1', state: 'exited'}]);
		assert.ok(error.message.startsWith(text));
		assert.match(error.message, /used by 1 container: shop-worker-1 \(exited\); remove them first, or force/);
		assert.ok(error.forceable);
		const running = new ImageInUseError(text, [{id: 'a', name: 'web', state: 'running'}, {id: 'b', name: 'job', state: 'exited'}]);
		assert.ok(!running.forceable);
		assert.match(describeImageUsers(running.users), /2 containers: web \(running\), job \(exited\); stop and remove the running ones first/);
	});
});

describe('pull progress from recorded streams', () => {
	it('folds a real pull into one state per layer', async () => {
		const seen: number[] = [];
		const stream = createReadStream(join(import.meta.dirname, '../../fixtures/recorded/resources/pull-progress.ndjson'));
		const final = await readProgress(stream, {onProgress: state => seen.push(state.order.length)});
		assert.equal(final.order.length, 2);
		const [existing = '', fetched = ''] = final.order;
		assert.equal(final.layers[existing]?.phase, 'exists');
		assert.equal(final.layers[fetched]?.phase, 'complete');
		assert.match(final.digest ?? '', /^sha256:[0-9a-f]{64}$/);
		assert.equal(final.messages[0], 'Pulling from rec/pull');
		assert.match(final.messages.at(-1) ?? '', /^Status: Downloaded newer image for localhost:5000\/rec\/pull:2$/);
		assert.ok(seen.length > 5, 'one update per change');
		assert.deepEqual(pullTotals(final), {layers: 2, finished: 2, current: 0, total: 0});
	});

	it('keeps byte counts while a layer downloads, and only changed layers change identity', () => {
		const lines = recordedLines('pull-progress.ndjson') as ProgressEvent[];
		const downloading = lines.findIndex(line => line.status === 'Downloading');
		let state = emptyPullProgress;
		for (const line of lines.slice(0, downloading + 1)) state = applyProgressEvent(state, line);
		const id = lines[downloading]?.id ?? '';
		assert.equal(state.layers[id]?.phase, 'downloading');
		assert.equal(state.layers[id]?.total, lines[downloading]?.progressDetail?.total);
		const totals = pullTotals(state);
		assert.ok(totals.current > 0 && totals.current < totals.total);
		const other = state.order.find(each => each !== id) ?? '';
		const next = applyProgressEvent(state, {status: 'Verifying Checksum', id, progressDetail: {}});
		assert.equal(next.layers[other], state.layers[other]);
		assert.equal(applyProgressEvent(next, {status: 'Verifying Checksum', id, progressDetail: {}}), next, 'a repeated line changes nothing');
	});

	it('turns an error inside the stream into a PullError with the engine\'s text', async () => {
		const stream = createReadStream(join(import.meta.dirname, '../../fixtures/recorded/resources/pull-corrupt-layer.ndjson'));
		await assert.rejects(readProgress(stream), error => {
			assert.ok(error instanceof PullError);
			assert.match(error.message, /^filesystem layer verification failed for digest sha256:[0-9a-f]{64}$/);
			assert.equal(engineMessage(error), error.message);
			assert.equal(error.progress.layers[error.progress.order.at(-1) ?? '']?.phase, 'verifying', 'the failing layer is the one being verified');
			return true;
		});
	});

	it('reads docker load\'s progress the same way', () => {
		let state = emptyPullProgress;
		for (const line of recordedLines('load-progress.ndjson') as ProgressEvent[]) state = applyProgressEvent(state, line);
		assert.ok(state.order.length >= 1);
		assert.ok(state.order.every(id => state.layers[id]?.phase === 'loading'));
		assert.match(state.messages.at(-1) ?? '', /^Loaded image: rec\/tool:1$/);
	});

	it('gives the engine\'s refusal when no registry answers', () => {
		assert.match(engineMessage(modemError(500, recorded('refusal-pull-no-registry.json'))), /^Get "https:\/\/registry-1\.docker\.io\/v2\/": dial tcp/);
		assert.match(engineMessage(modemError(404, recorded('refusal-pull-missing-tag.json'))), /manifest for localhost:5000\/rec\/missing:1 not found/);
	});
});
