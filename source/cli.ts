import meow from 'meow';
import {connectEngine} from './engine/client.js';
import {describeEngineError, engineMessage} from './engine/connection.js';
import {isConnectionError} from './engine/errors.js';
import {keyTable} from './keymap/key-table.js';
import {resolveOptions, type Options} from './options.js';
import {resources} from './resources/index.js';
import {LiveStore, type Lister} from './store/live-store.js';
import {notATerminalMessage, restoreTerminal} from './terminal.js';
import {availableThemes, loadTheme} from './theme/load-theme.js';
import type {Theme} from './theme/tokens.js';

const cli = meow(
	`
	Usage
	  $ dockdeck [options]

	Options
	  -H, --host <url>      engine to use: unix:///path, tcp://host:port, ssh://user@host
	  -c, --context <name>  docker context to use (see: docker context ls)
	      --theme <name>    ${availableThemes().join(', ')}, or a path to a theme .json
	      --pane <kind>     pane to open first: ${resources.map(resource => resource.kind).join(', ')}
	      --log-lines <n>   lines a log view keeps in memory (default 10000)
	  -h, --help            show this help
	  -v, --version         show the version

	The engine is chosen as the docker CLI chooses it: --host, --context,
	DOCKER_HOST (with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH), DOCKER_CONTEXT,
	the current context in ~/.docker/config.json, else /var/run/docker.sock.
	NO_COLOR selects the no-color theme. Press ? inside for every key.
`,
	{
		importMeta: import.meta,
		flags: {
			host: {type: 'string', shortFlag: 'H'},
			context: {type: 'string', shortFlag: 'c'},
			theme: {type: 'string'},
			pane: {type: 'string'},
			logLines: {type: 'string'},
			help: {type: 'boolean', shortFlag: 'h'},
			version: {type: 'boolean', shortFlag: 'v'},
		},
	},
);

function fail(message: string, code = 2): never {
	process.stderr.write(`dockdeck: ${message}\n`);
	process.exit(code);
}

let options: Options;
let theme: Theme;
try {
	options = resolveOptions(cli.flags, process.env, resources.map(resource => resource.kind));
	theme = loadTheme(options.themeName);
} catch (error) {
	fail((error as Error).message);
}

if (!process.stdin.isTTY || !process.stdout.isTTY || typeof process.stdin.setRawMode !== 'function') {
	process.stderr.write(`${notATerminalMessage()}\n`);
	process.exit(1);
}

const endpoint = options.endpoint;
const listers: Record<string, Lister> = Object.fromEntries(resources.map(resource => [resource.kind, resource.list]));
const store = new LiveStore({
	connect: () => connectEngine(endpoint),
	listers,
	describeProblem: error => describeEngineError(error, endpoint),
	errorMessage: engineMessage,
	isConnectionError,
	pollIntervals: Object.fromEntries(resources.flatMap(resource => (resource.pollIntervalMs ? [[resource.kind, resource.pollIntervalMs]] : []))),
});
store.start();

// Ask the engine for the first pane's list now, while the UI code (Ink, React,
// Yoga: the bulk of start-up) loads in parallel; the first frame then usually
// shows the list already. The pane's own watch takes over once it mounts.
// The UI code starts loading once the engine has answered the ping (and the
// list is asked for): loaded during the ping, its ~45 ms of CPU held the
// ping's answer, and so the list, behind it. A slow engine (ssh) gets 150 ms,
// then both go on side by side. The extra turn lets the list request out
// first: dockerode sends it from a promise callback, after this one.
// Mounting waits for that list (at most 400 ms from here, the ping included):
// one first frame with the rows in it, instead of a "loading" frame whose
// drawing would delay the list.
const mountBy = performance.now() + 400;
const releasePrefetch = store.watch(options.firstPane);
await store.whenConnected(150);
await new Promise(resolve => setImmediate(resolve));
const [{startUi}] = await Promise.all([import('./ui/start-ui.js'), store.whenListed(options.firstPane, Math.max(0, mountBy - performance.now()))]);
const endpointLabel = endpoint.context === 'default' ? endpoint.url : `${endpoint.context} (${endpoint.url})`;
const instance = startUi({store, theme, endpointLabel, endpointOrigin: endpoint.origin, keyTable, resources, firstPane: options.firstPane, logCapacity: options.logCapacity});
setImmediate(releasePrefetch);

let leaving = false;
function leave(code: number, error?: unknown): void {
	if (leaving) return;
	leaving = true;
	store.stop();
	try {
		instance.unmount();
	} catch {
		// fall through to the raw restore
	}
	restoreTerminal();
	if (error) process.stderr.write(`dockdeck crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	// Keep-alive sockets to the engine would hold the process open.
	setImmediate(() => process.exit(code));
}

void instance.waitUntilExit().then(
	() => leave(0),
	(error: unknown) => leave(1, error),
);
process.on('SIGTERM', () => leave(143));
process.on('SIGHUP', () => leave(129));
process.on('SIGINT', () => leave(130));
process.on('uncaughtException', error => leave(1, error));
process.on('unhandledRejection', error => leave(1, error));
