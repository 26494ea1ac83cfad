import {render, type Instance} from 'ink';
import {App, type AppProps} from '../app.js';
import {FrameBudget} from './frame-budget.js';

const maxFps = 30;

/**
 * Mounts the full-screen UI. Loaded by cli.ts with a dynamic import, so
 * the engine connection starts while Ink and React are still loading.
 */
export function startUi(props: Omit<AppProps, 'frameBudget'>): Instance {
	const frameBudget = new FrameBudget(maxFps);
	return render(<App {...props} frameBudget={frameBudget} />, {
		alternateScreen: true,
		// cli.ts requires a terminal, so draw live even where CI is set in the environment.
		interactive: true,
		exitOnCtrlC: false,
		incrementalRendering: true,
		maxFps,
		onRender: () => frameBudget.record(performance.now()),
	});
}
