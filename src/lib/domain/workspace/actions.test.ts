import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addAction,
	moveAction,
	moveActionDown,
	moveActionUp,
	readActions,
	removeAction,
	updateAction
} from './actions';
import { actionsMap } from './layout';
import { expectWorkspaceError as expectError } from './test-errors';

const NOW = new Date('2025-03-01T10:00:00Z');
const titles = (doc: Y.Doc) => readActions(doc).map((a) => a.title);

function listOf(...names: string[]): Y.Doc {
	const doc = new Y.Doc();
	for (const title of names) addAction(doc, { title }, 'u1', { id: title, now: NOW });
	return doc;
}

function updatesOf(doc: Y.Doc, write: () => void): number {
	let count = 0;
	const count1 = () => count++;
	doc.on('update', count1);
	write();
	doc.off('update', count1);
	return count;
}

describe('addAction', () => {
	it('appends with defaults, trims the title and records who and when', () => {
		const doc = new Y.Doc();
		const id = addAction(doc, { title: '  Bel de wethouder ' }, 'u1', { now: NOW });
		expect(id).toMatch(/^[0-9a-z]{16}$/);
		expect(readActions(doc)).toEqual([
			{
				id,
				title: 'Bel de wethouder',
				ownerId: null,
				due: null,
				status: 'open',
				note: '',
				position: expect.any(String),
				createdAt: '2025-03-01T10:00:00.000Z',
				createdBy: 'u1'
			}
		]);
		expect(actionsMap(doc).get(id)).toBeInstanceOf(Y.Map);
	});

	it('keeps the given fields and inserts at an index', () => {
		const doc = listOf('a', 'b', 'c');
		addAction(doc, { title: 'x', ownerId: 'u2', due: '2025-04-01', status: 'bezig', note: 'n' }, 'u1', {
			index: 1,
			id: 'x'
		});
		addAction(doc, { title: 'first' }, 'u1', { index: 0 });
		addAction(doc, { title: 'last' }, 'u1', { index: 99 });
		expect(titles(doc)).toEqual(['first', 'a', 'x', 'b', 'c', 'last']);
		expect(readActions(doc)[2]).toMatchObject({ ownerId: 'u2', due: '2025-04-01', status: 'bezig', note: 'n' });
	});

	it('refuses an empty or too long title, a bad date, a taken id and a missing author', () => {
		const doc = listOf('a');
		expectError('invalid_input', () => addAction(doc, { title: '   ' }, 'u1'));
		expectError('invalid_input', () => addAction(doc, { title: 'x'.repeat(201) }, 'u1'));
		expectError('invalid_input', () => addAction(doc, { title: 'x', due: '2025-02-30' }, 'u1'));
		expectError('invalid_input', () => addAction(doc, { title: 'x' }, 'u1', { id: 'a' }));
		expectError('invalid_input', () => addAction(doc, { title: 'x' }, ''));
		expect(titles(doc)).toEqual(['a']);
	});
});

describe('updateAction', () => {
	it('changes the given fields only', () => {
		const doc = listOf('a');
		updateAction(doc, 'a', { title: ' b ', ownerId: 'u3', due: '2025-12-31', status: 'klaar', note: 'klaar!' });
		expect(readActions(doc)[0]).toMatchObject({
			title: 'b',
			ownerId: 'u3',
			due: '2025-12-31',
			status: 'klaar',
			note: 'klaar!'
		});
		updateAction(doc, 'a', { due: null, ownerId: null });
		expect(readActions(doc)[0]).toMatchObject({ title: 'b', due: null, ownerId: null, status: 'klaar' });
	});

	it('writes nothing when nothing changes', () => {
		const doc = listOf('a');
		expect(updatesOf(doc, () => updateAction(doc, 'a', { title: 'a', status: 'open' }))).toBe(0);
		expect(updatesOf(doc, () => updateAction(doc, 'a', { status: 'bezig' }))).toBe(1);
	});

	it('refuses invalid values and unknown actions', () => {
		const doc = listOf('a');
		expectError('invalid_input', () => updateAction(doc, 'a', { title: '' }));
		expectError('invalid_input', () => updateAction(doc, 'a', { due: '1-1-2025' }));
		expectError('invalid_input', () => updateAction(doc, 'a', { status: 'done' as 'klaar' }));
		expectError('invalid_input', () => updateAction(doc, 'a', { note: 'x'.repeat(2001) }));
		expectError('invalid_input', () => updateAction(doc, 'a', { ownerId: '' }));
		expectError('not_found', () => updateAction(doc, 'zz', { title: 'x' }));
		expect(readActions(doc)[0]).toMatchObject({ title: 'a', status: 'open', due: null });
	});
});

describe('removeAction', () => {
	it('removes one action and refuses an unknown one', () => {
		const doc = listOf('a', 'b');
		removeAction(doc, 'a');
		expect(titles(doc)).toEqual(['b']);
		expectError('not_found', () => removeAction(doc, 'a'));
	});
});

describe('moveAction', () => {
	it('moves to the given final index, clamped to the list', () => {
		const doc = listOf('a', 'b', 'c', 'd');
		moveAction(doc, 'a', 2);
		expect(titles(doc)).toEqual(['b', 'c', 'a', 'd']);
		moveAction(doc, 'd', 0);
		expect(titles(doc)).toEqual(['d', 'b', 'c', 'a']);
		moveAction(doc, 'd', 10);
		expect(titles(doc)).toEqual(['b', 'c', 'a', 'd']);
		moveAction(doc, 'c', -3);
		expect(titles(doc)).toEqual(['c', 'b', 'a', 'd']);
		expectError('not_found', () => moveAction(doc, 'zz', 0));
	});

	it('writes nothing when the action is already there', () => {
		const doc = listOf('a', 'b');
		expect(updatesOf(doc, () => moveAction(doc, 'b', 1))).toBe(0);
	});

	it('moves up and down by one for the keyboard, and reports the ends', () => {
		const doc = listOf('a', 'b', 'c');
		expect(moveActionUp(doc, 'a')).toBe(false);
		expect(moveActionDown(doc, 'a')).toBe(true);
		expect(titles(doc)).toEqual(['b', 'a', 'c']);
		expect(moveActionDown(doc, 'a')).toBe(true);
		expect(moveActionDown(doc, 'a')).toBe(false);
		expect(moveActionUp(doc, 'c')).toBe(true);
		expect(titles(doc)).toEqual(['c', 'b', 'a']);
		expectError('not_found', () => moveActionUp(doc, 'zz'));
	});

	it('orders equal positions by id and still places an action between them', () => {
		const doc = listOf('a', 'b', 'c', 'd');
		for (const id of ['b', 'c', 'd']) (actionsMap(doc).get(id) as Y.Map<unknown>).set('position', 'V');
		expect(titles(doc)).toEqual(['b', 'c', 'd', 'a']);
		moveAction(doc, 'a', 1);
		expect(titles(doc)).toEqual(['b', 'a', 'c', 'd']);
		const positions = readActions(doc).map((action) => action.position);
		expect(new Set(positions).size).toBe(4);
		expect([...positions].sort()).toEqual(positions);
	});

	it('repairs a damaged position when moving next to it', () => {
		const doc = listOf('a', 'b', 'c');
		(actionsMap(doc).get('c') as Y.Map<unknown>).set('position', 42);
		expect(titles(doc)).toEqual(['c', 'a', 'b']);
		moveAction(doc, 'b', 0);
		expect(titles(doc)).toEqual(['b', 'c', 'a']);
		expect(readActions(doc).every((action) => action.position !== '')).toBe(true);
	});
});

describe('readActions', () => {
	it('skips damaged entries and falls back to defaults for damaged fields', () => {
		const doc = listOf('a');
		const damaged = new Y.Map<unknown>();
		doc.transact(() => {
			actionsMap(doc).set('junk', 'not a map');
			actionsMap(doc).set('b', damaged);
			damaged.set('status', 'maybe');
			damaged.set('due', '2025-13-01');
			damaged.set('title', 7);
		});
		expect(readActions(doc).map(({ id, title, status, due }) => ({ id, title, status, due }))).toEqual([
			{ id: 'b', title: '', status: 'open', due: null },
			{ id: 'a', title: 'a', status: 'open', due: null }
		]);
	});

	it('is live between two synced documents', () => {
		const a = listOf('a');
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update));
		addAction(a, { title: 'new' }, 'u1', { id: 'new', index: 0 });
		updateAction(a, 'a', { status: 'klaar' });
		expect(readActions(b)).toEqual(readActions(a));
		expect(titles(b)).toEqual(['new', 'a']);
	});
});
