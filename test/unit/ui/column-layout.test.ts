import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {layoutColumns, windowStart} from '../../../source/ui/components/column-layout.js';
import {containerColumns} from '../../../source/resources/container-columns.js';

describe('layoutColumns', () => {
	it('fills the width exactly, sharing spare cells among flexible columns', () => {
		const placed = layoutColumns(
			[
				{id: 'a', width: {min: 5, flex: 1}},
				{id: 'b', width: 4},
				{id: 'c', width: {min: 5, flex: 3}},
			],
			40,
		);
		const used = placed.reduce((sum, column) => sum + column.width, 0) + placed.length - 1;
		assert.equal(used, 40);
		assert.equal(placed[1]?.width, 4);
		assert.ok((placed[2]?.width ?? 0) > (placed[0]?.width ?? 0));
	});
	it('drops the most droppable columns first on a narrow terminal', () => {
		const at80 = layoutColumns(containerColumns, 80).map(column => column.id);
		assert.ok(!at80.includes('id') && !at80.includes('project'), `got ${at80.join(',')}`);
		assert.ok(at80.includes('name') && at80.includes('state') && at80.includes('cpu') && at80.includes('memory'));
		const at200 = layoutColumns(containerColumns, 200).map(column => column.id);
		assert.deepEqual(at200, containerColumns.map(column => column.id));
	});
});

describe('windowStart', () => {
	it('keeps the cursor in view and the window still when it can', () => {
		assert.equal(windowStart(0, 0, 10, 100), 0);
		assert.equal(windowStart(15, 0, 10, 100), 6);
		assert.equal(windowStart(8, 6, 10, 100), 6);
		assert.equal(windowStart(2, 6, 10, 100), 2);
		assert.equal(windowStart(99, 0, 10, 100), 90);
		assert.equal(windowStart(3, 0, 10, 5), 0);
	});
});
