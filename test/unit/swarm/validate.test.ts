import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
	validateCpus, validateDuration, validateEnvEntry, validateFailureAction, validateImage, validateMemory,
	validateNodeLabel, validateOrder, validateParallelism, validateReplicas, type Validation,
} from '../../../source/swarm/validate.js';

function value<T>(result: Validation<T>): T {
	assert.ok(result.ok, `expected a value, got: ${result.ok ? '' : result.error}`);
	return result.value;
}

function error<T>(result: Validation<T>): string {
	assert.ok(!result.ok, `expected an error, got ${JSON.stringify(result)}`);
	return result.error;
}

describe('form validation', () => {
	test('replicas: whole numbers of 0 or more', () => {
		assert.equal(value(validateReplicas('0')), 0);
		assert.equal(value(validateReplicas(' 6 ')), 6);
		assert.equal(error(validateReplicas('abc')), 'replicas must be a whole number like 3, not "abc"');
		assert.equal(error(validateReplicas('-1')), 'replicas cannot be negative (got -1); use 0 or more');
		assert.equal(error(validateReplicas('')), 'enter the number of replicas, e.g. 3');
		assert.equal(error(validateReplicas('1.5')), 'replicas must be a whole number (got 1.5), e.g. 3');
		assert.match(error(validateReplicas('99999999999999999999')), /more than dockdeck can send/);
	});

	test('parallelism: like replicas, 0 = all at once', () => {
		assert.equal(value(validateParallelism('0')), 0);
		assert.match(error(validateParallelism('two')), /whole number/);
	});

	test('image references', () => {
		for (const good of ['nginx', 'nginx:1.27', 'dockdeck/busybox:latest', 'registry.example.com:5000/team/app:2.1', 'localhost/app', `app@sha256:${'a'.repeat(64)}`, `nginx:1.27@sha256:${'0'.repeat(64)}`]) {
			assert.equal(value(validateImage(good)), good);
		}
		assert.equal(error(validateImage('')), 'enter an image, e.g. nginx:1.27 or registry.example.com/team/app:2.1');
		assert.equal(error(validateImage('Nginx:1')), 'repository names must be lowercase: "Nginx:1"');
		assert.equal(error(validateImage('nginx 1.27')), 'an image reference has no spaces: "nginx 1.27"');
		assert.match(error(validateImage('nginx:')), /is not an image reference/);
		assert.match(error(validateImage('app@sha256:xyz')), /is not an image reference/);
	});

	test('env: KEY=value sets, KEY removes', () => {
		assert.deepEqual(value(validateEnvEntry('LOG_LEVEL=debug')), {kind: 'set', name: 'LOG_LEVEL', value: 'debug'});
		assert.deepEqual(value(validateEnvEntry('URL=a=b')), {kind: 'set', name: 'URL', value: 'a=b'});
		assert.deepEqual(value(validateEnvEntry('EMPTY=')), {kind: 'set', name: 'EMPTY', value: ''});
		assert.deepEqual(value(validateEnvEntry('OLD')), {kind: 'remove', name: 'OLD'});
		assert.match(error(validateEnvEntry('=x')), /no variable name/);
		assert.match(error(validateEnvEntry('MY VAR=1')), /no spaces/);
		assert.match(error(validateEnvEntry(' ')), /KEY=value/);
	});

	test('CPUs', () => {
		assert.equal(value(validateCpus('0.5')), 0.5);
		assert.equal(value(validateCpus('2')), 2);
		assert.equal(value(validateCpus('0')), 0);
		assert.match(error(validateCpus('-1')), /cannot be negative/);
		assert.match(error(validateCpus('half')), /number like 0.5/);
		assert.match(error(validateCpus('0.0000000001')), /smallest step/);
	});

	test('memory in docker\'s units', () => {
		assert.equal(value(validateMemory('256m')), 256 * 1024 ** 2);
		assert.equal(value(validateMemory('1g')), 1024 ** 3);
		assert.equal(value(validateMemory('512MiB')), 512 * 1024 ** 2);
		assert.equal(value(validateMemory('1.5GB')), 1.5 * 1024 ** 3);
		assert.equal(value(validateMemory('4096')), 4096);
		assert.equal(value(validateMemory('0')), 0);
		assert.match(error(validateMemory('lots')), /not an amount of memory/);
		assert.match(error(validateMemory('5x')), /not an amount of memory/);
		assert.match(error(validateMemory('-1g')), /cannot be negative/);
	});

	test('durations in nanoseconds', () => {
		assert.equal(value(validateDuration('5s')), 5e9);
		assert.equal(value(validateDuration('1m30s')), 90e9);
		assert.equal(value(validateDuration('500ms')), 5e8);
		assert.equal(value(validateDuration('0')), 0);
		assert.equal(error(validateDuration('5')), 'add a unit to 5: e.g. 5s (units: ms, s, m, h)');
		assert.match(error(validateDuration('5 minutes')), /not a duration/);
		assert.match(error(validateDuration('-5s')), /cannot be negative/);
	});

	test('failure action and order', () => {
		assert.equal(value(validateFailureAction('Rollback')), 'rollback');
		assert.match(error(validateFailureAction('retry')), /pause, continue or rollback, not "retry"/);
		assert.equal(value(validateOrder('start-first')), 'start-first');
		assert.match(error(validateOrder('first')), /stop-first .* or start-first/);
	});

	test('node labels', () => {
		assert.deepEqual(value(validateNodeLabel('tier=gold')), {key: 'tier', value: 'gold'});
		assert.deepEqual(value(validateNodeLabel('ssd=')), {key: 'ssd', value: ''});
		assert.equal(error(validateNodeLabel('tier')), 'write the label as key=value, e.g. tier=true');
		assert.match(error(validateNodeLabel('=gold')), /no key/);
		assert.match(error(validateNodeLabel('my tier=gold')), /no spaces/);
	});
});
