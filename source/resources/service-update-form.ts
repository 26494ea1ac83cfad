import type {ServiceChanges} from '../engine/swarm/service-spec.js';
import type {ServiceSummary} from '../engine/swarm/types.js';
import {splitShellWords} from '../lib/shell-words.js';
import {validateCpus, validateDuration, validateEnvEntry, validateFailureAction, validateImage, validateMemory, validateOrder, validateParallelism, validateReplicas, type Validation} from '../swarm/validate.js';

/**
 * The service update form, as one editable line of `key=value` fields: it
 * opens holding the current values, you change what you want, and only the
 * fields that differ are sent. `env:KEY=value` sets a variable, `env:-KEY`
 * removes one. Values with spaces go in quotes, as in a shell.
 */
export const updateFields = ['image', 'replicas', 'cpu-limit', 'mem-limit', 'cpu-reserve', 'mem-reserve', 'parallelism', 'delay', 'failure-action', 'order'] as const;

type Field = (typeof updateFields)[number];

export interface CurrentSettings {
	image: string;
	replicas?: number;
	limits: {cpus: number; memoryBytes: number};
	reservations: {cpus: number; memoryBytes: number};
	parallelism?: number;
	delayNs?: number;
	failureAction?: string;
	order?: string;
}

function bytesText(bytes: number): string {
	if (bytes === 0) return '0';
	for (const [unit, size] of [['g', 2 ** 30], ['m', 2 ** 20], ['k', 2 ** 10]] as const) if (bytes % size === 0) return `${bytes / size}${unit}`;
	return String(bytes);
}

function durationText(ns: number): string {
	const seconds = ns / 1e9;
	return seconds === 0 ? '0' : `${seconds}s`;
}

/** The line the form opens with: every field at its current value. */
export function currentLine(current: CurrentSettings): string {
	const fields: [Field, string | undefined][] = [
		['image', current.image],
		['replicas', current.replicas === undefined ? undefined : String(current.replicas)],
		['cpu-limit', String(current.limits.cpus)],
		['mem-limit', bytesText(current.limits.memoryBytes)],
		['cpu-reserve', String(current.reservations.cpus)],
		['mem-reserve', bytesText(current.reservations.memoryBytes)],
		['parallelism', String(current.parallelism ?? 1)],
		['delay', durationText(current.delayNs ?? 0)],
		['failure-action', current.failureAction ?? 'pause'],
		['order', current.order ?? 'stop-first'],
	];
	return fields.filter(([, value]) => value !== undefined).map(([key, value]) => `${key}=${value}`).join(' ');
}

export function settingsOf(service: ServiceSummary, update: {parallelism?: number; delayNs?: number; failureAction?: string; order?: string}): CurrentSettings {
	return {image: service.image, replicas: service.mode === 'replicated' ? service.desired : undefined, limits: service.limits, reservations: service.reservations, ...update};
}

function need<T>(result: Validation<T>, field: string): T {
	if (!result.ok) throw new Error(`${field}: ${result.error}`);
	return result.value;
}

/** The changes the edited line asks for against `current`, or a clear reason it cannot be read. */
export function parseUpdateLine(line: string, current: CurrentSettings): {changes: ServiceChanges; summary: string[]} | {error: string} {
	const split = splitShellWords(line.trim());
	if ('error' in split) return {error: split.error};
	const changes: ServiceChanges = {};
	const summary: string[] = [];
	const limits: {cpus?: number; memoryBytes?: number} = {};
	const reservations: {cpus?: number; memoryBytes?: number} = {};
	const updateConfig: NonNullable<ServiceChanges['updateConfig']> = {};
	const change = (text: string, apply: () => unknown) => {
		apply();
		summary.push(text);
	};
	try {
		for (const word of split.words) {
			if (word.startsWith('env:')) {
				const entry = need(validateEnvEntry(word.slice(4).replace(/^-/, '')), 'env');
				if (word.startsWith('env:-') || entry.kind === 'remove') {
					changes.envRemove = [...(changes.envRemove ?? []), entry.name];
					summary.push(`remove env ${entry.name}`);
				} else {
					changes.envSet = {...changes.envSet, [entry.name]: entry.kind === 'set' ? entry.value : ''};
					summary.push(`set env ${entry.name}=${entry.kind === 'set' ? entry.value : ''}`);
				}
				continue;
			}
			const equals = word.indexOf('=');
			const key = equals === -1 ? word : word.slice(0, equals);
			const value = equals === -1 ? '' : word.slice(equals + 1);
			if (equals === -1) throw new Error(`"${word}" is not key=value (fields: ${updateFields.join(', ')}, env:KEY=value, env:-KEY)`);
			switch (key as Field) {
				case 'image': {
					const image = need(validateImage(value), key);
					if (image !== current.image) change(`image ${current.image} → ${image}`, () => (changes.image = image));
					break;
				}
				case 'replicas': {
					if (current.replicas === undefined) throw new Error('replicas: a global service runs one task per eligible node and has no replica count');
					const replicas = need(validateReplicas(value), key);
					if (replicas !== current.replicas) change(`replicas ${current.replicas} → ${replicas}`, () => (changes.replicas = replicas));
					break;
				}
				case 'cpu-limit':
				case 'cpu-reserve': {
					const cpus = need(validateCpus(value), key);
					const target = key === 'cpu-limit' ? limits : reservations;
					const was = key === 'cpu-limit' ? current.limits.cpus : current.reservations.cpus;
					if (cpus !== was) change(`${key} ${was} → ${cpus}`, () => (target.cpus = cpus));
					break;
				}
				case 'mem-limit':
				case 'mem-reserve': {
					const bytes = need(validateMemory(value), key);
					const target = key === 'mem-limit' ? limits : reservations;
					const was = key === 'mem-limit' ? current.limits.memoryBytes : current.reservations.memoryBytes;
					if (bytes !== was) change(`${key} ${bytesText(was)} → ${bytesText(bytes)}`, () => (target.memoryBytes = bytes));
					break;
				}
				case 'parallelism': {
					const parallelism = need(validateParallelism(value), key);
					if (parallelism !== (current.parallelism ?? 1)) change(`parallelism ${current.parallelism ?? 1} → ${parallelism}`, () => (updateConfig.parallelism = parallelism));
					break;
				}
				case 'delay': {
					const delayNs = need(validateDuration(value), key);
					if (delayNs !== (current.delayNs ?? 0)) change(`delay ${durationText(current.delayNs ?? 0)} → ${durationText(delayNs)}`, () => (updateConfig.delayNs = delayNs));
					break;
				}
				case 'failure-action': {
					const action = need(validateFailureAction(value), key);
					if (action !== (current.failureAction ?? 'pause')) change(`failure-action ${current.failureAction ?? 'pause'} → ${action}`, () => (updateConfig.failureAction = action));
					break;
				}
				case 'order': {
					const order = need(validateOrder(value), key);
					if (order !== (current.order ?? 'stop-first')) change(`order ${current.order ?? 'stop-first'} → ${order}`, () => (updateConfig.order = order));
					break;
				}
				default:
					throw new Error(`unknown field "${key}" (fields: ${updateFields.join(', ')}, env:KEY=value, env:-KEY)`);
			}
		}
	} catch (error) {
		return {error: (error as Error).message};
	}
	if (Object.keys(limits).length > 0) changes.limits = limits;
	if (Object.keys(reservations).length > 0) changes.reservations = reservations;
	if (Object.keys(updateConfig).length > 0) changes.updateConfig = updateConfig;
	if (summary.length === 0) return {error: 'nothing changed: edit a value (or Esc to cancel)'};
	return {changes, summary};
}
