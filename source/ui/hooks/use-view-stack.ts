import {useCallback, useState} from 'react';
import type {PaneScope} from '../../resources/descriptor.js';
import type {LogSource} from '../../store/log-session.js';

export type View =
	| {type: 'pane'; kind: string; scope?: PaneScope}
	| {type: 'inspect'; kind: string; id: string; label: string; tab?: string}
	| {type: 'logs'; title: string; sources: readonly LogSource[]}
	| {type: 'help'};

/**
 * The stack of views: the first is always a pane; inspect and help open on
 * top and `q`/Esc pops them. Switching panes starts a new stack.
 */
export function useViewStack(firstPane: string) {
	const [stack, setStack] = useState<readonly View[]>([{type: 'pane', kind: firstPane}]);
	const push = useCallback((view: View) => setStack(current => [...current, view]), []);
	const pop = useCallback(() => setStack(current => (current.length > 1 ? current.slice(0, -1) : current)), []);
	const showPane = useCallback((kind: string) => setStack([{type: 'pane', kind}]), []);
	return {stack, top: stack[stack.length - 1] as View, push, pop, showPane};
}
