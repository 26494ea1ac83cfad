// Lint rules that hold the layering of ARCHITECTURE.md: only source/engine talks
// to dockerode; the model layers (engine, store, lib) never import React or Ink;
// the UI sees engine types only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const dockerModules = ['dockerode', 'docker-modem', 'ssh2'];
const uiModules = ['react', 'react/*', 'ink', 'ink-*'];

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', 'coverage/**']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: {
			globals: {process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', URL: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', TextDecoder: 'readonly', structuredClone: 'readonly', queueMicrotask: 'readonly', performance: 'readonly'},
		},
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
			'@typescript-eslint/consistent-type-imports': 'error',
		},
	},
	{
		files: ['source/**/*.{ts,tsx}'],
		ignores: ['source/engine/**'],
		rules: {
			'no-restricted-imports': ['error', {patterns: [{group: dockerModules, message: 'Only source/engine/** may import dockerode (ARCHITECTURE.md).'}]}],
		},
	},
	{
		files: ['source/engine/**', 'source/store/**', 'source/lib/**'],
		rules: {
			'no-restricted-imports': ['error', {patterns: [{group: uiModules, message: 'engine, store and lib stay free of React and Ink (ARCHITECTURE.md).'}]}],
		},
	},
	{
		files: ['source/ui/**'],
		rules: {
			'no-restricted-imports': ['error', {patterns: [
				{group: dockerModules, message: 'The UI reaches the engine through resources and the store.'},
				{group: ['**/engine/*', '!**/engine/types*'], allowTypeImports: true, message: 'The UI may import engine types only (import type).'},
			]}],
		},
	},
);
