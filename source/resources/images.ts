import type {EngineSession} from '../engine/client.js';
import {listImages} from '../engine/images.js';
import type {ImageSummary} from '../engine/resources-types.js';
import type {ResourceDescriptor} from './descriptor.js';
import {imageActions, imagePaneActions, rememberImages} from './image-actions.js';
import {imageColumns, imageLabel, imageState, tagsText, usersText} from './image-columns.js';
import {imageDetail, type ImageDetail} from './image-detail.js';

/**
 * The images `docker image ls` shows: intermediate images (untagged parents
 * of other images) are steps of a build, not images anyone asked for; they
 * go with their children, and the prune planner counts them.
 */
async function listShownImages(session: EngineSession, signal: AbortSignal): Promise<ImageSummary[]> {
	const images = (await listImages(session.docker, signal)).filter(image => !image.intermediate);
	rememberImages(images);
	return images;
}

export const imagesResource: ResourceDescriptor<ImageSummary, ImageDetail> = {
	kind: 'images',
	title: 'Images',
	aliases: ['images', 'im', 'img'],
	list: listShownImages,
	columns: imageColumns,
	defaultSort: {column: 'created', direction: 'desc'},
	// The state word is in the text, so `/dangling` lists exactly the dangling images (and `/in use`, `/unused`).
	filterText: image => `${tagsText(image)} ${image.id.replace(/^sha256:/, '').slice(0, 12)} ${imageState(image)} ${usersText(image)}`,
	label: imageLabel,
	actions: imageActions,
	paneActions: imagePaneActions,
	detail: imageDetail,
};
