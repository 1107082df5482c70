import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAction, filterActions, readActions, type ActionSnapshot } from '$lib/domain/workspace';
import { ActionsEditor } from './actions-editor';
import { ReorderController } from './reorder-controller.svelte';

/** A panel over a real document and the real editor: the controller's host, and what it announced. */
function panel(titles: string[], filter: (list: ActionSnapshot[]) => ActionSnapshot[] = (list) => list) {
	const doc = new Y.Doc();
	for (const title of titles)
		addAction(doc, { title, ownerId: title.startsWith('mijn') ? 'me' : null }, 'u1', { id: title });
	const editor = new ActionsEditor(doc, 'me');
	const said: string[] = [];
	const controller = new ReorderController({
		all: () => readActions(doc),
		visible: () => filter(readActions(doc)),
		beginGroup: () => editor.beginGroup(),
		endGroup: () => editor.endGroup(),
		cancelGroup: (changed) => editor.cancelGroup(changed),
		move: (id, index) => (editor.move(id, index), true),
		announce: (key) => said.push(key),
		moved: (_action, key) => said.push(key)
	});
	const order = () => readActions(doc).map((a) => a.title);
	const action = (title: string) => readActions(doc).find((a) => a.title === title) as ActionSnapshot;
	const index = (title: string) => filter(readActions(doc)).findIndex((a) => a.title === title);
	const key = (title: string, name: string, altKey = false) => {
		let prevented = false;
		const used = controller.key(action(title), index(title), {
			key: name,
			altKey,
			preventDefault: () => (prevented = true)
		});
		expect(prevented).toBe(used);
		return used;
	};
	return { doc, editor, controller, said, order, action, index, key };
}

describe('ReorderController', () => {
	it('keyboard move mode: pick up, arrows and End move, put down; the whole move is one undo step', () => {
		const p = panel(['a', 'b', 'c', 'd']);
		expect(p.key('a', 'ArrowDown')).toBe(false);
		p.controller.click(p.action('a'), 0);
		expect(p.controller.grabbed).toEqual({ id: 'a', moved: false });
		expect(p.key('a', 'ArrowDown')).toBe(true);
		expect(p.key('a', 'End')).toBe(true);
		expect(p.order()).toEqual(['b', 'c', 'd', 'a']);
		p.controller.click(p.action('a'), 3);
		expect(p.controller.grabbed).toBeNull();
		expect(p.said).toEqual([
			'workspace.actielijst.grabbed',
			'workspace.actielijst.moved',
			'workspace.actielijst.moved',
			'workspace.actielijst.dropped'
		]);
		p.editor.undo();
		expect(p.order()).toEqual(['a', 'b', 'c', 'd']);
	});

	it('Escape puts the action back exactly, with nothing left to undo or redo', () => {
		const p = panel(['a', 'b', 'c']);
		p.controller.click(p.action('c'), 2);
		p.key('c', 'Home');
		expect(p.order()).toEqual(['c', 'a', 'b']);
		p.key('c', 'Escape');
		expect(p.order()).toEqual(['a', 'b', 'c']);
		expect(p.controller.grabbed).toBeNull();
		expect([p.editor.canUndo, p.editor.canRedo]).toEqual([false, false]);
	});

	it('Alt+arrows move without move mode; other keys are left to the browser', () => {
		const p = panel(['a', 'b']);
		expect(p.key('a', 'ArrowDown', true)).toBe(true);
		expect(p.order()).toEqual(['b', 'a']);
		expect(p.key('a', 'Home')).toBe(false);
		expect(p.key('a', 'x', true)).toBe(false);
	});

	it('a drag moves once on drop, marks where it lands, and its closing click picks nothing up', () => {
		const p = panel(['a', 'b', 'c']);
		p.controller.dragStart();
		p.controller.dragMove(p.action('a'), 0, 80, 2);
		expect([0, 1, 2].map((i) => p.controller.dropMark(i))).toEqual([null, null, 'after']);
		p.controller.drop(p.action('a'), 0, 2);
		expect(p.order()).toEqual(['b', 'c', 'a']);
		expect(p.controller.drag).toBeNull();
		p.controller.click(p.action('a'), 2);
		expect(p.controller.grabbed).toBeNull();
		p.controller.dragStart();
		p.controller.dragMove(p.action('a'), 2, -40, 1);
		expect(p.controller.dropMark(1)).toBe('before');
		p.controller.dragCancel();
		expect(p.order()).toEqual(['b', 'c', 'a']);
	});

	it('with a filter on, a move lands next to the visible neighbour and hidden actions keep their place', () => {
		const mine = (list: ActionSnapshot[]) => filterActions(list, { mine: 'me' });
		const p = panel(['mijn 1', 'x', 'mijn 2', 'y', 'mijn 3'], mine);
		p.controller.click(p.action('mijn 3'), 2);
		p.key('mijn 3', 'Home');
		expect(p.order()).toEqual(['mijn 3', 'mijn 1', 'x', 'mijn 2', 'y']);
	});

	it('leaving the handle for good puts the action down; a re-render that keeps focus does not', () => {
		const p = panel(['a', 'b']);
		p.controller.click(p.action('a'), 0);
		p.controller.left(p.action('a'), true);
		expect(p.controller.grabbed).not.toBeNull();
		p.controller.left(p.action('a'), false);
		expect(p.controller.grabbed).toBeNull();
	});
});
