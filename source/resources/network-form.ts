/**
 * The one-line form of "create network":
 *
 *   name [driver=bridge] [subnet=10.1.0.0/24] [gateway=10.1.0.1] [ip-range=10.1.0.128/25]
 *        [internal] [attachable] [ipv6] [label=key=value ...]
 *
 * parsed into a NetworkSpec and checked as the engine layer checks it
 * (checkNetworkSpec), so every mistake gets a message naming the word at
 * fault before anything is sent. Pure.
 */
import {checkNetworkSpec, type NetworkSpec} from '../engine/network-spec.js';

export const networkFormHelp = 'name [driver=bridge] [subnet=10.1.0.0/24] [gateway=IP] [ip-range=CIDR] [internal] [attachable] [ipv6] [label=k=v]';

const flags = ['internal', 'attachable', 'ipv6'] as const;
const options = ['driver', 'subnet', 'gateway', 'ip-range', 'label'] as const;

type Parsed = {ok: true; spec: NetworkSpec} | {ok: false; error: string};

function unknownWord(word: string): string {
	return `"${word}" is not an option: use ${options.map(option => `${option}=`).join(', ')} or the words ${flags.join(', ')}`;
}

export function parseNetworkForm(text: string, taken: (name: string) => boolean = () => false): Parsed {
	const words = text.trim().split(/\s+/).filter(Boolean);
	const [name, ...rest] = words;
	if (name === undefined) return {ok: false, error: `type a name first: ${networkFormHelp}`};
	if (name.includes('=')) return {ok: false, error: `the first word is the network's name, not "${name}": ${networkFormHelp}`};
	const spec: NetworkSpec = {name};
	const seen = new Set<string>();
	for (const word of rest) {
		const equals = word.indexOf('=');
		const key = (equals === -1 ? word : word.slice(0, equals)).toLowerCase();
		const value = equals === -1 ? undefined : word.slice(equals + 1);
		if ((flags as readonly string[]).includes(key)) {
			if (value !== undefined) return {ok: false, error: `${key} takes no value: write just "${key}"`};
			spec[key as (typeof flags)[number]] = true;
			continue;
		}

		if (!(options as readonly string[]).includes(key)) return {ok: false, error: unknownWord(word)};
		if (!value) return {ok: false, error: `${key}= needs a value, e.g. ${key === 'label' ? 'label=team=web' : key === 'driver' ? 'driver=bridge' : key === 'gateway' ? 'gateway=10.1.0.1' : `${key}=10.1.0.0/24`}`};
		if (key === 'label') {
			const [labelKey = '', ...labelValue] = value.split('=');
			if (labelKey === '') return {ok: false, error: `label=${value} needs a key: label=key=value`};
			spec.labels = {...spec.labels, [labelKey]: labelValue.join('=')};
			continue;
		}

		if (seen.has(key)) return {ok: false, error: `${key}= is given twice`};
		seen.add(key);
		if (key === 'driver') spec.driver = value;
		else if (key === 'subnet') spec.subnet = value;
		else if (key === 'gateway') spec.gateway = value;
		else spec.ipRange = value;
	}

	const problems = checkNetworkSpec(spec);
	if (problems.length > 0) return {ok: false, error: problems.join('; ')};
	if (taken(name)) return {ok: false, error: `a network named ${name} exists already`};
	return {ok: true, spec};
}

/** "rec-backend (bridge, 172.30.5.0/24 via 172.30.5.1, internal)": the spec read back, for the status line. */
export function describeNetworkSpec(spec: NetworkSpec): string {
	const subnet = spec.subnet ? `${spec.subnet}${spec.gateway ? ` via ${spec.gateway}` : ''}${spec.ipRange ? ` range ${spec.ipRange}` : ''}` : '';
	const traits = [spec.driver ?? 'bridge', subnet, spec.internal ? 'internal' : '', spec.attachable ? 'attachable' : '', spec.ipv6 ? 'IPv6' : ''].filter(Boolean);
	return `${spec.name} (${traits.join(', ')})`;
}
