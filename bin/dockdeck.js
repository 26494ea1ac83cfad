#!/usr/bin/env -S MALLOC_ARENA_MAX=1 node --max-semi-space-size=2 --heap-growing-percent=50
// Run it as a program (./bin/dockdeck.js, or the installed `dockdeck`), so the
// line above applies: a small young generation and one malloc arena keep the
// resident memory of a long-running dockdeck ~30 MB lower, and a heap that
// grows by half (not up to 4x) before a full collection keeps a log view on a
// fast logger at +9 MB instead of +50 MB (bench/ measures both).
//
// Shim: checks the runtime, then runs the built CLI. React must see
// NODE_ENV=production before it loads (its development build grows memory
// with every render), hence the dynamic import after setting it.
process.env.NODE_ENV = 'production';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
	console.error(`dockdeck needs Node.js 22 or newer; this is ${process.version}. Run it with npm start (which brings Node 22), or install Node 22.`);
	process.exit(1);
}

// Cache V8's compiled code between runs: start-up is then mostly reading one file.
const {enableCompileCache} = await import('node:module');
enableCompileCache?.();

try {
	await import('../dist/bundle/dockdeck.js');
} catch (error) {
	if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/bundle/dockdeck.js')) {
		console.error('dockdeck is not built yet: run npm run build (or npm start) first.');
		process.exit(1);
	}
	throw error;
}
