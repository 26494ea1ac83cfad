import {createContext, useContext, useEffect, useSyncExternalStore} from 'react';
import type {LiveStore} from '../../store/live-store.js';
import type {Snapshot} from '../../store/snapshot.js';

export const StoreContext = createContext<LiveStore | undefined>(undefined);

export function useStore(): LiveStore {
	const store = useContext(StoreContext);
	if (!store) throw new Error('useStore outside StoreContext');
	return store;
}

/**
 * A slice of the live snapshot. The selector must return a part of the
 * snapshot (not a new object), so an unchanged slice keeps its identity and
 * the component does not re-render.
 */
export function useStoreSlice<T>(selector: (snapshot: Snapshot) => T): T {
	const store = useStore();
	return useSyncExternalStore(store.subscribe, () => selector(store.getSnapshot()));
}

/** Keeps `kind` listed while the calling view is mounted. */
export function useWatchKind(kind: string): void {
	const store = useStore();
	useEffect(() => store.watch(kind), [store, kind]);
}
