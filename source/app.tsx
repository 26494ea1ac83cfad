import type {KeyBinding} from './keymap/commands.js';
import type {ResourceDescriptor} from './resources/descriptor.js';
import type {LiveStore} from './store/live-store.js';
import {ThemeProvider} from './theme/theme-context.js';
import type {Theme} from './theme/tokens.js';
import {StoreContext} from './ui/hooks/use-live-store.js';
import {Screen} from './ui/screen.js';

export interface AppProps {
	store: LiveStore;
	theme: Theme;
	endpointLabel: string;
	keyTable: readonly KeyBinding[];
	resources: readonly ResourceDescriptor[];
	firstPane: string;
}

/** Providers + the screen; nothing else. */
export function App({store, theme, endpointLabel, keyTable, resources, firstPane}: AppProps) {
	return (
		<ThemeProvider value={theme}>
			<StoreContext.Provider value={store}>
				<Screen endpointLabel={endpointLabel} keyTable={keyTable} resources={resources} firstPane={firstPane} />
			</StoreContext.Provider>
		</ThemeProvider>
	);
}
