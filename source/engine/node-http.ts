/**
 * node:http and node:https, loaded with require rather than an ESM import.
 * Importing a builtin as ESM builds its facade, which reads every lazy getter
 * of the module: for node:http that loads undici, ~65 ms of start-up here
 * (measured: 109 ms for `import 'node:http'` against 44 ms with require).
 * https (and with it tls) is loaded only when a TLS endpoint needs it.
 */
import {createRequire} from 'node:module';
import type * as HttpModule from 'node:http';
import type * as HttpsModule from 'node:https';

const require = createRequire(import.meta.url);

export const http = require('node:http') as typeof HttpModule;

export function loadHttps(): typeof HttpsModule {
	return require('node:https') as typeof HttpsModule;
}

type AddRequest = (this: HttpModule.Agent, request: HttpModule.ClientRequest, options: {servername?: string}) => void;
const addRequestOfAgent = (http.Agent.prototype as unknown as {addRequest: AddRequest}).addRequest;

/**
 * The agent for engines spoken to in plain HTTP (unix socket, tcp, ssh).
 * Node's agent guesses a TLS server name for every request, TLS or not, with
 * an IPv6 regex whose first two runs cost ~13 ms of start-up here. Plain
 * HTTP has no server name: say so, and the guess is skipped.
 */
export class PlainHttpAgent extends http.Agent {
	addRequest(request: HttpModule.ClientRequest, options: {servername?: string}): void {
		options.servername ??= '';
		addRequestOfAgent.call(this, request, options);
	}
}
