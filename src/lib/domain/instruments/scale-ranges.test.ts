import { describe, expect, it } from 'vitest';
import { groupByRange } from './scale-ranges';
import { SCALES } from './vragenlijst';

describe('groupByRange', () => {
	it('puts the vragenlijst scales of 1–5 and of 1–7 in separate groups, each with its own range', () => {
		const groups = groupByRange(SCALES);
		expect(groups.map((g) => [g.min, g.max])).toEqual([
			[1, 5],
			[1, 7]
		]);
		expect(groups[1]!.items.map((s) => s.id)).toEqual(['individuele_werkprestaties']);
		expect(groups[0]!.items.map((s) => s.id)).toEqual(
			SCALES.filter((s) => s.id !== 'individuele_werkprestaties').map((s) => s.id)
		);
		for (const g of groups) for (const s of g.items) expect([s.min, s.max]).toEqual([g.min, g.max]);
	});

	it('keeps the order of first occurrence and splits on either bound', () => {
		const items = [
			{ id: 'a', min: 0, max: 100 },
			{ id: 'b', min: 1, max: 5 },
			{ id: 'c', min: 0, max: 100 },
			{ id: 'd', min: 0, max: 5 }
		];
		expect(groupByRange(items).map((g) => g.items.map((i) => i.id))).toEqual([['a', 'c'], ['b'], ['d']]);
	});

	it('returns no groups for no items', () => {
		expect(groupByRange([])).toEqual([]);
	});
});
