import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	fragmentToMarkdown,
	probleemdefinitie,
	readActions,
	workspaceSchemaVersion,
	WORKSPACE_SCHEMA_VERSION
} from '$lib/domain/workspace';
import type { Database } from '../db/client';
import { testDatabase } from '../db/test-db';
import { loadStoredDocument } from '../documents/stored';
import network from './demo-network.json';
import { seedDemo } from './seed';

let db: Database;
let cleanup: () => void;

beforeEach(async () => {
	({ db, cleanup } = await testDatabase());
});
afterEach(() => cleanup());

describe('seedDemo', () => {
	it('gives every demo Doetank its probleemdefinitie from the report, in a current workspace', async () => {
		expect(await seedDemo(db)).toBe(true);
		for (const { id, probleemdefinitie: text } of network.doetanks) {
			const doc = await loadStoredDocument(db, id);
			expect(fragmentToMarkdown(probleemdefinitie(doc))).toBe(text);
			expect(workspaceSchemaVersion(doc)).toBe(WORKSPACE_SCHEMA_VERSION);
			expect(readActions(doc)).toEqual([]);
		}
	});

	it('logs the text as nobody’s edit, so no demo account seems active', async () => {
		await seedDemo(db);
		const rows = (await db.execute('SELECT doetank_id, seq, user_id FROM doc_updates ORDER BY doetank_id')).rows;
		expect(rows).toHaveLength(network.doetanks.length);
		expect(rows.every((r) => r.seq === 1 && r.user_id === null)).toBe(true);
	});

	it('does nothing on a database that has users', async () => {
		expect(await seedDemo(db)).toBe(true);
		expect(await seedDemo(db)).toBe(false);
		const { rows } = await db.execute('SELECT COUNT(*) AS n FROM doc_updates');
		expect(Number(rows[0]!.n)).toBe(network.doetanks.length);
	});
});
