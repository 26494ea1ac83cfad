import type {EngineSession} from '../engine/client.js';
import {describeImageUsers, removeImage} from '../engine/image-remove.js';
import {tagImage} from '../engine/image-tag.js';
import type {ContainerRef, ImageSummary} from '../engine/resources-types.js';
import {formatBytes, shortId} from '../lib/format.js';
import {formatImageReference, parseTagTarget} from '../lib/image-reference.js';
import type {ActionDef, PaneActionDef, Plan} from './descriptor.js';
import {imageLabel, imageTags} from './image-columns.js';
import {imagePull} from './image-pull-action.js';
import {imagePrunePlan} from './prune-actions.js';

const active = new Set<ContainerRef['state']>(['running', 'paused', 'restarting']);

function describe(image: ImageSummary): string {
	return `image ${imageLabel(image)} (${shortId(image.id)}, ${formatBytes(image.size)})`;
}

/**
 * Remove as `docker rmi` does. An image with several tags loses them one by
 * one, the last taking the image (removing it by id would need force). An
 * image that stopped containers use needs force, and the confirmation names
 * them; one a running container uses cannot go at all, and says by whom.
 */
export function removeImagePlan(image: ImageSummary): Plan {
	const label = imageLabel(image);
	const users = image.containers;
	if (users.some(user => active.has(user.state))) return {refused: `${label} is ${describeImageUsers(users)}`};
	const parents = image.parentId ? ' Untagged parent images that nothing else uses go with it.' : '';
	if (users.length > 0) {
		return {
			confirm: `${describe(image)} is ${describeImageUsers(users)}.\nForce-remove it? Its tags go and the image is deleted.${parents}`,
			confirmLabel: 'force remove',
			run: async (session: EngineSession) => {
				await removeImage(session.docker, image.id, {force: true});
			},
			done: `removed ${label} (forced)`,
		};
	}

	const tags = imageTags(image);
	return {
		confirm: `Remove ${describe(image)}?${tags.length > 1 ? ` Its ${tags.length} tags go, then the image.` : ''}${parents}`,
		confirmLabel: 'remove',
		run: async (session: EngineSession) => {
			if (tags.length <= 1) {
				await removeImage(session.docker, image.id);
				return;
			}
			// In order: each removes one reference; the last one deletes the image.
			for (const tag of tags) await removeImage(session.docker, tag);
		},
		done: `removed ${label}`,
	};
}

function tagCheck(text: string): {ok: true; reference: string} | {ok: false; message: string} {
	const check = parseTagTarget(text);
	return check.ok ? {ok: true, reference: formatImageReference(check.reference)} : check;
}

/** The images last listed: a tag typed for one image may belong to another, which then loses it. */
let listed: readonly ImageSummary[] = [];

export function rememberImages(images: readonly ImageSummary[]): void {
	listed = images;
}

export function tagImagePlan(image: ImageSummary, text: string): Plan {
	const check = tagCheck(text);
	if (!check.ok) return {refused: check.message};
	const target = check.reference;
	if (image.repoTags.includes(target)) return {refused: `${imageLabel(image)} already has the tag ${target}`};
	const run = {
		run: async (session: EngineSession) => {
			await tagImage(session.docker, image.id, target);
		},
		done: `tagged ${imageLabel(image)} as ${target}`,
	};
	const holder = listed.find(other => other.id !== image.id && other.repoTags.includes(target));
	if (!holder) return run;
	const left = imageTags(holder).filter(tag => tag !== target);
	return {
		...run,
		confirm: `${target} is a tag of ${describe(holder)}. Move it to ${imageLabel(image)} (${shortId(image.id)})? ${left.length > 0 ? `That image keeps ${left.join(', ')}.` : 'That image is left without a tag (dangling).'}`,
		confirmLabel: 'move tag',
	};
}

export const imageActions: readonly ActionDef<ImageSummary>[] = [
	{
		id: 'image.remove',
		keys: ['d'],
		description: 'remove the image (its tags, then the image); one used by stopped containers asks for force, naming them',
		dangerous: true,
		hint: 'remove',
		plan: removeImagePlan,
	},
	{
		id: 'image.tag',
		keys: ['T'],
		description: 'add a tag to the image: repository[:tag] (latest when omitted), checked before it is sent',
		hint: 'tag',
		plan: image => ({
			ask: {
				question: `new tag for ${imageLabel(image)}`,
				placeholder: 'repository[:tag], e.g. team/app:1.2',
				validate: text => {
					const check = tagCheck(text);
					return check.ok ? undefined : check.message;
				},
			},
			answer: text => tagImagePlan(image, text),
		}),
	},
];

export const imagePaneActions: readonly PaneActionDef<ImageSummary>[] = [
	imagePull,
	{
		id: 'image.prune',
		keys: ['P'],
		description: 'prune images: dangling (Enter), all unused, or unused older than an age; lists what goes and the space freed, then reports what the engine removed',
		dangerous: true,
		hint: 'prune',
		plan: imagePrunePlan,
	},
];
