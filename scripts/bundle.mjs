// Bundles the built CLI and its dependencies into dist/bundle/dockdeck.js (and its UI chunk).
// Why: Node resolving and compiling ~1,000 separate module files (Ink alone
// pulls in hundreds) takes 0.7-2 s here; one file loads in a fraction of that,
// and React's development build is dropped at build time.
import {builtinModules, createRequire} from 'node:module';
import {readFile, rm} from 'node:fs/promises';
import path from 'node:path';
import {build} from 'esbuild';
import {narrowCharacterClass} from '../dist/lib/narrow-characters.js';

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

/**
 * Small edits to dependencies' source, each with the reason and the exact text
 * it replaces: when a dependency changes that text, the build fails here
 * rather than silently shipping the slow path.
 */
const sourcePatches = [
	{
		// docker-modem formats every request with util.inspect(showHidden, depth:
		// null) for a debug line that is off: measured at 40 % of dockdeck's idle
		// CPU. Only format it when DEBUG turns that line on.
		file: /docker-modem[\\/]lib[\\/]modem\.js$/,
		edits: [["debug('Sending: %s', util.inspect(", "debug.enabled && debug('Sending: %s', util.inspect("]],
	},
	{
		// Yoga (Ink's layout engine) embeds its WebAssembly as a data: URI and,
		// when a global fetch exists, loads it with fetch(): in Node that loads
		// undici, ~60 ms of start-up for decoding a string already in memory.
		// Decode it in place.
		file: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
		edits: [['function ya(){return w||"function"!=typeof fetch?', 'function ya(){return w||ua(H)||"function"!=typeof fetch?']],
	},
	{
		// docker-modem wraps node:https at load time, which loads tls and crypto
		// (~30 ms of start-up CPU) for every engine. Load it when an https engine
		// is first asked something. The wrapper itself is unchanged.
		file: /docker-modem[\\/]lib[\\/]http\.js$/,
		edits: [
			["var nativeHttps = require('https'),\n  nativeHttp", 'var nativeHttp'],
			['  https: nativeHttps,\n', "  get https() { return require('https'); },\n"],
			['for (var protocol in protocols) {\n  var h = function() {};', 'function wrap(protocol) {\n  var h = function() {};'],
			[
				'  module.exports[protocol] = h;\n}',
				'  return h;\n}\nObject.keys(protocols).forEach(function(protocol) {\n  var wrapped;\n  Object.defineProperty(module.exports, protocol, {enumerable: true, get: function() { return wrapped || (wrapped = wrap(protocol)); }});\n});',
			],
		],
	},
	{
		// dockerode loads tar-fs, zlib and a .dockerignore parser at start-up to
		// pack image build contexts; dockdeck builds no images. Load them on use.
		file: /dockerode[\\/]lib[\\/]util\.js$/,
		edits: [
			["var DockerIgnore = require('@balena/dockerignore');", "function DockerIgnore(options) { return require('@balena/dockerignore')(options); }"],
			["var tar = require('tar-fs');\nvar zlib = require('zlib');", "var tar = {pack: function() { var tarFs = require('tar-fs'); return tarFs.pack.apply(tarFs, arguments); }};\nvar zlib = {createGzip: function() { return require('zlib').createGzip(); }};"],
		],
	},
	{
		// Ink composes each frame cell by cell (an object per character); dockdeck's
		// frames are single-line texts side by side, put together far faster as
		// strings. See source/ui/ink-fast-output.ts: Ink keeps its own way for any
		// frame that path does not handle exactly.
		file: /ink[\\/]build[\\/]output\.js$/,
		edits: [
			["import stringWidth from 'string-width';", `import stringWidth from 'string-width';\nimport {fastOutput} from ${JSON.stringify(path.resolve('dist/ui/ink-fast-output.js'))};`],
			[
				'    get() {\n        // Initialize output array',
				'    get() {\n        const fast = fastOutput(this.operations, this.width, this.height, text => this.caches.getStringWidth(text));\n        if (fast) {\n            return fast;\n        }\n        // Initialize output array',
			],
		],
	},
	{
		// Ink caches the size of every text it measures, keyed by the text (4,096
		// to 8,192 entries). The log body is one text of ~10-20 KB that changes on
		// every frame: cached, a long follow would hold ~100-150 MB of old bodies.
		// Long multi-line texts are measured afresh instead (once per frame).
		file: /ink[\\/]build[\\/]measure-text\.js$/,
		edits: [["    const cachedDimensions = cache.get(text);", "    if (text.length > 2000 && text.includes('\\n')) {\n        return { width: widestLine(text), height: text.split('\\n').length };\n    }\n    const cachedDimensions = cache.get(text);"]],
	},
	{
		// meow's bundled dependencies set up normalize-package-data (with the SPDX
		// licence tables and hosted-git-info) and Babel's code frame when loaded:
		// ~25 ms of start-up, for a package.json check and an error display
		// dockdeck never asks for. Set them up on first use. It also promisifies
		// execFile for nothing, which loads node:child_process and dgram.
		file: /meow[\\/]build[\\/]dependencies\.js$/,
		edits: [
			["import { execFile } from 'node:child_process';\n", ''],
			['promisify(execFile);\n', ''],
			[
				'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
				'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);',
			],
			['var libExports = requireLib$1();', 'var libExports = {codeFrameColumns: (...args) => requireLib$1().codeFrameColumns(...args)};'],
		],
	},
	{
		// terminal-size (Ink's fallback when stdout has no size) imports
		// node:child_process, with dgram, for a tput it only runs when the
		// terminal does not say its size. Load it then.
		file: /terminal-size[\\/]index\.js$/,
		edits: [
			["import {execFileSync} from 'node:child_process';\n", ''],
			['\texecFileSync(command, arguments_, {', "\trequire('node:child_process').execFileSync(command, arguments_, {"],
		],
	},
	{
		// signal-exit 3 (Ink's exit hook) loads node:assert (six internal modules)
		// for one argument check: the same check, without the module.
		file: /signal-exit[\\/]index\.js$/,
		edits: [["var assert = require('assert')", 'var assert = {equal: function (actual, expected, message) { if (actual != expected) throw new Error(message) }}']],
	},
	{
		// string-width measures only printable ASCII without Intl.Segmenter; widen
		// that to the narrow characters of source/lib/narrow-characters.ts (the
		// header's "·" and "│", the charts' braille), checked by a unit test.
		file: /string-width[\\/]index\.js$/,
		edits: [['if (/^[\\u0020-\\u007E]*$/.test(string)) {', `if (/^[${narrowCharacterClass}]*$/u.test(string)) {`]],
	},
	{
		// Ink's line diff treats only printable ASCII as one cell per character
		// and segments the rest; the narrow characters are one cell each too.
		file: /ink[\\/]build[\\/]line-update\.js$/,
		edits: [['const printableAscii = /^[ -~]*$/u;', `const printableAscii = /^[${narrowCharacterClass}]*$/u;`]],
	},
];

const patchSources = {
	name: 'patch-sources',
	setup(context) {
		for (const {file, edits} of sourcePatches) {
			context.onLoad({filter: file}, async args => {
				let source = await readFile(args.path, 'utf8');
				for (const [from, to] of edits) {
					if (!source.includes(from)) throw new Error(`${args.path} changed: the patch of ${JSON.stringify(from.slice(0, 60))} no longer applies (see scripts/bundle.mjs)`);
					source = source.replace(from, to);
				}
				return {contents: source, loader: 'js'};
			});
		}
	},
};

// `import x from 'node:util'` makes Node build an ES module facade of the
// builtin, which reads every property once, lazy ones included: that loads
// what nobody asked for (util.parseArgs and util.diff with worker_threads,
// crypto.webcrypto, http's undici, process.report). So every static import of
// a builtin becomes a require() and reads only the names imported: each named
// export is a pure read that esbuild drops when nothing uses it. (Not plain
// CommonJS: esbuild's interop would copy every property, with the same cost.)
const builtinsByRequire = {
	name: 'builtins-by-require',
	setup(context) {
		const builtins = new Set(builtinModules);
		const requireHere = createRequire(import.meta.url);
		const isIdentifier = name => /^[A-Za-z_$][\w$]*$/.test(name) && !['builtin', '__builtinRead', 'default', 'delete', 'new', 'function', 'class', 'import', 'export'].includes(name);
		context.onResolve({filter: /^(node:)?[a-z_]+(\/[a-z_]+)?$/}, args => {
			const name = args.path.replace(/^node:/, '');
			if (args.kind !== 'import-statement' || !builtins.has(name)) return undefined;
			return {path: name, namespace: 'builtin-by-require'};
		});
		context.onLoad({filter: /.*/, namespace: 'builtin-by-require'}, args => {
			const specifier = JSON.stringify(`node:${args.path}`);
			const names = Object.keys(requireHere(`node:${args.path}`)).filter(isIdentifier);
			const reads = names.map(name => `export const ${name} = /* @__PURE__ */ __builtinRead(${JSON.stringify(name)});`);
			return {contents: [`const builtin = require(${specifier});`, 'function __builtinRead(name) { return builtin[name]; }', 'export default builtin;', ...reads].join('\n'), loader: 'js'};
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
	// Every Intl.Segmenter is created on first use (scripts/lazy-segmenter.mjs says why).
	define: {'process.env.NODE_ENV': '"production"', 'Intl.Segmenter': 'LazySegmenter'},
	inject: ['scripts/lazy-segmenter.mjs'],
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
	plugins: [builtinsByRequire, noDevtools, noBuildKit, noModemSsh, patchSources],
	logLevel: 'warning',
});
