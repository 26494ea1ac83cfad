import {render, type Instance} from 'ink';
import {App, type AppProps} from '../app.js';

/**
 * Mounts the full-screen UI. Loaded by cli.ts with a dynamic import, so
 * the engine connection starts while Ink and React are still loading.
 */
export function startUi(props: AppProps): Instance {
	return render(<App {...props} />, {
		alternateScreen: true,
		// cli.ts requires a terminal, so draw live even where CI is set in the environment.
		interactive: true,
		exitOnCtrlC: false,
		incrementalRendering: true,
		maxFps: 30,
	});
}
