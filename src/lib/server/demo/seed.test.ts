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

	it('records the moves that brought every demo Doetank to its phase, stops with their reason', async () => {
		await seedDemo(db);
		const phases = new Map(
			(await db.execute('SELECT id, phase FROM doetanks')).rows.map((r) => [String(r.id), String(r.phase)])
		);
		const moves = (
			await db.execute('SELECT doetank_id, to_phase, reason_category FROM phase_transitions ORDER BY rowid')
		).rows;
		for (const d of network.doetanks) {
			expect(phases.get(d.id)).toBe(d.phase);
			const own = moves.filter((m) => m.doetank_id === d.id);
			expect(own.at(-1)?.to_phase ?? 'fase_0').toBe(d.phase);
			if (d.phase === 'gestopt') expect(own.at(-1)?.reason_category).toBeTruthy();
		}
		expect(moves).toHaveLength(2 * 3 + 2 + 5);
	});

	it('does nothing on a database that has users', async () => {
		expect(await seedDemo(db)).toBe(true);
		expect(await seedDemo(db)).toBe(false);
		const { rows } = await db.execute('SELECT COUNT(*) AS n FROM doc_updates');
		expect(Number(rows[0]!.n)).toBe(network.doetanks.length);
	});
});
