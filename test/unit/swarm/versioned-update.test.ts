// The stale-version retry: re-read and retry exactly once.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {engineMessage} from '../../../source/engine/connection.js';
import {updateWithFreshVersion} from '../../../source/engine/swarm/versioned-update.js';
import {recorded} from './recorded.js';

const errors = recorded<Record<string, {message: string}>>('errors.json');
const stale = () => Object.assign(new Error(`(HTTP code 500) server error - ${errors['staleServiceUpdate']!.message}`), {statusCode: 500, json: errors['staleServiceUpdate']});

describe('updateWithFreshVersion', () => {
	test('a stale version is read again and the write retried once', async () => {
		let version = 10;
		const written: number[] = [];
		const result = await updateWithFreshVersion(async () => version, async read => {
			written.push(read);
			if (read === 10) {
				version = 11;
				throw stale();
			}
			return 'done';
		});
		assert.equal(result, 'done');
		assert.deepEqual(written, [10, 11]);
	});

	test('stale twice: the engine\'s message, after exactly two writes', async () => {
		let writes = 0;
		await assert.rejects(updateWithFreshVersion(async () => 1, async () => {
			writes++;
			throw stale();
		}), error => engineMessage(error) === 'rpc error: code = Unknown desc = update out of sequence');
		assert.equal(writes, 2);
	});

	test('any other error is not retried', async () => {
		let writes = 0;
		await assert.rejects(updateWithFreshVersion(async () => 1, async () => {
			writes++;
			throw Object.assign(new Error('no'), {statusCode: 400, json: errors['secretInUse']});
		}), /no/);
		assert.equal(writes, 1);
	});
});
