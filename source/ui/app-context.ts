import {createContext, useContext} from 'react';
import type {KeyBinding} from '../keymap/commands.js';
import type {ResourceDescriptor} from '../resources/descriptor.js';
import type {Token} from '../theme/tokens.js';
import type {View} from './hooks/use-view-stack.js';
import type {AskRequest} from './views/prompt-line.js';

export interface StatusMessage {
	text: string;
	tone: Token;
}

export interface ConfirmRequest {
	/** Exactly what will happen, e.g. "Stop container web-1 (0123abcd4567)?" */
	text: string;
	confirmLabel: string;
	dangerous: boolean;
	onConfirm(): void;
	/** A report to read, not a question: any confirm or cancel key closes it. */
	info?: boolean;
}

export interface PaneMemory {
	selectedId?: string;
	filter: string;
	sort?: {column: string; direction: 'asc' | 'desc'};
	/** Ids of marked rows (space, ctrl+a): actions and L apply to them. */
	marked?: readonly string[];
	/** Rows grouped by the descriptor's groupBy (ctrl+g). */
	grouped?: boolean;
}

/** What every view may ask of the screen. */
export interface AppControls {
	resources: readonly ResourceDescriptor[];
	keyTable: readonly KeyBinding[];
	endpointLabel: string;
	setStatus(message: StatusMessage | undefined): void;
	confirm(request: ConfirmRequest): void;
	openView(view: View): void;
	/** Opens the `/` prompt; the screen draws it and reports each change. */
	openFilter(initial: string, onChange: (text: string) => void): void;
	/** Opens the prompt with an action's question; onSubmit gets only text that validates. */
	ask(request: AskRequest): void;
	paneMemory: Map<string, PaneMemory>;
	/** Lines a log view keeps (--log-lines), default 10 000. */
	logCapacity: number;
}

export const AppControlsContext = createContext<AppControls | undefined>(undefined);

export function useAppControls(): AppControls {
	const controls = useContext(AppControlsContext);
	if (!controls) throw new Error('useAppControls outside AppControlsContext');
	return controls;
}
