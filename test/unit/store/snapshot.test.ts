import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {ContainerStats, Listed} from '../../../source/engine/types.js';
import {kindsToRefresh} from '../../../source/store/refresh-rules.js';
import {filterItems, naturalCompare, sortItems} from '../../../source/store/selectors.js';
import {initialSnapshot, reduce} from '../../../source/store/snapshot.js';

const item = (id: string, rev = 'r1'): Listed & {name: string} => ({id, rev, name: id});

describe('reduce', () => {
	it('keeps unchanged items and arrays by identity', () => {
		const first = reduce(initialSnapshot, {type: 'listed', kind: 'containers', items: [item('a'), item('b')], at: 1});
		const listed = first.lists['containers'];
		assert.ok(listed);
		const second = reduce(first, {type: 'listed', kind: 'containers', items: [item('a'), item('b')], at: 2});
		assert.equal(second, first, 'an identical list changes nothing');
		const third = reduce(second, {type: 'listed', kind: 'containers', items: [item('a'), item('b', 'r2')], at: 3});
		const items = third.lists['containers']?.items ?? [];
		assert.equal(items[0], listed.items[0], 'the unchanged item keeps its identity');
		assert.notEqual(items[1], listed.items[1]);
	});
	it('keeps the items when a list fails, with the engine message', () => {
		const listed = reduce(initialSnapshot, {type: 'listed', kind: 'containers', items: [item('a')], at: 1});
		const failed = reduce(listed, {type: 'listFailed', kind: 'containers', error: 'Internal Server Error'});
		assert.equal(failed.lists['containers']?.items.length, 1);
		assert.equal(failed.lists['containers']?.error, 'Internal Server Error');
	});
	it('tracks connection state and keeps everConnected across a disconnect', () => {
		const info = {serverVersion: '20.10', apiVersion: '1.41', os: 'Debian', name: 'n1', swarm: 'inactive'};
		const connected = reduce(reduce(initialSnapshot, {type: 'connected'}), {type: 'info', info});
		const lost = reduce(connected, {type: 'disconnected', problem: {title: 'gone', detail: 'ECONNREFUSED'}, nextRetryAt: 5});
		assert.equal(lost.connection.status, 'disconnected');
		assert.equal(lost.connection.everConnected, true);
		assert.equal(lost.connection.attempts, 1);
		assert.equal(lost.info, info, 'the last snapshot stays');
	});
	it('ignores a stats reading that would draw the same', () => {
		const stats: ContainerStats = {id: 'a', cpuPercent: 1.01, memoryUsed: 1, memoryLimit: 2, memoryPercent: 50, networkRx: 0, networkTx: 0, blockRead: 0, blockWrite: 0, pids: 1, at: 1};
		const once = reduce(initialSnapshot, {type: 'stats', readings: [stats]});
		assert.equal(reduce(once, {type: 'stats', readings: [{...stats, cpuPercent: 1.04, at: 2}]}), once);
		assert.notEqual(reduce(once, {type: 'stats', readings: [{...stats, cpuPercent: 2, at: 2}]}), once);
		const forgotten = reduce(once, {type: 'statsForgotten', ids: ['a']});
		assert.deepEqual(forgotten.stats, {});
	});
});

describe('kindsToRefresh', () => {
	const event = (type: string, action: string) => ({type, action, id: 'x', attributes: {}, time: 0});
	it('maps container lifecycle events to the containers and compose projects lists', () => {
		assert.deepEqual(kindsToRefresh(event('container', 'die')), ['containers', 'projects']);
		assert.deepEqual(kindsToRefresh(event('container', 'health_status: unhealthy')), ['containers', 'projects']);
		assert.ok(kindsToRefresh(event('container', 'destroy')).includes('images'));
	});
	it('ignores events that change no list', () => {
		assert.deepEqual(kindsToRefresh(event('container', 'exec_start: sh')), []);
		assert.deepEqual(kindsToRefresh(event('container', 'top')), []);
		assert.deepEqual(kindsToRefresh(event('plugin', 'enable')), []);
	});
});

describe('selectors', () => {
	it('sorts stably with undefined last in both directions', () => {
		const items = [item('b'), item('a'), item('c')];
		const value = (entry: Listed) => (entry.id === 'c' ? undefined : entry.id);
		assert.deepEqual(sortItems(items, value, 'asc').map(entry => entry.id), ['a', 'b', 'c']);
		assert.deepEqual(sortItems(items, value, 'desc').map(entry => entry.id), ['b', 'a', 'c']);
	});
	it('sorts names with numbers naturally', () => {
		const items = [item('web-10'), item('web-2'), item('web-1')];
		assert.deepEqual(sortItems(items, entry => entry.id, 'asc').map(entry => entry.id), ['web-1', 'web-2', 'web-10']);
	});
	it('filters by the text of an item', () => {
		assert.deepEqual(filterItems([item('a'), item('b')], text => text === 'b', entry => entry.id).map(entry => entry.id), ['b']);
	});
});

describe('naturalCompare', () => {
	it('orders numbers by value and letters without case', () => {
		const names = ['web-10', 'Web-2', 'web-1', 'api', 'web-1a', 'db-01'];
		assert.deepEqual([...names].sort(naturalCompare), ['api', 'db-01', 'web-1', 'web-1a', 'Web-2', 'web-10']);
		assert.equal(naturalCompare('same', 'SAME'), 0);
	});
});
