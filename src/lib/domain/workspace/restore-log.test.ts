import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRestores, recordRestore, RESTORE_LOG_LIMIT, restoreLog } from './restore-log';

const entry = { by: 'demo-trekker', name: 'Tineke Trekker', what: 'Probleemdefinitie', version: 'gisteren' };

describe('restore log', () => {
	it('records who restored which version, newest first, and reaches other replicas', () => {
		const a = new Y.Doc();
		recordRestore(a, entry, { now: new Date('2025-03-01T20:00:00Z') });
		recordRestore(a, { ...entry, undone: true }, { now: new Date('2025-03-01T20:01:00Z') });
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(readRestores(b).map((r) => [r.name, r.version, r.undone, r.at])).toEqual([
			['Tineke Trekker', 'gisteren', true, '2025-03-01T20:01:00.000Z'],
			['Tineke Trekker', 'gisteren', false, '2025-03-01T20:00:00.000Z']
		]);
	});

	it('is part of the caller’s transaction, so one undo step takes back the restore and its record can stay', () => {
		const doc = new Y.Doc();
		let transactions = 0;
		doc.on('afterTransaction', () => transactions++);
		doc.transact(() => {
			doc.getText('t').insert(0, 'oud');
			recordRestore(doc, entry);
		});
		expect(transactions).toBe(1);
	});

	it('keeps only the newest entries and skips damaged ones', () => {
		const doc = new Y.Doc();
		for (let i = 0; i < RESTORE_LOG_LIMIT + 5; i++)
			recordRestore(doc, { ...entry, version: `v${i}` }, { now: new Date(Date.UTC(2025, 0, 1, 0, i)) });
		restoreLog(doc).set('kapot', 'geen map');
		const list = readRestores(doc);
		expect(list).toHaveLength(RESTORE_LOG_LIMIT);
		expect(list[0]?.version).toBe(`v${RESTORE_LOG_LIMIT + 4}`);
		expect(list.at(-1)?.version).toBe('v5');
	});

	it('cuts over-long texts', () => {
		const doc = new Y.Doc();
		recordRestore(doc, { ...entry, name: 'x'.repeat(500) });
		expect(readRestores(doc)[0]?.name).toHaveLength(200);
	});
});
