import type {EngineSession} from '../engine/client.js';
import {forceRestartService, removeService, rollbackService, scaleService, updateService} from '../engine/swarm/service-actions.js';
import {inspectRawService} from '../engine/swarm/services.js';
import type {ServiceSummary} from '../engine/swarm/types.js';
import {diffSpecs, rollbackBlocker} from '../swarm/spec-diff.js';
import {validateEnvEntry, validateImage, validateReplicas} from '../swarm/validate.js';
import type {ActionDef} from './descriptor.js';
import {currentLine, parseUpdateLine, settingsOf} from './service-update-form.js';

/** After a change is sent, the service's live rollout opens: each slot's old → new task as it happens. */
const rollout = {openTab: 'rollout'};

/** At most this many changed fields are listed in the rollback confirmation; the rest are counted. */
const diffLinesShown = 14;

function diffLine(change: {path: string; before?: string; after?: string}): string {
	return `  ${change.path}: ${change.before ?? '(none)'}  →  ${change.after ?? '(none)'}`;
}

/** Scale, update image or env, roll back (after a diff), force restart, remove. */
export const serviceActions: readonly ActionDef<ServiceSummary>[] = [
	{
		id: 'service.scale',
		keys: ['s'],
		description: 'scale a replicated service: type the number of replicas',
		hint: 'scale',
		plan: service =>
			service.mode !== 'replicated'
				? {refused: `${service.name} is a ${service.mode} service: it runs one task per eligible node and cannot be scaled`}
				: {
						ask: {
							question: `replicas for ${service.name} (now ${service.desired})`,
							placeholder: 'a whole number, 0 stops every task',
							validate: text => {
								const replicas = validateReplicas(text);
								return replicas.ok ? undefined : replicas.error;
							},
						},
						answer: text => {
							const replicas = validateReplicas(text);
							if (!replicas.ok) return {refused: replicas.error};
							if (replicas.value === service.desired) return {refused: `${service.name} already wants ${replicas.value} replicas`};
							const fewer = replicas.value < service.desired;
							return {
								confirm: `Scale ${service.name} from ${service.desired} to ${replicas.value} replicas?${fewer ? ` ${service.desired - replicas.value} of its tasks will stop.` : ''}`,
								confirmLabel: 'scale',
								run: async (session: EngineSession) => {
									await scaleService(session.docker, service.id, replicas.value);
									return rollout;
								},
								done: `scaled ${service.name} to ${replicas.value} replicas`,
							};
						},
					},
	},
	{
		id: 'service.update',
		keys: ['u'],
		description: 'update the service: edit one line of fields (image, replicas, cpu/mem limits and reservations, parallelism, delay, failure-action, order, env:KEY=value, env:-KEY)',
		hint: 'update',
		plan: service => ({
			loading: `reading the spec of ${service.name}…`,
			load: async session => {
				const raw = await inspectRawService(session.docker, service.id);
				const update = raw.Spec?.UpdateConfig;
				const current = settingsOf(service, {parallelism: update?.Parallelism, delayNs: update?.Delay, failureAction: update?.FailureAction, order: update?.Order});
				return {
					ask: {
						question: `update ${service.name}`,
						initial: currentLine(current),
						validate: text => {
							const parsed = parseUpdateLine(text, current);
							return 'error' in parsed ? parsed.error : undefined;
						},
					},
					answer: text => {
						const parsed = parseUpdateLine(text, current);
						if ('error' in parsed) return {refused: parsed.error};
						return {
							confirm: [`Update ${service.name}?`, ...parsed.summary.map(line => `  ${line}`), 'Its tasks are replaced by its update config.'].join('\n'),
							confirmLabel: 'update',
							run: async (s: EngineSession) => {
								await updateService(s.docker, service.id, parsed.changes);
								return rollout;
							},
							done: `updating ${service.name}: ${parsed.summary.join(', ')}`,
						};
					},
				};
			},
		}),
	},
	{
		id: 'service.image',
		keys: ['m'],
		description: 'update the image of the service (sent as typed: no registry is asked)',
		plan: service => ({
			ask: {
				question: `image for ${service.name}`,
				initial: service.image,
				validate: text => {
					const image = validateImage(text);
					return image.ok ? undefined : image.error;
				},
			},
			answer: text => {
				const image = validateImage(text);
				if (!image.ok) return {refused: image.error};
				if (image.value === service.image) return {refused: `${service.name} already runs ${image.value}`};
				return {
					confirm: `Update ${service.name}: image ${service.image} → ${image.value}? Its tasks are replaced by its update config.`,
					confirmLabel: 'update',
					run: async (session: EngineSession) => {
						await updateService(session.docker, service.id, {image: image.value});
						return rollout;
					},
					done: `updating ${service.name} to ${image.value}`,
				};
			},
		}),
	},
	{
		id: 'service.env',
		keys: ['E'],
		description: 'set an environment variable (KEY=value) or remove one (KEY) of the service',
		plan: service => ({
			ask: {
				question: `env of ${service.name} (KEY=value sets, KEY removes)`,
				placeholder: 'e.g. LOG_LEVEL=debug',
				validate: text => {
					const entry = validateEnvEntry(text);
					return entry.ok ? undefined : entry.error;
				},
			},
			answer: text => {
				const entry = validateEnvEntry(text);
				if (!entry.ok) return {refused: entry.error};
				const edit = entry.value;
				const changes = edit.kind === 'set' ? {envSet: {[edit.name]: edit.value}} : {envRemove: [edit.name]};
				return {
					confirm: `Update ${service.name}: ${edit.kind === 'set' ? `set ${edit.name}=${edit.value}` : `remove ${edit.name}`}? Its tasks are replaced by its update config.`,
					confirmLabel: 'update',
					run: async (session: EngineSession) => {
						await updateService(session.docker, service.id, changes);
						return rollout;
					},
					done: `updating ${service.name}: ${edit.kind === 'set' ? `${edit.name} set` : `${edit.name} removed`}`,
				};
			},
		}),
	},
	{
		id: 'service.rollback',
		keys: ['b'],
		description: 'roll back to the previous spec: shows what will change first',
		hint: 'rollback',
		dangerous: true,
		plan: service =>
			!service.hasPreviousSpec
				? {refused: `${service.name} has no previous spec: it was never updated, so there is nothing to roll back to`}
				: {
						loading: `reading the current and previous spec of ${service.name}…`,
						load: async session => {
							const raw = await inspectRawService(session.docker, service.id);
							const blocker = rollbackBlocker(service.name, raw.Spec, raw.PreviousSpec);
							if (blocker) return {refused: blocker};
							const changes = diffSpecs(raw.Spec, raw.PreviousSpec);
							const shown = changes.slice(0, diffLinesShown).map(diffLine);
							const more = changes.length > diffLinesShown ? [`  … and ${changes.length - diffLinesShown} more changes`] : [];
							return {
								confirm: [`Roll back ${service.name}? Current → previous spec:`, ...shown, ...more].join('\n'),
								confirmLabel: 'roll back',
								run: async (s: EngineSession) => {
									await rollbackService(s.docker, service.id);
									return rollout;
								},
								done: `rolling back ${service.name}`,
							};
						},
					},
	},
	{
		id: 'service.forceRestart',
		keys: ['r'],
		description: 'restart every task of the service (update with ForceUpdate + 1), by its update config',
		plan: service => ({
			confirm: `Restart every task of ${service.name} (${service.running} running)? They are replaced by its update config.`,
			confirmLabel: 'restart',
			run: async (session: EngineSession) => {
				await forceRestartService(session.docker, service.id);
				return rollout;
			},
			done: `restarting the tasks of ${service.name}`,
		}),
	},
	{
		id: 'service.remove',
		keys: ['d'],
		description: 'remove the service and all its tasks',
		dangerous: true,
		plan: service => ({
			confirm: `Remove service ${service.name}${service.stack ? ` (stack ${service.stack})` : ''} and its ${service.running} running tasks?`,
			confirmLabel: 'remove',
			run: (session: EngineSession) => removeService(session.docker, service.id),
			done: `removed service ${service.name}`,
		}),
	},
];
