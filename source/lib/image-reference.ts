/**
 * Image references ("registry:5000/team/app:1.2", "busybox", "app@sha256:..."),
 * checked against the grammar of the distribution reference library that the
 * engine and the docker CLI use, so a bad name is caught before a request
 * and the message says which part is wrong:
 *
 *   reference       := name [ ":" tag ] [ "@" digest ]
 *   name            := [domain "/"] path-component ["/" path-component]*
 *   domain          := host [":" port]   host: domain-component ["." domain-component]* | "[" IPv6 "]"
 *   domain-component:= [a-zA-Z0-9] | [a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]
 *   path-component  := [a-z0-9]+ (separator [a-z0-9]+)*      separator := "." | "_" | "__" | "-"+
 *   tag             := [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}
 *   digest          := algorithm ":" hex{32,}   algorithm := [A-Za-z][A-Za-z0-9]* ([-_+.][A-Za-z][A-Za-z0-9]*)*
 *
 * The first component is a domain only if it has a "." or a ":" or is
 * "localhost" (or has upper-case letters); otherwise "team/app" is a path on
 * Docker Hub. The whole name is at most 255 characters.
 */

export interface ImageReference {
	/** Registry host[:port], undefined for Docker Hub. */
	domain?: string;
	/** Repository path, e.g. "team/app" or "busybox". */
	path: string;
	tag?: string;
	digest?: string;
	/** domain/path, e.g. "localhost:5000/team/app" or "busybox". */
	repository: string;
}

export type ReferenceCheck = {ok: true; reference: ImageReference} | {ok: false; message: string};

const maxNameLength = 255;
const domainComponent = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const ipv6Host = /^\[[a-fA-F0-9:]+\]$/;
const port = /^[0-9]+$/;
const pathComponent = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const tagPattern = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const digestPattern = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const fullHexId = /^[a-f0-9]{64}$/;

/** Parses `text` as an image reference, or says what is wrong with it. */
export function parseImageReference(text: string): ReferenceCheck {
	const value = text.trim();
	if (value === '') return fail('an image reference cannot be empty');
	if (/\s/.test(value)) return fail(`"${value}" contains white space`);

	let rest = value;
	let digest: string | undefined;
	const at = rest.indexOf('@');
	if (at !== -1) {
		digest = rest.slice(at + 1);
		rest = rest.slice(0, at);
		if (!digestPattern.test(digest)) return fail(`digest "${digest}" is not algorithm:hex (e.g. sha256: followed by 64 hex digits)`);
	}

	// The tag is after the last ":" unless that colon belongs to a registry port ("host:5000/app").
	let tag: string | undefined;
	const colon = rest.lastIndexOf(':');
	if (colon > rest.lastIndexOf('/')) {
		tag = rest.slice(colon + 1);
		rest = rest.slice(0, colon);
		if (!tagPattern.test(tag)) return fail(tagMessage(tag));
	}

	if (rest === '') return fail(`"${value}" has no repository name`);
	if (rest.length > maxNameLength) return fail(`the repository name is ${rest.length} characters long; at most ${maxNameLength} are allowed`);
	if (fullHexId.test(rest)) return fail(`"${rest}" looks like an image id (64 hex digits), which cannot be used as a repository name`);

	const components = rest.split('/');
	let domain: string | undefined;
	const first = components[0] ?? '';
	if (components.length > 1 && isDomainLike(first)) {
		const problem = checkDomain(first);
		if (problem) return fail(problem);
		domain = first;
		components.shift();
	}

	for (const component of components) {
		const problem = checkPathComponent(component);
		if (problem) return fail(problem);
	}

	const path = components.join('/');
	return {
		ok: true,
		reference: {domain, path, tag, digest, repository: domain === undefined ? path : `${domain}/${path}`},
	};
}

/**
 * Checks a reference to create with `docker tag`: a digest cannot be
 * assigned, and a missing tag means "latest", as the CLI does.
 */
export function parseTagTarget(text: string): ReferenceCheck {
	const check = parseImageReference(text);
	if (!check.ok) return check;
	if (check.reference.digest !== undefined) return fail('a tag cannot carry a digest (@sha256:...): the engine computes digests when it pushes');
	return {ok: true, reference: {...check.reference, tag: check.reference.tag ?? 'latest'}};
}

/** "repository:tag" or "repository@digest", as the engine shows a reference. */
export function formatImageReference(reference: ImageReference): string {
	const tag = reference.tag === undefined ? '' : `:${reference.tag}`;
	const digest = reference.digest === undefined ? '' : `@${reference.digest}`;
	return `${reference.repository}${tag}${digest}`;
}

function isDomainLike(component: string): boolean {
	return component.includes('.') || component.includes(':') || component === 'localhost' || component !== component.toLowerCase();
}

function checkDomain(domain: string): string | undefined {
	let host = domain;
	const portStart = domain.startsWith('[') ? domain.indexOf(']:') + 1 : domain.lastIndexOf(':');
	if (portStart > 0) {
		const portText = domain.slice(portStart + 1);
		if (!port.test(portText)) return `registry port "${portText}" in "${domain}" must be digits`;
		host = domain.slice(0, portStart);
	}

	if (ipv6Host.test(host)) return undefined;
	for (const part of host.split('.')) {
		if (!domainComponent.test(part)) {
			return part === ''
				? `registry host "${host}" has an empty part between dots`
				: `registry host part "${part}" in "${host}" may hold only letters, digits and inner hyphens`;
		}
	}

	return undefined;
}

function checkPathComponent(component: string): string | undefined {
	if (component === '') return 'the repository name has an empty part (two slashes in a row, or a slash at an end)';
	if (pathComponent.test(component)) return undefined;
	if (component !== component.toLowerCase() && pathComponent.test(component.toLowerCase())) {
		return `repository name must be lowercase: "${component}"`;
	}

	if (/^[._-]|[._-]$/.test(component)) return `"${component}" must start and end with a lower-case letter or digit`;
	if (/[^a-z0-9._-]/.test(component)) {
		const bad = /[^a-z0-9._-]/.exec(component)?.[0] ?? '';
		return `"${component}" contains "${bad}": a repository name may hold only lower-case letters, digits and the separators . _ __ -`;
	}

	return `"${component}" has a bad separator: use ".", "_", "__" or dashes between letters and digits`;
}

function tagMessage(tag: string): string {
	if (tag === '') return 'the tag after ":" is empty';
	if (tag.length > 128) return `the tag is ${tag.length} characters long; at most 128 are allowed`;
	if (/^[.-]/.test(tag)) return `tag "${tag}" must start with a letter, digit or underscore`;
	return `tag "${tag}" may hold only letters, digits, "_", "." and "-"`;
}

function fail(message: string): ReferenceCheck {
	return {ok: false, message: `invalid image reference: ${message}`};
}
