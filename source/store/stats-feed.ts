import type {RawStats, CpuSample} from '../engine/stats.js';
import {cpuSampleOf, toContainerStats} from '../engine/stats.js';
import type {ContainerStats} from '../engine/types.js';

export interface StatsSource {
	readStats(id: string, signal: AbortSignal): Promise<RawStats>;
}

export interface StatsFeedOptions {
	/** Time between two rounds of readings, ms. Default 2000. */
	intervalMs?: number;
	/** Readings in flight at once: bounds the connections we hold. Default 4. */
	concurrency?: number;
	/** Called once per round with every reading of the round: one store update, one frame. */
	onStats(stats: readonly ContainerStats[]): void;
}

/**
 * Reads stats only for the containers the user can see (visible rows plus the
 * selection): a row scrolled away costs nothing. One-shot readings in bounded
 * parallel, not one open stream per container.
 */
export class StatsFeed {
	private targets: readonly string[] = [];
	private readonly previous = new Map<string, CpuSample>();
	private source: StatsSource | undefined;
	private abort: AbortController | undefined;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private round: Promise<void> | undefined;
	private readonly intervalMs: number;
	private readonly concurrency: number;

	constructor(private readonly options: StatsFeedOptions) {
		this.intervalMs = options.intervalMs ?? 2000;
		this.concurrency = options.concurrency ?? 4;
	}

	/** The ids to read; readings start at once for ids not read before. */
	setTargets(ids: readonly string[]): void {
		const fresh = ids.some(id => !this.previous.has(id));
		this.targets = ids;
		for (const id of this.previous.keys()) {
			if (!ids.includes(id)) this.previous.delete(id);
		}
		if (fresh && this.source && !this.round) this.runRound();
	}

	start(source: StatsSource): void {
		this.stop();
		this.source = source;
		this.abort = new AbortController();
		this.runRound();
	}

	stop(): void {
		this.abort?.abort();
		this.abort = undefined;
		this.source = undefined;
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		this.previous.clear();
	}

	private runRound(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		const source = this.source;
		const abort = this.abort;
		if (!source || !abort) return;
		this.round = this.readAll(source, abort.signal).finally(() => {
			this.round = undefined;
			// A container read once has no CPU % yet: read it again soon rather than a full interval later.
			const waiting = this.targets.some(id => !this.previous.has(id));
			if (!abort.signal.aborted) this.timer = setTimeout(() => this.runRound(), waiting ? Math.min(500, this.intervalMs) : this.intervalMs);
		});
	}

	private async readAll(source: StatsSource, signal: AbortSignal): Promise<void> {
		const queue = [...this.targets];
		const readings: ContainerStats[] = [];
		const worker = async () => {
			for (let id = queue.shift(); id !== undefined && !signal.aborted; id = queue.shift()) {
				const reading = await this.readOne(source, id, signal);
				if (reading) readings.push(reading);
			}
		};
		await Promise.all(Array.from({length: Math.min(this.concurrency, queue.length)}, worker));
		if (!signal.aborted && readings.length > 0) this.options.onStats(readings);
	}

	private async readOne(source: StatsSource, id: string, signal: AbortSignal): Promise<ContainerStats | undefined> {
		let raw: RawStats;
		try {
			raw = await source.readStats(id, signal);
		} catch {
			// A container that stopped or vanished between list and read: skip it this round.
			return undefined;
		}
		if (signal.aborted || !this.targets.includes(id)) return undefined;
		const stats = toContainerStats(id, raw, this.previous.get(id));
		const sample = cpuSampleOf(raw);
		if (sample) this.previous.set(id, sample);
		return stats;
	}
}
