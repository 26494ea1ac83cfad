import {createContext, useContext, useLayoutEffect, useRef} from 'react';
import type {CommandId, Scope} from '../../keymap/commands.js';

/** Returns true when the command was handled. */
export type CommandHandler = (command: CommandId) => boolean;

export interface CommandRegistry {
	/** The top view registers its scopes and handler; the screen dispatches to it first. */
	register(scopes: readonly Scope[], handler: CommandHandler): () => void;
}

export const CommandRegistryContext = createContext<CommandRegistry | undefined>(undefined);

/**
 * Registers the calling view's scopes and command handler while mounted.
 * The handler may change every render; the latest one is always called.
 */
export function useCommands(scopes: readonly Scope[], handler: CommandHandler): void {
	const registry = useContext(CommandRegistryContext);
	const latest = useRef(handler);
	latest.current = handler;
	const scopeKey = scopes.join(' ');
	// A layout effect registers during the commit itself: a key that arrives
	// right after the view's first frame (a fast "/" after switching panes)
	// must find the new view's handler, not none.
	useLayoutEffect(() => {
		if (!registry) return undefined;
		return registry.register(scopeKey.split(' ') as Scope[], command => latest.current(command));
	}, [registry, scopeKey]);
}
