import {createRequire} from 'node:module';

const requireBuiltin = createRequire(import.meta.url);

/**
 * A Node built-in loaded on its first use, not at start-up. Start-up pays for
 * every module it loads: node:crypto is 14 internal modules, node:child_process
 * brings dgram, node:fs/promises brings readline (together ~6 ms), and they are
 * only needed for a docker context, an ssh engine, a prune or a saved log.
 */
export function lazyBuiltin<T>(id: `node:${string}`): () => T {
	let loaded: T | undefined;
	return () => (loaded ??= requireBuiltin(id) as T);
}
