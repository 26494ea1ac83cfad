import type {ImageSummary} from '../engine/resources-types.js';
import {formatAge, formatBytes, shortId} from '../lib/format.js';
import type {Token} from '../theme/tokens.js';
import type {Column} from './descriptor.js';

const untagged = '<none>:<none>';

/** The image's tags, or none: an untagged image has only the placeholder "<none>:<none>". */
export function imageTags(image: Pick<ImageSummary, 'repoTags'>): string[] {
	return image.repoTags.filter(tag => tag !== untagged);
}

/** "rec/app:1, rec/app:stable", or "<none>" for an untagged image. */
export function tagsText(image: Pick<ImageSummary, 'repoTags'>): string {
	return imageTags(image).join(', ') || '<none>';
}

/** How an image is named in messages: its tags, or "<none> 2b37aedd94c9" (the planner's words too). */
export function imageLabel(image: Pick<ImageSummary, 'repoTags' | 'id'>): string {
	const tags = imageTags(image);
	return tags.length > 0 ? tags.join(', ') : `<none> ${shortId(image.id)}`;
}

/** dangling (prune takes it), in use (a container holds it), or unused (prune -a takes it). */
export function imageState(image: ImageSummary): 'dangling' | 'in use' | 'unused' {
	if (image.containers.length > 0) return 'in use';
	return image.dangling ? 'dangling' : 'unused';
}

function stateTone(image: ImageSummary): Token {
	const state = imageState(image);
	return state === 'in use' ? 'status.running' : state === 'dangling' ? 'status.unhealthy' : 'muted';
}

export function usersText(image: ImageSummary): string {
	return image.containers.map(user => user.name).join(', ');
}

export const imageColumns: readonly Column<ImageSummary>[] = [
	// Sorted by name, untagged images come after every tagged one.
	{id: 'name', title: 'REPOSITORY:TAG', width: {min: 18, flex: 1, fit: 48}, value: tagsText, tone: image => (imageTags(image).length === 0 ? 'muted' : undefined), sortKey: 'N', sortValue: image => (imageTags(image).length > 0 ? tagsText(image) : `\uffff${image.id}`)},
	{id: 'id', title: 'ID', width: 12, value: image => shortId(image.id), tone: () => 'muted', dropPriority: 3},
	{id: 'size', title: 'SIZE', width: 8, align: 'right', value: image => formatBytes(image.size), sortKey: 'S', sortValue: image => image.size},
	{id: 'created', title: 'CREATED', width: 9, align: 'right', value: image => formatAge(image.createdAt), tone: () => 'muted', sortKey: 'C', sortValue: image => image.createdAt},
	// "dangling" is also what the `/dangling` filter finds (see filterText).
	{id: 'state', title: 'STATE', width: 8, value: imageState, tone: stateTone},
	{id: 'usedBy', title: 'USED BY', width: {min: 8, flex: 2}, value: image => usersText(image) || '-', tone: image => (image.containers.length === 0 ? 'muted' : undefined), sortKey: 'U', sortValue: image => image.containers.length, dropPriority: 2},
];
