/** Codes that mean the engine itself is out of reach, not that one call failed. */
const unreachableCodes = new Set(['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND', 'EACCES', 'ERR_SOCKET_CLOSED']);

/**
 * True when `error` says the connection to the engine is gone (socket closed,
 * daemon stopped, ssh dropped), so the store should reconnect; false for an
 * answer from the engine (404, 409, 500...), which is one call's failure.
 */
export function isConnectionError(error: unknown): boolean {
	if (!error || typeof error !== 'object') return false;
	const record = error as {code?: unknown; statusCode?: unknown; name?: unknown};
	if (typeof record.statusCode === 'number') return false;
	if (typeof record.code === 'string' && unreachableCodes.has(record.code)) return true;
	return record.name === 'SshError';
}
