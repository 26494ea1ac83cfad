/**
 * Image references as the engine's reference store holds them: fully
 * qualified ("docker.io/library/busybox:latest"), sorted by that string,
 * while the list call and the prune report use the familiar form
 * ("busybox:latest"). The image delete rules depend on both.
 */
import {parseImageReference} from '../lib/image-reference.js';

export interface StoredRef {
	/** The familiar form, as the list and the report show it. */
	familiar: string;
	/** The fully qualified form the store sorts by. */
	full: string;
	/** Repository name, fully qualified ("docker.io/rec/app"). */
	name: string;
	/** A digest reference ("repo@sha256:..."), not a tag. */
	canonical: boolean;
}

export function toStoredRef(familiar: string): StoredRef {
	const check = parseImageReference(familiar);
	if (!check.ok) return {familiar, full: familiar, name: familiar, canonical: familiar.includes('@')};
	const {domain, path, tag, digest} = check.reference;
	const name = domain === undefined ? `docker.io/${path.includes('/') ? path : `library/${path}`}` : `${domain}/${path}`;
	const suffix = digest === undefined ? `:${tag ?? 'latest'}` : `@${digest}`;
	return {familiar, full: `${name}${suffix}`, name, canonical: digest !== undefined};
}

/** An image's references in the store's order (lexical on the full form). */
export function storedRefs(repoTags: string[], repoDigests: string[]): StoredRef[] {
	return [...repoTags.filter(tag => tag !== '<none>:<none>'), ...repoDigests.filter(digest => digest !== '<none>@<none>')]
		.map(toStoredRef)
		.sort((a, b) => (a.full < b.full ? -1 : a.full > b.full ? 1 : 0));
}

/**
 * The engine's isSingleReference: at most one tag, and every digest
 * reference in that tag's repository. Removing such an image's last
 * reference would leave it dangling, so a container using it blocks that.
 */
export function isSingleReference(refs: StoredRef[]): boolean {
	if (refs.length <= 1) return refs.length === 1;
	const tags = refs.filter(ref => !ref.canonical);
	if (tags.length > 1) return false;
	const canonicalNames = new Set(refs.filter(ref => ref.canonical).map(ref => ref.name));
	const single = tags[0] ?? refs[0];
	return canonicalNames.size === 1 && single !== undefined && canonicalNames.has(single.name);
}
