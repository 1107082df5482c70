import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	actionText,
	editBetween,
	mergeTexts,
	readActionText,
	reconcileActionTexts,
	replaceText,
	textKey,
	watchLegacyActionEdits
} from './action-text';
import { addAction, readActions, updateAction } from './actions';
import { actionsMap, metaMap } from './layout';
import { migrateWorkspace, WORKSPACE_SCHEMA_VERSION, workspaceSchemaVersion } from './schema';

/** An action as the version-1 code wrote it: plain strings, no texts. */
function addV1(doc: Y.Doc, id: string, title: string, note: string): void {
	doc.transact(() => {
		const item = new Y.Map<unknown>();
		for (const [key, value] of Object.entries({ id, title, note, status: 'open', position: `a${id}` }))
			item.set(key, value);
		actionsMap(doc).set(id, item);
	});
}

/** What the version-1 `updateAction` does to a text field: overwrite the string. */
const setV1 = (doc: Y.Doc, id: string, field: 'title' | 'note', value: string) =>
	(actionsMap(doc).get(id) as Y.Map<unknown>).set(field, value);

const sync = (...docs: Y.Doc[]) => {
	for (let round = 0; round < 2; round++)
		for (const from of docs)
			for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from), 'remote');
};

describe('editBetween', () => {
	it('finds the one changed range, at the caret when the change is ambiguous', () => {
		expect(editBetween('abc', 'abXc')).toEqual({ from: 2, to: 2, insert: 'X' });
		expect(editBetween('aa', 'aaa', 2)).toEqual({ from: 1, to: 1, insert: 'a' });
		expect(editBetween('aa', 'aaa')).toEqual({ from: 0, to: 0, insert: 'a' });
		expect(editBetween('hallo', 'hao')).toEqual({ from: 2, to: 4, insert: '' });
		expect(editBetween('same', 'same')).toEqual({ from: 0, to: 0, insert: '' });
	});
});

describe('mergeTexts', () => {
	it('keeps both sides of separate edits and both insertions of overlapping ones', () => {
		expect(mergeTexts('Gedeelde titel', 'L2+ Gedeelde titel', 'Gedeelde titel +T1')).toBe('L2+ Gedeelde titel +T1');
		expect(mergeTexts('Bel de wethouder', 'Bel de burgemeester', 'Bel de wethouder')).toBe('Bel de burgemeester');
		expect(mergeTexts('Bel de wethouder', 'Bel de wethouder', 'Mail de wethouder')).toBe('Mail de wethouder');
		expect(mergeTexts('abc', 'aXc', 'aYc')).toBe('aXYc');
		expect(mergeTexts('abc', 'abc!', 'abc?')).toBe('abc!?');
	});

	it('keeps every inserted run of either side (fast-check)', () => {
		fc.assert(
			fc.property(
				fc.string({ maxLength: 12 }),
				fc.string({ maxLength: 12 }),
				fc.string({ maxLength: 12 }),
				(b, t, m) => {
					const merged = mergeTexts(b, t, m);
					expect(merged).toContain(editBetween(b, t).insert);
					expect(merged).toContain(editBetween(b, m).insert);
					expect(mergeTexts(b, b, m)).toBe(m);
					expect(mergeTexts(b, t, b)).toBe(t);
				}
			),
			{ numRuns: 500 }
		);
	});
});

describe('layout version 2: action texts', () => {
	it('migrates version-1 strings into texts without losing a character (fast-check)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.string({ maxLength: 40 }), fc.string({ maxLength: 80 })), { maxLength: 6 }),
				(fields) => {
					const doc = new Y.Doc();
					metaMap(doc).set('schemaVersion', 1);
					fields.forEach(([title, note], i) => addV1(doc, `a${i}`, title, note));
					expect(migrateWorkspace(doc)).toEqual({ from: 1, to: WORKSPACE_SCHEMA_VERSION });
					fields.forEach(([title, note], i) => {
						expect(actionText(doc, `a${i}`, 'title')?.toString()).toBe(title);
						expect(actionText(doc, `a${i}`, 'note')?.toString()).toBe(note);
					});
					expect(readActions(doc).map((a) => [a.title, a.note])).toEqual(
						fields.map(([title, note]) => [title.trim(), note.trim()])
					);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('new actions carry texts and the string old clients read; updates edit the text in place', () => {
		const doc = new Y.Doc();
		migrateWorkspace(doc);
		addAction(doc, { title: 'Bel de wethouder', note: 'voor vrijdag' }, 'u1', { id: 'a' });
		const item = actionsMap(doc).get('a') as Y.Map<unknown>;
		expect(item.get('title')).toBe('Bel de wethouder');
		const title = actionText(doc, 'a', 'title') as Y.Text;
		updateAction(doc, 'a', { title: 'Bel de burgemeester' });
		expect(actionText(doc, 'a', 'title')).toBe(title);
		expect(title.toString()).toBe('Bel de burgemeester');
		// The string stays as created: only clients of version 1 change it.
		expect(item.get('title')).toBe('Bel de wethouder');
		expect(readActions(doc)[0]).toMatchObject({ title: 'Bel de burgemeester', note: 'voor vrijdag' });
	});

	it('concurrent typing in one title merges character by character', () => {
		const a = new Y.Doc();
		migrateWorkspace(a);
		addAction(a, { title: 'Gedeelde titel' }, 'u1', { id: 'x' });
		const b = new Y.Doc();
		sync(a, b);
		(actionText(a, 'x', 'title') as Y.Text).insert(14, ' +T1');
		(actionText(b, 'x', 'title') as Y.Text).insert(0, 'L2+ ');
		sync(a, b);
		expect(readActions(a)[0]?.title).toBe('L2+ Gedeelde titel +T1');
		expect(readActions(b)).toEqual(readActions(a));
	});

	it('readers show an old client’s later edit merged before any new client took it in', () => {
		const doc = new Y.Doc();
		metaMap(doc).set('schemaVersion', 1);
		addV1(doc, 'a', 'Gedeelde titel', '');
		migrateWorkspace(doc);
		(actionText(doc, 'a', 'title') as Y.Text).insert(14, ' +T1');
		setV1(doc, 'a', 'title', 'L2+ Gedeelde titel');
		expect(readActionText(actionsMap(doc).get('a') as Y.Map<unknown>, 'title')).toBe('L2+ Gedeelde titel +T1');
		expect(reconcileActionTexts(doc)).toBe(true);
		expect(actionText(doc, 'a', 'title')?.toString()).toBe('L2+ Gedeelde titel +T1');
		expect(reconcileActionTexts(doc)).toBe(false);
		// The next edit by the old client is measured from what it wrote last.
		setV1(doc, 'a', 'title', 'L2+ Gedeelde titel!');
		expect(readActions(doc)[0]?.title).toBe('L2+ Gedeelde titel! +T1');
	});

	it('two new clients taking in the same old edit end with one text, not the edit twice', () => {
		const a = new Y.Doc();
		metaMap(a).set('schemaVersion', 1);
		addV1(a, 'x', 'Plan', 'n');
		migrateWorkspace(a);
		const b = new Y.Doc();
		const old = new Y.Doc();
		sync(a, b, old);
		const stops = [watchLegacyActionEdits(a, 'repair'), watchLegacyActionEdits(b, 'repair')];
		setV1(old, 'x', 'title', 'Plan café');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(old), 'remote');
		Y.applyUpdate(b, Y.encodeStateAsUpdate(old), 'remote');
		sync(a, b, old);
		for (const doc of [a, b]) expect(readActions(doc)[0]?.title).toBe('Plan café');
		expect(actionText(a, 'x', 'title')?.toString()).toBe('Plan café');
		expect(readActions(old).length).toBe(1);
		stops.forEach((stop) => stop());
	});

	it('replaceText edits only the changed range', () => {
		const doc = new Y.Doc();
		const text = doc.getText('t');
		text.insert(0, 'abcdef');
		const deltas: unknown[] = [];
		text.observe((event) => deltas.push(event.delta));
		replaceText(text, 'abXYef');
		expect(text.toString()).toBe('abXYef');
		expect(deltas).toHaveLength(1);
		expect(deltas[0]).toEqual(expect.arrayContaining([{ retain: 2 }, { insert: 'XY' }, { delete: 2 }]));
	});
});

/**
 * An old client (version-1 code: overwrites strings, adds string-only actions) and new clients
 * (typing into the texts) meet in each order. Every client ends with the same list, nothing is
 * lost, and whatever each side typed is in the result.
 */
describe('old and new clients meet (fast-check)', () => {
	const edit = fc.record({ at: fc.nat(30), remove: fc.nat(3), insert: fc.string({ minLength: 1, maxLength: 4 }) });
	const scenario = fc.record({
		order: fc.constantFrom('old-first', 'new-first', 'concurrent'),
		titles: fc.array(fc.string({ minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 3 }),
		oldTitle: fc.string({ maxLength: 12 }),
		oldNote: fc.string({ maxLength: 12 }),
		pick: fc.nat(5),
		typing: fc.array(edit, { maxLength: 4 }),
		oldAdds: fc.boolean()
	});

	function typeInto(text: Y.Text, typing: { at: number; remove: number; insert: string }[]) {
		for (const { at, remove, insert } of typing) {
			const index = Math.min(at, text.length);
			text.delete(index, Math.min(remove, text.length - index));
			text.insert(index, insert);
		}
	}

	it('converges and keeps both sides, in every order', () => {
		fc.assert(
			fc.property(scenario, ({ order, titles, oldTitle, oldNote, pick, typing, oldAdds }) => {
				const start = new Y.Doc();
				metaMap(start).set('schemaVersion', 1);
				titles.forEach((title, i) => addV1(start, `a${i}`, title, `note ${i}`));
				const id = `a${pick % titles.length}`;
				const original = titles[pick % titles.length] as string;
				const old = new Y.Doc();
				const fresh = new Y.Doc();
				const other = new Y.Doc();
				for (const doc of [old, fresh, other]) Y.applyUpdate(doc, Y.encodeStateAsUpdate(start), 'remote');
				const stops = [fresh, other].map((doc) => watchLegacyActionEdits(doc, 'repair'));
				const oldEdits = () => {
					setV1(old, id, 'title', oldTitle);
					setV1(old, id, 'note', oldNote);
					if (oldAdds) addV1(old, 'old-new', 'Van de oude app', 'oude notitie');
				};
				const newEdits = () => {
					migrateWorkspace(fresh);
					typeInto(actionText(fresh, id, 'title') as Y.Text, typing);
				};
				let typed: string;
				if (order === 'old-first') {
					oldEdits();
					sync(old, fresh);
					newEdits();
					typed = actionText(fresh, id, 'title')?.toString() ?? '';
				} else if (order === 'new-first') {
					newEdits();
					typed = actionText(fresh, id, 'title')?.toString() ?? '';
					sync(old, fresh);
					oldEdits();
				} else {
					newEdits();
					typed = actionText(fresh, id, 'title')?.toString() ?? '';
					oldEdits();
				}
				sync(old, fresh, other);
				for (const doc of [fresh, other]) migrateWorkspace(doc);
				sync(old, fresh, other);

				const list = readActions(fresh);
				expect(readActions(other)).toEqual(list);
				expect(workspaceSchemaVersion(fresh)).toBe(WORKSPACE_SCHEMA_VERSION);
				const expectedIds = titles.map((_, i) => `a${i}`).concat(oldAdds ? ['old-new'] : []);
				expect(list.map((a) => a.id).sort()).toEqual(expectedIds.sort());
				const title = actionText(fresh, id, 'title')?.toString() ?? '';
				if (order === 'old-first') {
					expect(title).toBe(typed);
				} else {
					expect(title).toBe(mergeTexts(original, oldTitle, typed));
					expect(title).toContain(editBetween(original, oldTitle).insert);
					expect(title).toContain(editBetween(original, typed).insert);
				}
				if (order !== 'old-first') expect(actionText(fresh, id, 'note')?.toString()).toBe(oldNote);
				if (oldAdds) expect(list.find((a) => a.id === 'old-new')?.note).toBe('oude notitie');
				// Nothing left to take in, and every replica holds texts (no client sees only strings).
				expect(reconcileActionTexts(fresh)).toBe(false);
				for (const a of list)
					expect((actionsMap(other).get(a.id) as Y.Map<unknown>).get(textKey('title'))).toBeInstanceOf(Y.Text);
				stops.forEach((stop) => stop());
			}),
			{ numRuns: 300 }
		);
	});
});
