import {Box, Text, useApp, useInput, type Key} from 'ink';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import type {CommandId, Scope} from '../keymap/commands.js';
import {commandFor, hintsFor} from '../keymap/dispatch.js';
import {keyNames, plainKey} from '../keymap/keys.js';
import {resourceByKind} from '../resources/index.js';
import {displayWidth} from '../lib/text-width.js';
import {AppControlsContext, type AppControls, type ConfirmRequest, type PaneMemory, type StatusMessage} from './app-context.js';
import {Tone} from './components/tone.js';
import {Footer} from './footer.js';
import type {FrameBudget} from './frame-budget.js';
import {Header} from './header.js';
import {editPrompt} from './prompt-editing.js';
import {hintsForPane} from './pane-hints.js';
import {CommandRegistryContext, type CommandHandler, type CommandRegistry} from './hooks/use-commands.js';
import {useStoreSlice} from './hooks/use-live-store.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {useViewStack, type View} from './hooks/use-view-stack.js';
import {ConfirmDialog} from './views/confirm-dialog.js';
import {HelpView} from './views/help-view.js';
import {InspectView} from './views/inspect-view.js';
import {LogsView} from './views/logs-view.js';
import {NoEngineView, retryText} from './views/no-engine-view.js';
import {PromptLine, type AskRequest, type PromptState} from './views/prompt-line.js';
import {ResourceView} from './views/resource-view.js';
import {runColonCommand} from './colon-command.js';

export interface ScreenProps {
	endpointLabel: string;
	endpointOrigin?: string;
	keyTable: AppControls['keyTable'];
	resources: AppControls['resources'];
	firstPane: string;
	logCapacity: number;
	frameBudget?: FrameBudget;
}

/** How long a status message stays, ms: errors longer, so they can be read. */
const statusLifetime = {error: 15_000, other: 6_000};

function useStatus() {
	const [status, setStatusState] = useState<StatusMessage | undefined>();
	useEffect(() => {
		if (!status) return undefined;
		const timer = setTimeout(() => setStatusState(undefined), status.tone === 'message.error' ? statusLifetime.error : statusLifetime.other);
		return () => clearTimeout(timer);
	}, [status]);
	return [status, setStatusState] as const;
}

function dialogHeight(request: ConfirmRequest | undefined, width: number): number {
	if (!request) return 0;
	const inner = Math.max(10, width - 4);
	return 3 + request.text.split('\n').reduce((rows, line) => rows + Math.max(1, Math.ceil(displayWidth(line) / inner)), 0);
}

/** The whole screen: header, the top view of the stack, dialogs, prompt and footer, sized to the terminal. */
export function Screen({endpointLabel, endpointOrigin, keyTable, resources, firstPane, logCapacity, frameBudget}: ScreenProps) {
	const {exit, waitUntilRenderFlush} = useApp();
	const {columns, rows} = useTerminalSize();
	const connection = useStoreSlice(snapshot => snapshot.connection);
	const info = useStoreSlice(snapshot => snapshot.info);
	const views = useViewStack(firstPane);
	const [status, setStatus] = useStatus();
	const [confirmRequest, setConfirmState] = useState<ConfirmRequest | undefined>();
	const [prompt, setPromptState] = useState<PromptState | undefined>();
	// Refs mirror the dialog and prompt so that later keys of one input burst ("sy", "/web") see them at once.
	const confirmRef = useRef<ConfirmRequest | undefined>(undefined);
	const promptRef = useRef<PromptState | undefined>(undefined);
	const setConfirmRequest = useCallback((request: ConfirmRequest | undefined) => {
		confirmRef.current = request;
		setConfirmState(request);
	}, []);
	const setPrompt = useCallback((next: PromptState | undefined) => {
		promptRef.current = next;
		setPromptState(next);
	}, []);
	const filterListener = useRef<((text: string) => void) | undefined>(undefined);
	const registration = useRef<{scopes: readonly Scope[]; handler: CommandHandler} | undefined>(undefined);
	const [activeScopes, setActiveScopes] = useState<readonly Scope[]>(['global']);
	const paneMemory = useRef(new Map<string, PaneMemory>()).current;

	const registry: CommandRegistry = useMemo(
		() => ({
			register(scopes, handler) {
				const entry = {scopes, handler};
				registration.current = entry;
				setActiveScopes(scopes);
				return () => {
					if (registration.current === entry) registration.current = undefined;
				};
			},
		}),
		[],
	);

	const openFilter = useCallback(
		(initial: string, onChange: (text: string) => void) => {
			filterListener.current = onChange;
			setPrompt({kind: 'filter', value: initial});
		},
		[setPrompt],
	);

	const ask = useCallback((request: AskRequest) => setPrompt({kind: 'ask', value: request.initial ?? '', ask: request}), [setPrompt]);

	const controls: AppControls = useMemo(
		() => ({
			resources,
			keyTable,
			endpointLabel,
			setStatus,
			confirm: setConfirmRequest,
			openView: (view: View) => views.push(view),
			openFilter,
			ask,
			paneMemory,
			logCapacity,
		}),
		[resources, keyTable, endpointLabel, setStatus, setConfirmRequest, views.push, openFilter, ask, paneMemory, logCapacity],
	);

	const runGlobal = (command: CommandId) => {
		if (command === 'app.quit') exit();
		else if (command === 'app.back') {
			if (views.stack.length > 1) views.pop();
			else exit();
		} else if (command === 'app.help') {
			if (views.top.type === 'help') views.pop();
			else views.push({type: 'help'});
		} else if (command === 'app.command') setPrompt({kind: 'command', value: ''});
		else if (command.startsWith('pane.')) views.showPane(command.slice('pane.'.length));
	};

	const closePrompt = (kind: 'cancel' | 'submit') => {
		const prompt = promptRef.current;
		if (!prompt) return;
		if (prompt.kind === 'filter') {
			if (kind === 'cancel') filterListener.current?.('');
			filterListener.current = undefined;
			setPrompt(undefined);
			return;
		}
		if (kind === 'cancel') {
			setPrompt(undefined);
			if (prompt.kind === 'ask') setStatus({text: 'cancelled', tone: 'muted'});
			return;
		}
		if (prompt.ask) {
			// A value that does not validate keeps the prompt open with the reason beside it.
			const error = prompt.ask.validate(prompt.value);
			if (error) {
				setPrompt({...prompt, error});
				return;
			}
			setPrompt(undefined);
			prompt.ask.onSubmit(prompt.value);
			return;
		}
		const outcome = runColonCommand(prompt.value, resources);
		setPrompt(undefined);
		if (outcome.type === 'pane') views.showPane(outcome.kind);
		else if (outcome.type === 'help') views.push({type: 'help'});
		else if (outcome.type === 'quit') exit();
		else if (outcome.type === 'error') setStatus({text: outcome.message, tone: 'message.error'});
	};

	useInput((input, key) => {
		if (key.ctrl && input === 'c') {
			exit();
			return;
		}
		handleKeys(input, key);
		// Draw what the keys changed now, not after Ink's frame-rate wait (see frame-budget.ts).
		if (frameBudget?.hasRoom(performance.now())) void waitUntilRenderFlush();
	});

	function handleKeys(input: string, key: Key): void {
		const openPrompt = promptRef.current;
		if (openPrompt) {
			const edit = editPrompt(openPrompt.value, input, key);
			if (!edit) return;
			if ('cancel' in edit) closePrompt('cancel');
			else {
				if (edit.value !== openPrompt.value) onPromptChange(edit.value);
				if (edit.submit) closePrompt('submit');
				// Keys typed right after Enter, in the same read, act on what the prompt leaves on screen.
				if (edit.rest && !promptRef.current) runKeys(keyNames(edit.rest, plainKey));
			}
			return;
		}
		runKeys(keyNames(input, key));
	}

	function runKeys(names: readonly string[]): void {
		let index = 0;
		while (index < names.length) {
			const name = names[index] as string;
			index++;
			const pendingConfirm = confirmRef.current;
			if (pendingConfirm) {
				const command = commandFor(keyTable, ['confirm'], name);
				if (command === 'confirm.yes') {
					setConfirmRequest(undefined);
					pendingConfirm.onConfirm();
				} else if (command === 'confirm.no') {
					setConfirmRequest(undefined);
					if (!pendingConfirm.info) setStatus({text: 'cancelled', tone: 'muted'});
				}
				continue;
			}
			const scopes = connection.everConnected ? (registration.current?.scopes ?? ['global']) : (['global'] as const);
			const command = commandFor(keyTable, scopes, name);
			if (!command) continue;
			if (!(connection.everConnected && registration.current?.handler(command))) runGlobal(command);
			const opened = promptRef.current as PromptState | undefined;
			if (opened) {
				// The rest of the burst ("/web" + Enter + "s") was typed into the prompt that just opened.
				const enter = names.indexOf('enter', index);
				const typed = names.slice(index, enter === -1 ? names.length : enter);
				const text = typed.map(each => (each === 'space' ? ' ' : each)).filter(each => [...each].length === 1).join('');
				if (text) onPromptChange(opened.value + text);
				if (enter === -1) return;
				closePrompt('submit');
				index = enter + 1;
			}
		}
	}

	function onPromptChange(typed: string) {
		const current = promptRef.current;
		if (!current) return;
		// A pasted or fast-typed burst can carry its Enter inside the text: submit it.
		const newline = typed.search(/[\r\n]/);
		const value = newline === -1 ? typed : typed.slice(0, newline);
		setPrompt({...current, value, error: undefined});
		if (current.kind === 'filter') filterListener.current?.(value);
		if (newline !== -1) {
			promptRef.current = {...current, value};
			closePrompt('submit');
		}
	}

	const disconnectedBanner = connection.everConnected && connection.status !== 'connected';
	const confirmHeight = dialogHeight(confirmRequest, columns);
	const mainHeight = Math.max(3, rows - 1 - (disconnectedBanner ? 1 : 0) - confirmHeight - (prompt ? 1 : 0) - 2);
	const top = views.top;
	const topResource = top.type === 'pane' || top.type === 'inspect' ? resourceByKind(top.kind) : undefined;
	// A report dialog says itself how to close it; a question shows the confirm keys.
	const hints = confirmRequest ? (confirmRequest.info ? [] : hintsFor(keyTable, ['confirm'])) : prompt ? hintsFor(keyTable, ['prompt']) : hintsForPane(hintsFor(keyTable, activeScopes), top.type === 'pane' ? topResource : undefined);
	const paneKind = views.stack[0]?.type === 'pane' ? views.stack[0].kind : firstPane;

	return (
		<AppControlsContext.Provider value={controls}>
			<CommandRegistryContext.Provider value={registry}>
				<Box flexDirection="column" width={columns} height={rows}>
					<Header endpointLabel={endpointLabel} info={info} resources={resources} activeKind={paneKind} width={columns} />
					{disconnectedBanner ? (
						<Text wrap="truncate-end">
							<Tone token="banner.error">{` disconnected — ${retryText(connection, undefined)}: ${connection.problem?.title ?? ''} `}</Tone>
							<Tone token="muted"> showing the last known state</Tone>
						</Text>
					) : null}
					<Box height={mainHeight} flexDirection="column">
						{!connection.everConnected ? (
							<NoEngineView connection={connection} endpointLabel={endpointLabel} endpointOrigin={endpointOrigin} height={mainHeight} />
						) : top.type === 'help' ? (
							<HelpView height={mainHeight} />
						) : top.type === 'logs' ? (
							<LogsView title={top.title} sources={top.sources} width={columns} height={mainHeight} />
						) : top.type === 'inspect' && topResource ? (
							<InspectView key={`${top.id}:${top.tab ?? ''}`} resource={topResource} id={top.id} label={top.label} initialTab={top.tab} width={columns} height={mainHeight} />
						) : topResource ? (
							<ResourceView key={`${topResource.kind}:${top.type === 'pane' ? (top.scope?.value ?? '') : ''}`} resource={topResource} scope={top.type === 'pane' ? top.scope : undefined} width={columns} height={mainHeight} />
						) : (
							<Tone token="message.error">{`unknown pane ${top.type === 'pane' ? top.kind : ''}`}</Tone>
						)}
					</Box>
					{confirmRequest ? <ConfirmDialog request={confirmRequest} width={columns} /> : null}
					{prompt ? <PromptLine prompt={prompt} width={columns} /> : null}
					<Footer hints={hints} status={status} />
				</Box>
			</CommandRegistryContext.Provider>
		</AppControlsContext.Provider>
	);
}
