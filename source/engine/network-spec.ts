/**
 * What a user may ask for when creating a network, checked before the
 * request so a typo in a subnet gets a message naming the field, not the
 * engine's "invalid pool request". Pure: no engine calls.
 */
import {isIPv4, isIPv6} from 'node:net';

export interface NetworkSpec {
	name: string;
	/** "bridge" (default), "overlay" (swarm), "macvlan", "ipvlan", or a plugin's name. */
	driver?: string;
	/** CIDR, e.g. "172.30.5.0/24" or "fd00:1::/64". */
	subnet?: string;
	/** An address inside the subnet; the engine picks the first one when omitted. */
	gateway?: string;
	/** A CIDR inside the subnet to hand container addresses from. */
	ipRange?: string;
	/** No route out of the network. */
	internal?: boolean;
	/** Standalone containers may join a swarm-scoped network. */
	attachable?: boolean;
	ipv6?: boolean;
	labels?: Record<string, string>;
	driverOptions?: Record<string, string>;
}

/** Names the engine owns; creating one fails, and they are never pruned. */
export const predefinedNetworks: ReadonlySet<string> = new Set(['bridge', 'host', 'none', 'default']);

const driverName = /^[a-z0-9][a-z0-9_.:/-]*$/;

interface Cidr {
	family: 4 | 6;
	address: bigint;
	prefix: number;
}

/** Problems with the spec, one sentence each; empty when it is fine to send. */
export function checkNetworkSpec(spec: NetworkSpec): string[] {
	const problems: string[] = [];
	const name = spec.name.trim();
	if (name === '') problems.push('a network needs a name');
	else if (/[\s/]/.test(name)) problems.push(`network name "${name}" may not contain spaces or "/"`);
	else if (predefinedNetworks.has(name)) problems.push(`"${name}" is the name of a network the engine provides`);

	const driver = spec.driver ?? 'bridge';
	if (!driverName.test(driver)) problems.push(`driver "${driver}" is not a driver name (bridge, overlay, macvlan, ipvlan or a plugin)`);
	if (spec.attachable && driver !== 'overlay') problems.push('attachable applies only to overlay (swarm) networks');

	const subnet = spec.subnet?.trim() ? parseCidr(spec.subnet.trim(), 'subnet', problems) : undefined;
	if (!subnet && (spec.gateway?.trim() || spec.ipRange?.trim())) problems.push('a gateway or IP range needs a subnet');
	if (subnet) {
		if (subnet.family === 6 && !spec.ipv6) problems.push('an IPv6 subnet needs IPv6 turned on');
		if (spec.gateway?.trim()) checkGateway(spec.gateway.trim(), subnet, problems);
		if (spec.ipRange?.trim()) {
			const range = parseCidr(spec.ipRange.trim(), 'IP range', problems);
			if (range && !contains(subnet, range.address, range.prefix)) problems.push(`IP range ${spec.ipRange.trim()} is not inside subnet ${spec.subnet?.trim()}`);
		}
	}

	return problems;
}

function checkGateway(gateway: string, subnet: Cidr, problems: string[]): void {
	const address = parseAddress(gateway);
	if (!address) problems.push(`gateway "${gateway}" is not an IP address`);
	else if (address.family !== subnet.family) problems.push(`gateway ${gateway} is IPv${address.family} but the subnet is IPv${subnet.family}`);
	else if (!contains(subnet, address.value, bits(address.family))) problems.push(`gateway ${gateway} is not inside the subnet`);
}

function parseCidr(text: string, what: string, problems: string[]): Cidr | undefined {
	const [addressText = '', prefixText, extra] = text.split('/');
	const address = parseAddress(addressText);
	if (!address || prefixText === undefined || extra !== undefined || !/^\d{1,3}$/.test(prefixText)) {
		problems.push(`${what} "${text}" is not in CIDR form, e.g. 172.30.5.0/24 or fd00:1::/64`);
		return undefined;
	}

	const prefix = Number(prefixText);
	const width = bits(address.family);
	if (prefix > width) {
		problems.push(`${what} prefix /${prefix} is longer than ${width} bits`);
		return undefined;
	}

	const hostBits = (1n << BigInt(width - prefix)) - 1n;
	if ((address.value & hostBits) !== 0n) {
		problems.push(`${what} ${text} has host bits set: use ${formatAddress(address.value & ~hostBits, address.family)}/${prefix}`);
		return undefined;
	}

	return {family: address.family, address: address.value, prefix};
}

function contains(outer: Cidr, address: bigint, prefix: number): boolean {
	if (prefix < outer.prefix) return false;
	const shift = BigInt(bits(outer.family) - outer.prefix);
	return address >> shift === outer.address >> shift;
}

function bits(family: 4 | 6): number {
	return family === 4 ? 32 : 128;
}

function parseAddress(text: string): {family: 4 | 6; value: bigint} | undefined {
	if (isIPv4(text)) return {family: 4, value: text.split('.').reduce((value, octet) => (value << 8n) + BigInt(octet), 0n)};
	if (!isIPv6(text) || text.includes('.')) return undefined;
	const [head = '', tail] = text.split('::');
	const headGroups = head === '' ? [] : head.split(':');
	const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
	const zeros = tail === undefined ? [] : Array.from({length: 8 - headGroups.length - tailGroups.length}, () => '0');
	const groups = [...headGroups, ...zeros, ...tailGroups];
	return {family: 6, value: groups.reduce((value, group) => (value << 16n) + BigInt(Number.parseInt(group, 16)), 0n)};
}

function formatAddress(value: bigint, family: 4 | 6): string {
	if (family === 4) return [24n, 16n, 8n, 0n].map(shift => String((value >> shift) & 255n)).join('.');
	const groups = Array.from({length: 8}, (_, index) => ((value >> BigInt(112 - index * 16)) & 0xffffn).toString(16));
	return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}
