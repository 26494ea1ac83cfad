/**
 * Pull an image: ask for the reference (checked against the reference
 * grammar first), pull with progress per layer, and report per layer what
 * came. A failure (no registry, no such tag, a corrupt layer) is the
 * engine's own message, shown by the runner in the status line.
 */
import type {EngineSession} from '../engine/client.js';
import {pullImage} from '../engine/image-pull.js';
import type {ImageSummary} from '../engine/resources-types.js';
import {pullTotals, type LayerProgress, type PullProgress} from '../engine/pull-progress.js';
import {formatBytes} from '../lib/format.js';
import {parseImageReference} from '../lib/image-reference.js';
import {throttle} from '../lib/throttle.js';
import type {ActionPlan, AskPlan, PaneActionDef} from './descriptor.js';

/** Receives one line of progress while the pull runs: what a status line can show. */
export type ProgressSink = (text: string) => void;

/** Layers named in the live line; the rest are counted. */
const layersShown = 3;

/** The engine sends progress lines by the hundred a second: the live line changes at most this often, ms. */
const progressEveryMs = 200;

function layerNow(layer: LayerProgress): string {
	const percent = layer.total ? ` ${Math.floor(((layer.current ?? 0) * 100) / layer.total)}%` : '';
	return `${layer.id.slice(0, 12)} ${layer.status.toLowerCase()}${percent}`;
}

/** "pulling busybox: 1/3 layers done, 1.2MiB/2.0MiB · 368322d946f3 downloading 40% · …" */
export function pullProgressLine(reference: string, progress: PullProgress): string {
	const totals = pullTotals(progress);
	const busy = progress.order
		.map(id => progress.layers[id])
		.filter((layer): layer is LayerProgress => layer !== undefined && layer.phase !== 'complete' && layer.phase !== 'exists');
	const bytes = totals.total > 0 ? `, ${formatBytes(totals.current)}/${formatBytes(totals.total)}` : '';
	const layers = busy.slice(0, layersShown).map(layerNow);
	if (busy.length > layersShown) layers.push(`${busy.length - layersShown} more`);
	return [`pulling ${reference}: ${totals.finished}/${totals.layers} layers done${bytes}`, ...layers].join(' · ');
}

function layerResult(layer: LayerProgress, bytes: number | undefined): string {
	if (layer.phase === 'exists') return 'already present';
	const size = bytes === undefined ? '' : `  ${formatBytes(bytes)}`;
	return layer.phase === 'complete' ? `pulled${size}` : `${layer.status.toLowerCase()}${size}`;
}

/**
 * What came, per layer, with the engine's closing status ("Downloaded newer
 * image for …" or "Image is up to date for …") and the digest. `sizes` holds
 * each layer's download size, which the final "Pull complete" no longer says.
 */
export function pullReport(reference: string, progress: PullProgress, sizes: ReadonlyMap<string, number>): string {
	const status = [...progress.messages].reverse().find(message => message.startsWith('Status: '))?.slice('Status: '.length);
	const lines = [`pulled ${reference}${status ? `: ${status}` : ''}`];
	if (progress.digest) lines.push(`digest ${progress.digest}`);
	if (progress.order.length > 0) lines.push(`${progress.order.length} layer${progress.order.length === 1 ? '' : 's'}:`);
	for (const id of progress.order) {
		const layer = progress.layers[id];
		if (layer) lines.push(`  ${id.slice(0, 12)}  ${layerResult(layer, sizes.get(id))}`);
	}

	return lines.join('\n');
}

/** Download sizes by layer, kept from the "Downloading" lines (the later lines carry other totals or none). */
function rememberSizes(progress: PullProgress, sizes: Map<string, number>): void {
	for (const id of progress.order) {
		const layer = progress.layers[id];
		if (layer?.phase === 'downloading' && layer.total !== undefined) sizes.set(id, layer.total);
	}
}

/**
 * An ActionPlan whose run also takes an optional sink: a runner that passes
 * one gets a live line per layer while the pull runs; run(session) alone
 * still works as any ActionPlan's.
 */
export interface PullActionPlan extends ActionPlan {
	run(session: EngineSession, progress?: ProgressSink): Promise<{report: string}>;
}

export function pullPlan(reference: string): PullActionPlan {
	return {
		run: async (session: EngineSession, progress?: ProgressSink) => {
			const sizes = new Map<string, number>();
			let latest: PullProgress | undefined;
			const tell = throttle(() => {
				if (latest) progress?.(pullProgressLine(reference, latest));
			}, progressEveryMs);
			try {
				const final = await pullImage(session.docker, reference, {
					onProgress: state => {
						rememberSizes(state, sizes);
						latest = state;
						tell();
					},
				});
				return {report: pullReport(reference, final, sizes)};
			} finally {
				tell.cancel();
			}
		},
		done: `pulled ${reference}`,
	};
}

export const imagePull: PaneActionDef<ImageSummary> = {
	id: 'image.pull',
	keys: ['p'],
	description: 'pull an image: type its reference (tag latest when none); shows per layer what came, or the engine\'s error',
	hint: 'pull',
	plan: (): AskPlan => ({
		ask: {
			question: 'image to pull',
			placeholder: 'e.g. busybox, busybox:1.36, registry:5000/team/app:1.2',
			validate: text => {
				const check = parseImageReference(text);
				return check.ok ? undefined : check.message;
			},
		},
		answer: text => pullPlan(text.trim()),
	}),
};
