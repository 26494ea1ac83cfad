import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {currentLine, parseUpdateLine, type CurrentSettings} from '../../../source/resources/service-update-form.js';

const current: CurrentSettings = {image: 'nginx:1.27', replicas: 2, limits: {cpus: 0.5, memoryBytes: 256 * 2 ** 20}, reservations: {cpus: 0, memoryBytes: 0}, parallelism: 1, delayNs: 0, failureAction: 'pause', order: 'stop-first'};

describe('the service update line', () => {
	it('opens with every field at its current value', () => {
		assert.equal(currentLine(current), 'image=nginx:1.27 replicas=2 cpu-limit=0.5 mem-limit=256m cpu-reserve=0 mem-reserve=0 parallelism=1 delay=0 failure-action=pause order=stop-first');
	});
	it('sends only what was edited, and says what changes', () => {
		const edited = currentLine(current).replace('replicas=2', 'replicas=4').replace('order=stop-first', 'order=start-first').replace('delay=0', 'delay=5s');
		const parsed = parseUpdateLine(`${edited} env:LOG=debug env:-OLD`, current);
		assert.ok(!('error' in parsed), JSON.stringify(parsed));
		assert.deepEqual(parsed.changes, {replicas: 4, updateConfig: {delayNs: 5e9, order: 'start-first'}, envSet: {LOG: 'debug'}, envRemove: ['OLD']});
		assert.deepEqual(parsed.summary, ['replicas 2 → 4', 'delay 0 → 5s', 'order stop-first → start-first', 'set env LOG=debug', 'remove env OLD']);
	});
	it('refuses bad values with the field and the reason', () => {
		assert.match((parseUpdateLine('replicas=abc', current) as {error: string}).error, /^replicas: /);
		assert.match((parseUpdateLine('replicas=-1', current) as {error: string}).error, /^replicas: /);
		assert.match((parseUpdateLine('order=sideways', current) as {error: string}).error, /^order: /);
		assert.match((parseUpdateLine('colour=blue', current) as {error: string}).error, /unknown field "colour"/);
		assert.match((parseUpdateLine('replicas', current) as {error: string}).error, /not key=value/);
	});
	it('says so when nothing was changed, and refuses replicas on a global service', () => {
		assert.deepEqual(parseUpdateLine(currentLine(current), current), {error: 'nothing changed: edit a value (or Esc to cancel)'});
		assert.match((parseUpdateLine('replicas=3', {...current, replicas: undefined}) as {error: string}).error, /global service/);
	});
});
