import type {KeyBinding} from './keymap/commands.js';
import type {ResourceDescriptor} from './resources/descriptor.js';
import type {LiveStore} from './store/live-store.js';
import type {FrameBudget} from './ui/frame-budget.js';
import {ThemeProvider} from './theme/theme-context.js';
import type {Theme} from './theme/tokens.js';
import {StoreContext} from './ui/hooks/use-live-store.js';
import {Screen} from './ui/screen.js';

export interface AppProps {
	store: LiveStore;
	theme: Theme;
	endpointLabel: string;
	/** Which rule chose the endpoint ("--host flag", "DOCKER_HOST"...), shown when it cannot be reached. */
	endpointOrigin?: string;
	keyTable: readonly KeyBinding[];
	resources: readonly ResourceDescriptor[];
	firstPane: string;
	/** Lines a log view keeps; default 10 000. */
	logCapacity?: number;
	/** Frames drawn in the last second; a frame caused by a key skips Ink's throttle while there is room. */
	frameBudget?: FrameBudget;
}

/** Providers + the screen; nothing else. */
export function App({store, theme, endpointLabel, endpointOrigin, keyTable, resources, firstPane, logCapacity = 10_000, frameBudget}: AppProps) {
	return (
		<ThemeProvider value={theme}>
			<StoreContext.Provider value={store}>
				<Screen endpointLabel={endpointLabel} endpointOrigin={endpointOrigin} keyTable={keyTable} resources={resources} firstPane={firstPane} logCapacity={logCapacity} frameBudget={frameBudget} />
			</StoreContext.Provider>
		</ThemeProvider>
	);
}
