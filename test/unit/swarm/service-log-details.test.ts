import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {splitDetails} from '../../../source/engine/swarm/service-logs.js';

describe('splitDetails', () => {
	it('reads the swarm details the engine puts before each service log line', () => {
		// As GET /services/{id}/logs?details=1 sent it (recorded from the harness swarm), after the timestamp.
		const line = 'com.docker.swarm.node.id=moekdwuto4al0bkg3nqrc477e,com.docker.swarm.service.id=uoq2lv7sy2lp5e8raflox0v5o,com.docker.swarm.task.id=blcraf89o7sts3j274y78uqls web: GET / 200 (2 config lines)';
		assert.deepEqual(splitDetails(line), {
			details: {'com.docker.swarm.node.id': 'moekdwuto4al0bkg3nqrc477e', 'com.docker.swarm.service.id': 'uoq2lv7sy2lp5e8raflox0v5o', 'com.docker.swarm.task.id': 'blcraf89o7sts3j274y78uqls'},
			text: 'web: GET / 200 (2 config lines)',
		});
	});
	it('leaves a line without details as it is, and keeps an empty line empty', () => {
		assert.deepEqual(splitDetails('plain text'), {details: {}, text: 'plain text'});
		assert.deepEqual(splitDetails('com.docker.swarm.task.id=abc'), {details: {'com.docker.swarm.task.id': 'abc'}, text: ''});
	});
});
