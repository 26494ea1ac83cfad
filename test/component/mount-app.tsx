/**
 * The whole app as the component tests drive it: on a stand-in engine fed
 * with recorded JSON (see recorded-engine.ts), in ink-testing-library.
 * Call unmountApps() after each test.
 */
import {stripVTControlCharacters} from 'node:util';
import {render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import type {EngineSession} from '../../source/engine/client.js';
import {keyTable} from '../../source/keymap/key-table.js';
import {resources} from '../../source/resources/index.js';
import type {LiveStore} from '../../source/store/live-store.js';
import {loadTheme} from '../../source/theme/load-theme.js';
import {storeFor} from './recorded-engine.js';

const mounted: {unmount(): void; store: LiveStore}[] = [];

export function mountApp({connect, firstPane = 'containers', themeName = 'no-color'}: {connect: () => Promise<EngineSession>; firstPane?: string; themeName?: string}) {
	const store = storeFor(connect);
	store.start();
	const app = render(<App store={store} theme={loadTheme(themeName)} endpointLabel="unix:///run/test.sock" keyTable={keyTable} resources={resources} firstPane={firstPane} />);
	mounted.push({unmount: app.unmount, store});
	return {app, screen: () => stripVTControlCharacters(app.lastFrame() ?? '')};
}

export function unmountApps(): void {
	for (const {unmount, store} of mounted.splice(0)) {
		unmount();
		store.stop();
	}
}

/** Types keys one by one with a render in between, as a person types. */
export async function typeKeys(app: {stdin: {write(data: string): void}}, ...keys: string[]): Promise<void> {
	for (const key of keys) {
		app.stdin.write(key);
		await new Promise(resolve => setTimeout(resolve, 20));
	}
}
