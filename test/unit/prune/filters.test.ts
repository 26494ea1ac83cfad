import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {engineFilters, matchLabels, parseGoDuration, parseUntil} from '../../../source/prune/filters.js';

describe('prune filters as the engine reads them', () => {
	it('parses Go durations', () => {
		assert.equal(parseGoDuration('24h'), 86_400_000);
		assert.equal(parseGoDuration('1h30m'), 5_400_000);
		assert.equal(parseGoDuration('1.5h'), 5_400_000);
		assert.equal(parseGoDuration('90s'), 90_000);
		assert.equal(parseGoDuration('250ms'), 250);
		assert.equal(parseGoDuration('24'), undefined, 'a bare number is a timestamp, not a duration');
		assert.equal(parseGoDuration('1d'), undefined, 'Go has no day unit');
	});

	it('turns until into a cut-off: durations back from now in whole seconds, timestamps as given', () => {
		const now = Date.UTC(2024, 0, 31, 12, 0, 0, 700);
		assert.equal(parseUntil('1h', now), Date.UTC(2024, 0, 31, 11, 0, 0), 'cut to the second like the engine');
		assert.equal(parseUntil('1706700000', now), 1_706_700_000_000);
		assert.equal(parseUntil('1706700000.25', now), 1_706_700_000_250);
		assert.equal(parseUntil('0', now), 0, '"0" is the time 0, not a zero duration');
		assert.equal(parseUntil('2024-01-31T10:00:00Z', now), Date.UTC(2024, 0, 31, 10));
		assert.equal(parseUntil('2024-01-31T10:00:00+02:00', now), Date.UTC(2024, 0, 31, 8));
		assert.throws(() => parseUntil('yesterday', now), /neither a duration/);
	});

	it('matches labels like MatchKVList: all label entries, and keeps only what matches every label! entry', () => {
		const labels = {tier: 'web', team: 'a'};
		assert.ok(matchLabels({}, {}));
		assert.ok(matchLabels({label: ['tier']}, labels));
		assert.ok(matchLabels({label: ['tier=web', 'team=a']}, labels));
		assert.ok(!matchLabels({label: ['tier=db']}, labels));
		assert.ok(!matchLabels({label: ['tier']}, {}));
		assert.ok(!matchLabels({notLabel: ['tier=web']}, labels));
		assert.ok(matchLabels({notLabel: ['tier=web', 'missing']}, labels), 'label! excludes only when all its entries match');
		assert.ok(matchLabels({notLabel: ['tier']}, {}), 'no labels: label! cannot match');
	});

	it('sends every filter as an array of strings', () => {
		assert.deepEqual(engineFilters({kind: 'images', options: {}}, '1.41'), {dangling: ['true']});
		assert.deepEqual(engineFilters({kind: 'images', options: {all: true, until: '24h', label: ['a=b']}}, '1.41'), {dangling: ['false'], label: ['a=b'], until: ['24h']});
		assert.deepEqual(engineFilters({kind: 'containers', options: {notLabel: ['keep']}}, '1.41'), {'label!': ['keep']});
		assert.deepEqual(engineFilters({kind: 'volumes', options: {all: true}}, '1.43'), {all: ['true']});
		assert.deepEqual(engineFilters({kind: 'volumes', options: {all: true}}, '1.41'), {}, 'older engines reject the all filter');
		assert.deepEqual(engineFilters({kind: 'networks', options: {until: '10m'}}, '1.41'), {until: ['10m']});
		for (const value of Object.values(engineFilters({kind: 'images', options: {all: true, until: '1h', label: ['x']}}, '1.47'))) {
			assert.ok(Array.isArray(value) && value.every(each => typeof each === 'string'));
		}
	});
});
