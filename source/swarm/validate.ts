/**
 * Validation of the Swarm forms' fields (scale, service update, node labels).
 * Each takes the text as typed and gives the value to send, or a message that
 * says what is wrong and what would be right, shown under the field.
 */

export type Validation<T> = {ok: true; value: T} | {ok: false; error: string};

function ok<T>(value: T): Validation<T> {
	return {ok: true, value};
}

function fail<T>(error: string): Validation<T> {
	return {ok: false, error};
}

/** A whole number >= 0 (`what` names it in messages, e.g. "replicas"). */
function wholeNumber(text: string, what: string, example: string): Validation<number> {
	const value = text.trim();
	if (value === '') return fail(`enter the number of ${what}, e.g. ${example}`);
	if (/^-\d+(\.\d+)?$/.test(value)) return fail(`${what} cannot be negative (got ${value}); use 0 or more`);
	if (/^\d+\.\d+$/.test(value)) return fail(`${what} must be a whole number (got ${value}), e.g. ${example}`);
	if (!/^\d+$/.test(value)) return fail(`${what} must be a whole number like ${example}, not "${value}"`);
	const number = Number(value);
	if (!Number.isSafeInteger(number)) return fail(`${value} ${what} is more than dockdeck can send`);
	return ok(number);
}

/** Replica count: whole, 0 or more (0 stops every task but keeps the service). */
export function validateReplicas(text: string): Validation<number> {
	return wholeNumber(text, 'replicas', '3');
}

/** Tasks updated at once; 0 means all at once. */
export function validateParallelism(text: string): Validation<number> {
	return wholeNumber(text, 'tasks to update at once (parallelism)', '1');
}

// The docker reference grammar (distribution/reference): optional registry
// host[:port], lowercase path components, optional :tag, optional @digest.
const domain = String.raw`(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?`;
const component = String.raw`[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`;
const referencePattern = new RegExp(String.raw`^(?:${domain}/)?${component}(?:/${component})*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`);

export function validateImage(text: string): Validation<string> {
	const value = text.trim();
	if (value === '') return fail('enter an image, e.g. nginx:1.27 or registry.example.com/team/app:2.1');
	if (/\s/.test(value)) return fail(`an image reference has no spaces: "${value}"`);
	if (!referencePattern.test(value)) {
		const path = value.replace(/@.*$/, '').replace(/:[\w][\w.-]*$/, '');
		const repository = path.includes('/') && /[.:]|^localhost$/.test(path.split('/')[0] ?? '') ? path.slice(path.indexOf('/') + 1) : path;
		if (repository !== repository.toLowerCase()) return fail(`repository names must be lowercase: "${value}"`);
		return fail(`"${value}" is not an image reference; write name[:tag] or name@sha256:digest, e.g. nginx:1.27`);
	}
	return ok(value);
}

export type EnvEdit = {kind: 'set'; name: string; value: string} | {kind: 'remove'; name: string};

/** "KEY=value" sets a variable (value may be empty); "KEY" alone removes it. */
export function validateEnvEntry(text: string): Validation<EnvEdit> {
	const value = text.trim();
	if (value === '') return fail('enter KEY=value to set a variable, or KEY alone to remove it');
	const equals = value.indexOf('=');
	const name = equals === -1 ? value : value.slice(0, equals);
	if (name === '') return fail(`"${value}" has no variable name before the "="; write KEY=value`);
	if (/\s/.test(name)) return fail(`a variable name has no spaces: "${name}"`);
	return ok(equals === -1 ? {kind: 'remove', name} : {kind: 'set', name, value: value.slice(equals + 1)});
}

/** CPUs as a decimal ("0.5", "2"); 0 removes the limit or reservation. */
export function validateCpus(text: string): Validation<number> {
	const value = text.trim();
	if (value === '') return fail('enter a number of CPUs, e.g. 0.5 or 2 (0 for none)');
	if (value.startsWith('-')) return fail(`CPUs cannot be negative (got ${value})`);
	if (!/^(\d+(\.\d*)?|\.\d+)$/.test(value)) return fail(`CPUs must be a number like 0.5 or 2, not "${value}"`);
	const cpus = Number(value);
	// The engine counts in NanoCPUs: finer than 1e-9 CPU cannot be sent.
	if (cpus > 0 && cpus < 1e-9) return fail(`${value} CPUs is below the engine's smallest step, 0.000000001`);
	return ok(cpus);
}

const memoryUnits: Record<string, number> = {'': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5};

/**
 * Memory like the docker CLI takes it: a number of bytes, or with k, m, g, t,
 * p (optionally followed by b or ib; all binary, as docker treats them):
 * "256m", "1g", "512MiB", "1.5g". 0 removes the limit or reservation.
 */
export function validateMemory(text: string): Validation<number> {
	const value = text.trim();
	if (value === '') return fail('enter an amount of memory, e.g. 256m, 1g or 512MiB (0 for none)');
	if (value.startsWith('-')) return fail(`memory cannot be negative (got ${value})`);
	const match = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)(i?b)?$/i.exec(value);
	if (!match) return fail(`"${value}" is not an amount of memory; write a number with k, m, g (e.g. 256m, 1g, 512MiB)`);
	const [, amount = '0', unit = '', suffix] = match;
	if (unit === '' && suffix !== undefined && suffix.toLowerCase() === 'ib') return fail(`"${value}" has no unit before "iB"; write e.g. 512MiB`);
	const bytes = Math.round(Number(amount) * (memoryUnits[unit.toLowerCase()] ?? 1));
	if (!Number.isSafeInteger(bytes)) return fail(`${value} is more memory than dockdeck can send`);
	return ok(bytes);
}

const durationUnits: Record<string, number> = {ns: 1, us: 1e3, 'µs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9};

/** Go-style durations as the docker CLI takes them ("5s", "1m30s", "500ms", "0"), in nanoseconds. */
export function validateDuration(text: string): Validation<number> {
	const value = text.trim();
	if (value === '') return fail('enter a duration, e.g. 5s, 1m30s or 0');
	if (value === '0') return ok(0);
	if (value.startsWith('-')) return fail(`a duration cannot be negative (got ${value})`);
	if (/^\d+(\.\d+)?$/.test(value)) return fail(`add a unit to ${value}: e.g. ${value}s (units: ms, s, m, h)`);
	if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(value)) return fail(`"${value}" is not a duration; write e.g. 5s, 1m30s or 500ms (units: ms, s, m, h)`);
	let total = 0;
	for (const [, amount = '0', , unit = 's'] of value.matchAll(/(\d+(\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(amount) * (durationUnits[unit] ?? 1e9);
	return ok(Math.round(total));
}

export function validateFailureAction(text: string): Validation<'pause' | 'continue' | 'rollback'> {
	const value = text.trim().toLowerCase();
	if (value === 'pause' || value === 'continue' || value === 'rollback') return ok(value);
	return fail(`on failure the update can pause, continue or rollback, not "${text.trim()}"`);
}

export function validateOrder(text: string): Validation<'stop-first' | 'start-first'> {
	const value = text.trim().toLowerCase();
	if (value === 'stop-first' || value === 'start-first') return ok(value);
	return fail(`the update order is stop-first (old task stops, then the new one starts) or start-first (they overlap), not "${text.trim()}"`);
}

/** "key=value" for a node label (the value may be empty); keys are case-sensitive. */
export function validateNodeLabel(text: string): Validation<{key: string; value: string}> {
	const value = text.trim();
	if (value === '') return fail('enter a label as key=value, e.g. tier=gold');
	const equals = value.indexOf('=');
	if (equals === -1) return fail(`write the label as key=value, e.g. ${value}=true`);
	const key = value.slice(0, equals).trim();
	if (key === '') return fail(`"${value}" has no key before the "="; write key=value`);
	if (/\s/.test(key)) return fail(`a label key has no spaces: "${key}"`);
	return ok({key, value: value.slice(equals + 1).trim()});
}
