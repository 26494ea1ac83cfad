/** Pure display formatting shared by every pane. */

const byteUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** 1536 -> "1.5KiB"; binary units like `docker stats`. */
export function formatBytes(bytes: number | undefined): string {
	if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '-';
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < byteUnits.length - 1) {
		value /= 1024;
		unit++;
	}
	const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
	return `${value.toFixed(digits)}${byteUnits[unit]}`;
}

/** 12.345 -> "12.3%"; undefined -> "-". */
export function formatPercent(value: number | undefined): string {
	if (value === undefined || !Number.isFinite(value)) return '-';
	return `${value.toFixed(value >= 100 ? 0 : 1)}%`;
}

/** Milliseconds -> "3s", "5m", "2h", "4d", "6w" like the docker CLI's short form. */
export function formatDuration(ms: number): string {
	const seconds = Math.max(0, Math.floor(ms / 1000));
	if (seconds < 60) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes}m`;
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return `${hours}h`;
	const days = Math.floor(hours / 24);
	if (days < 14) return `${days}d`;
	return `${Math.floor(days / 7)}w`;
}

/** Epoch ms -> "5m ago". */
export function formatAge(epochMs: number | undefined, now = Date.now()): string {
	if (epochMs === undefined || !Number.isFinite(epochMs) || epochMs <= 0) return '-';
	return `${formatDuration(now - epochMs)} ago`;
}

/** First 12 hex digits of an id, without any "sha256:" prefix. */
export function shortId(id: string): string {
	return id.replace(/^sha256:/, '').slice(0, 12);
}

/** Epoch ms -> "2026-11-22 23:04:05" in local time. */
export function formatTimestamp(epochMs: number): string {
	const date = new Date(epochMs);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
