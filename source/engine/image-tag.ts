import type Docker from 'dockerode';
import {formatImageReference, parseTagTarget} from '../lib/image-reference.js';

/** A reference the user typed that the reference grammar rejects; nothing was sent to the engine. */
export class InvalidReferenceError extends Error {
	override name = 'InvalidReferenceError';
}

/**
 * Adds the tag `target` ("repo[:tag]", tag "latest" when omitted) to the
 * image `source` (id or reference). Checks the target first, so a typo gets a
 * message about the typo rather than the engine's terse "invalid reference
 * format". Resolves to the reference as created, e.g. "team/app:latest".
 */
export async function tagImage(docker: Docker, source: string, target: string): Promise<string> {
	const check = parseTagTarget(target);
	if (!check.ok) throw new InvalidReferenceError(check.message);
	const {repository, tag} = check.reference;
	await docker.getImage(source).tag({repo: repository, tag});
	return formatImageReference(check.reference);
}
