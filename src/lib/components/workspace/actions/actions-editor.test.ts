import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readActions } from '$lib/domain/workspace';
import { ActionsEditor } from './actions-editor';

/** Two replicas that exchange every update at once, like two members online together. */
function pair() {
	const a = new Y.Doc();
	const b = new Y.Doc();
	a.on('update', (update: Uint8Array, origin: unknown) => origin !== b && Y.applyUpdate(b, update, a));
	b.on('update', (update: Uint8Array, origin: unknown) => origin !== a && Y.applyUpdate(a, update, b));
	return { a, b, editorA: new ActionsEditor(a, 'user-a'), editorB: new ActionsEditor(b, 'user-b') };
}

const titles = (doc: Y.Doc) => readActions(doc).map((action) => action.title);

describe('ActionsEditor', () => {
	it('writes through the model, with the creator and at the end', () => {
		const { a, b, editorA, editorB } = pair();
		const first = editorA.add({ title: 'Interviews plannen' });
		editorB.add({ title: 'Data opvragen', status: 'bezig' });
		expect(titles(b)).toEqual(['Interviews plannen', 'Data opvragen']);
		expect(readActions(a)[0]).toMatchObject({ id: first, createdBy: 'user-a', status: 'open' });
		editorB.move(first, 1);
		expect(titles(a)).toEqual(['Data opvragen', 'Interviews plannen']);
	});

	it('undoes and redoes only its own changes, one change per step', () => {
		const { a, b, editorA, editorB } = pair();
		const id = editorA.add({ title: 'Eerste' });
		editorB.add({ title: 'Van B' });
		editorA.update(id, { status: 'bezig' });
		editorA.update(id, { note: 'Bel eerst' });
		expect(editorA.undo()).toBe(true);
		expect(readActions(b)[0]).toMatchObject({ status: 'bezig', note: '' });
		expect(editorA.undo()).toBe(true);
		expect(readActions(b)[0]?.status).toBe('open');
		expect(editorA.undo()).toBe(true);
		expect(titles(b)).toEqual(['Van B']);
		expect(editorA.canUndo).toBe(false);
		expect(editorA.undo()).toBe(false);
		expect(editorA.redo()).toBe(true);
		expect(titles(a)).toEqual(['Eerste', 'Van B']);
		expect(editorB.canUndo).toBe(true);
	});

	it('brings a removed action back with all its fields and its place', () => {
		const { b, editorA, editorB } = pair();
		editorA.add({ title: 'Boven' });
		const id = editorA.add({ title: 'Midden', ownerId: 'user-b', due: '2025-03-01', note: 'Notitie' });
		editorA.add({ title: 'Onder' });
		const before = readActions(b).find((action) => action.id === id);
		editorB.remove(id);
		expect(titles(b)).toEqual(['Boven', 'Onder']);
		// A's undo does not touch B's removal.
		while (editorA.canUndo) editorA.undo();
		expect(titles(b)).toEqual([]);
		editorA.redo();
		editorA.redo();
		editorA.redo();
		expect(titles(b)).toEqual(['Boven', 'Onder']);
		editorB.undo();
		expect(readActions(b).find((action) => action.id === id)).toEqual(before);
		expect(titles(b)).toEqual(['Boven', 'Midden', 'Onder']);
	});

	it('undoes a move back to the old place', () => {
		const { b, editorA } = pair();
		const ids = ['1', '2', '3'].map((title) => editorA.add({ title }));
		editorA.move(ids[0] as string, 2);
		expect(titles(b)).toEqual(['2', '3', '1']);
		editorA.undo();
		expect(titles(b)).toEqual(['1', '2', '3']);
	});

	it('makes a group of moves one undo step, and cancelling it restores the exact places', () => {
		const { a, b, editorA } = pair();
		const ids = ['1', '2', '3', '4'].map((title) => editorA.add({ title }));
		const first = ids[0] as string;
		const positions = () => readActions(b).map((action) => action.position);
		const before = positions();
		editorA.beginGroup();
		editorA.move(first, 1);
		editorA.move(first, 2);
		editorA.move(first, 3);
		editorA.endGroup();
		expect(titles(a)).toEqual(['2', '3', '4', '1']);
		editorA.update(first, { status: 'klaar' });
		editorA.undo();
		expect(titles(b)).toEqual(['2', '3', '4', '1']);
		editorA.undo();
		expect(titles(b)).toEqual(['1', '2', '3', '4']);
		expect(positions()).toEqual(before);

		editorA.beginGroup();
		editorA.move(first, 2);
		editorA.move(first, 3);
		editorA.cancelGroup(true);
		expect(titles(b)).toEqual(['1', '2', '3', '4']);
		expect(positions()).toEqual(before);
		expect(editorA.canRedo).toBe(false);
		// The steps before the group are untouched.
		editorA.undo();
		expect(titles(b)).toEqual(['1', '2', '3']);
	});

	it('cancels an unchanged group without undoing anything', () => {
		const { a, editorA } = pair();
		editorA.add({ title: 'x' });
		editorA.beginGroup();
		editorA.cancelGroup(false);
		expect(titles(a)).toEqual(['x']);
		editorA.update(readActions(a)[0]!.id, { title: 'y' });
		editorA.undo();
		expect(titles(a)).toEqual(['x']);
	});

	it('reports stack changes until unsubscribed', () => {
		const { editorA } = pair();
		let calls = 0;
		const stop = editorA.onStackChange(() => calls++);
		const id = editorA.add({ title: 'x' });
		// The add pushes an undo step; undo pops it and pushes a redo step.
		editorA.undo();
		expect(calls).toBe(3);
		stop();
		editorA.redo();
		editorA.update(id, { title: 'y' });
		expect(calls).toBe(3);
	});

	it('refuses what the model refuses and writes nothing', () => {
		const { a, editorA } = pair();
		const id = editorA.add({ title: 'Geldig' });
		expect(() => editorA.update(id, { title: ' ' })).toThrow('invalid_input');
		expect(() => editorA.remove('bestaat-niet')).toThrow('not_found');
		expect(titles(a)).toEqual(['Geldig']);
		editorA.undo();
		expect(titles(a)).toEqual([]);
	});
});
