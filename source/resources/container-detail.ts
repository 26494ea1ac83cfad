import {inspectContainer} from '../engine/containers.js';
import type {ContainerDetail} from '../engine/types.js';
import {formatAge, formatTimestamp, shortId} from '../lib/format.js';
import type {Line, Segment} from '../theme/tokens.js';
import {formatPorts, stateText, stateTone} from './container-columns.js';
import type {DetailDescriptor} from './descriptor.js';

/** Names whose values are masked until the user reveals them. */
const secretName = /pass(word)?|secret|token|api[_-]?key|private[_-]?key|credential|auth|pwd|_key$|^key$/i;

export function looksSecret(name: string): boolean {
	return secretName.test(name);
}

function field(label: string, value: string, tone?: Segment['tone']): Line {
	return [{text: `${label.padEnd(16)}`, tone: 'muted'}, {text: value || '-', tone}];
}

function summary(detail: ContainerDetail): Line[] {
	const lines: Line[] = [
		field('Name', detail.name, 'title'),
		field('ID', detail.id),
		field('Image', `${detail.image} (${shortId(detail.imageId)})`),
		field('State', stateText(detail), stateTone(detail)),
	];
	if (detail.startedAt) lines.push(field('Started', `${formatTimestamp(detail.startedAt)} (${formatAge(detail.startedAt)})`));
	if (detail.finishedAt && detail.state !== 'running') lines.push(field('Finished', `${formatTimestamp(detail.finishedAt)} (${formatAge(detail.finishedAt)})`));
	if (detail.exitCode !== undefined) lines.push(field('Exit code', String(detail.exitCode), detail.exitCode === 0 ? undefined : 'message.error'));
	lines.push(
		field('Restart policy', `${detail.restartPolicy} (restarted ${detail.restartCount}×)`),
		field('Command', detail.command),
		field('Entrypoint', detail.entrypoint),
		field('Working dir', detail.workingDir),
		field('User', detail.user || 'root (image default)'),
		field('Hostname', detail.hostname),
		field('TTY', detail.tty ? 'yes' : 'no'),
		field('Ports', formatPorts(detail.ports)),
	);
	const project = detail.labels['com.docker.compose.project'];
	if (project) lines.push(field('Compose', `${project} / ${detail.labels['com.docker.compose.service'] ?? '?'}`));
	return lines;
}

function env(detail: ContainerDetail, revealSecrets: boolean): Line[] {
	if (detail.env.length === 0) return [[{text: 'No environment variables.', tone: 'muted'}]];
	const hidden = detail.env.filter(entry => looksSecret(entry.name)).length;
	const lines: Line[] = detail.env.map(entry => {
		const masked = looksSecret(entry.name) && !revealSecrets;
		return [
			{text: entry.name, tone: 'accent'},
			{text: '='},
			masked ? {text: '••••••••', tone: 'secret.masked'} : {text: entry.value},
		];
	});
	if (hidden > 0) {
		lines.unshift([{text: revealSecrets ? `${hidden} secret-looking values shown (x hides them)` : `${hidden} secret-looking values masked (x reveals them)`, tone: 'muted'}], []);
	}
	return lines;
}

function mounts(detail: ContainerDetail): Line[] {
	if (detail.mounts.length === 0) return [[{text: 'No mounts.', tone: 'muted'}]];
	return detail.mounts.flatMap(mount => [
		[{text: mount.destination, tone: 'title'}, {text: `  ${mount.type}${mount.readWrite ? '' : ', read-only'}`, tone: 'muted'}],
		field('  source', mount.name ? `${mount.name} (${mount.source})` : mount.source),
		[],
	]);
}

function networks(detail: ContainerDetail): Line[] {
	if (detail.networks.length === 0) return [[{text: 'Not attached to any network.', tone: 'muted'}]];
	return detail.networks.flatMap(network => [
		[{text: network.name, tone: 'title'}],
		field('  IP address', network.ipAddress),
		field('  Gateway', network.gateway),
		field('  MAC address', network.macAddress),
		field('  Aliases', network.aliases.join(', ')),
		[],
	]);
}

function labels(detail: ContainerDetail): Line[] {
	const entries = Object.entries(detail.labels).sort(([a], [b]) => a.localeCompare(b));
	if (entries.length === 0) return [[{text: 'No labels.', tone: 'muted'}]];
	return entries.map(([name, value]) => [{text: name, tone: 'accent'}, {text: '='}, {text: value}]);
}

function raw(detail: ContainerDetail): Line[] {
	return JSON.stringify(detail.raw, null, 2)
		.split('\n')
		.map(text => [{text}]);
}

export const containerDetail: DetailDescriptor<ContainerDetail> = {
	load: (session, id) => inspectContainer(session.docker, id),
	tabs: [
		{id: 'summary', title: 'Summary', lines: summary},
		{id: 'stats', title: 'Stats', live: true},
		{id: 'processes', title: 'Processes', live: true},
		{id: 'env', title: 'Env', lines: (detail, options) => env(detail, options.revealSecrets)},
		{id: 'mounts', title: 'Mounts', lines: mounts},
		{id: 'networks', title: 'Networks', lines: networks},
		{id: 'labels', title: 'Labels', lines: labels},
		{id: 'events', title: 'Events', live: true},
		{id: 'raw', title: 'Raw JSON', lines: raw},
	],
};
