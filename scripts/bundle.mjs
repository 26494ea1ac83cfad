// Bundles the built CLI and its dependencies into dist/bundle/dockdeck.js (and its UI chunk).
// Why: Node resolving and compiling ~1,000 separate module files (Ink alone
// pulls in hundreds) takes 0.7-2 s here; one file loads in a fraction of that,
// and React's development build is dropped at build time.
import {readFile, rm} from 'node:fs/promises';
import {build} from 'esbuild';

// Ink imports react-devtools-core only when DEV=true; it is not a dependency of ours.
const noDevtools = {
	name: 'no-devtools',
	setup(context) {
		context.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'stub'}));
		context.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {connectToDevTools() {}};', loader: 'js'}));
	},
};

// dockerode loads gRPC and protobuf at start-up for BuildKit sessions, which
// dockdeck never opens (it builds no images): leave ~1 MB of them out.
const noBuildKit = {
	name: 'no-buildkit',
	setup(context) {
		context.onResolve({filter: /^\.\/(session|buildkit)$/}, args =>
			args.importer.includes('dockerode') ? {path: args.path, namespace: 'no-buildkit'} : undefined,
		);
		context.onLoad({filter: /.*/, namespace: 'no-buildkit'}, () => ({
			contents: "module.exports = function () { throw new Error('BuildKit sessions are not part of dockdeck'); };",
			loader: 'js',
		}));
	},
};

// docker-modem loads ssh2 (~450 KB with its crypto) for its own ssh transport;
// dockdeck reaches ssh engines through source/engine/ssh-agent.ts instead.
const noModemSsh = {
	name: 'no-modem-ssh',
	setup(context) {
		context.onResolve({filter: /^\.\/ssh$/}, args => (args.importer.includes('docker-modem') ? {path: args.path, namespace: 'no-modem-ssh'} : undefined));
		context.onLoad({filter: /.*/, namespace: 'no-modem-ssh'}, () => ({
			contents: "module.exports = function () { throw new Error('docker-modem ssh is replaced by dockdeck ssh-agent'); };",
			loader: 'js',
		}));
	},
};

// docker-modem formats every request with util.inspect(showHidden, depth: null)
// for a debug line that is off: measured at 40 % of dockdeck's idle CPU. Only
// format it when DEBUG turns that line on.
const lazyModemDebug = {
	name: 'lazy-modem-debug',
	setup(context) {
		context.onLoad({filter: /docker-modem[\\/]lib[\\/]modem\.js$/}, async args => {
			const source = await readFile(args.path, 'utf8');
			const patched = source.replace("debug('Sending: %s', util.inspect(", "debug.enabled && debug('Sending: %s', util.inspect(");
			if (patched === source) throw new Error('docker-modem changed: the lazy debug patch no longer applies (see scripts/bundle.mjs)');
			return {contents: patched, loader: 'js'};
		});
	},
};

// Yoga (Ink's layout engine) embeds its WebAssembly as a data: URI and, when a
// global fetch exists, loads it with fetch(): in Node that loads undici, ~60 ms
// of start-up for decoding a string already in memory. Decode it in place.
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(context) {
		context.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async args => {
			const source = await readFile(args.path, 'utf8');
			const patched = source.replace('function ya(){return w||"function"!=typeof fetch?', 'function ya(){return w||ua(H)||"function"!=typeof fetch?');
			if (patched === source) throw new Error('yoga-layout changed: the no-fetch patch no longer applies (see scripts/bundle.mjs)');
			return {contents: patched, loader: 'js'};
		});
	},
};

await rm('dist/bundle', {recursive: true, force: true});

await build({
	entryPoints: {dockdeck: 'dist/cli.js'},
	// Two files: the CLI and engine code start the connection while the UI chunk (Ink, React) loads.
	outdir: 'dist/bundle',
	splitting: true,
	chunkNames: 'chunk-[hash]',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	sourcemap: 'linked',
	minifySyntax: true,
	minifyWhitespace: true,
	legalComments: 'linked',
	define: {'process.env.NODE_ENV': '"production"'},
	// Optional native speed-ups of ssh2; it falls back to pure JS without them.
	external: ['cpu-features', '*.node'],
	// CommonJS dependencies use require() and __dirname; give the ESM bundle both.
	banner: {
		js: [
			"import {createRequire as __createRequire} from 'node:module';",
			"import {dirname as __pathDirname} from 'node:path';",
			"import {fileURLToPath as __fileURLToPath} from 'node:url';",
			'const require = __createRequire(import.meta.url);',
			'const __filename = __fileURLToPath(import.meta.url);',
			'const __dirname = __pathDirname(__filename);',
		].join(' '),
	},
	plugins: [noDevtools, noBuildKit, noModemSsh, lazyModemDebug, yogaWithoutFetch],
	logLevel: 'warning',
});
