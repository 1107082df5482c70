import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Database } from '../db/client';
import { appendUpdateStatement, compactionStatements, readForCompaction } from '../db/doc-log';
import { testDatabase } from '../db/test-db';
import { AppError } from '../errors';
import { HistoryDayInput } from '$lib/validation/schemas';
import { viaRoute } from '../instruments/test-support';
import { HistoryService } from './history';
import { foldUpdates } from './compaction';

let db: Database;
let cleanup: () => void;
let history: HistoryService;
const member = { id: 'ann', networkRole: 'member' as const };
const outsider = { id: 'eve', networkRole: 'member' as const };
const at = (day: string, hour: number) => Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00+01:00`);

beforeEach(async () => {
	({ db, cleanup } = await testDatabase());
	history = new HistoryService(db);
	await db.batch([
		"INSERT INTO doetanks (id, name, onderwerp, beoogd_doel, created_at) VALUES ('d', 'D', 'o', 'd', 0)",
		"INSERT INTO users (id, email, name, password_hash, network_role, is_demo, created_at) VALUES ('ann', 'a@x.nl', 'Ann', 'h', 'member', 0, 0)",
		"INSERT INTO users (id, email, name, password_hash, network_role, is_demo, created_at) VALUES ('bob', 'b@x.nl', 'Bob', 'h', 'member', 0, 0)",
		"INSERT INTO users (id, email, name, password_hash, network_role, is_demo, created_at) VALUES ('eve', 'e@x.nl', 'Eve', 'h', 'member', 0, 0)",
		"INSERT INTO memberships (doetank_id, user_id, lid_type, direct_stake, joined_at) VALUES ('d', 'ann', 'kern', 1, 0)",
		"INSERT INTO membership_roles (doetank_id, user_id, role) VALUES ('d', 'ann', 'lid')"
	]);
	// Ann writes on the 25th, Bob on the 26th, Ann again on the 28th.
	const doc = new Y.Doc();
	let seq = 0;
	const write = async (text: string, userId: string, when: number) => {
		let update: Uint8Array = new Uint8Array();
		doc.once('update', (u: Uint8Array) => (update = u));
		doc.getText('t').insert(doc.getText('t').length, text);
		await db.execute(appendUpdateStatement({ doetankId: 'd', seq: ++seq, update, userId, at: when }));
	};
	await write('een ', 'ann', at('2026-11-25', 10));
	await write('twee ', 'bob', at('2026-11-26', 10));
	await write('drie', 'ann', at('2026-11-28', 10));
});
afterEach(() => cleanup());

const textAt = async (day: string) => {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, await history.stateAt(member, 'd', { day }));
	return doc.getText('t').toString();
};

async function compact(): Promise<void> {
	const folded = (await foldUpdates(await readForCompaction(db, 'd'), 'Europe/Amsterdam'))!;
	await db.batch(compactionStatements('d', folded.snapshot, folded.checkpoints, Date.now()));
}

describe('HistoryService', () => {
	it('lists the days with changes, newest first, with their contributors', async () => {
		expect(await history.days(member, 'd')).toEqual([
			{ day: '2026-11-28', contributors: [{ id: 'ann', name: 'Ann' }] },
			{ day: '2026-11-26', contributors: [{ id: 'bob', name: 'Bob' }] },
			{ day: '2026-11-25', contributors: [{ id: 'ann', name: 'Ann' }] }
		]);
	});

	it('rebuilds the document as it was at the end of any day, before and after compaction', async () => {
		const expected = {
			'2026-11-24': '',
			'2026-11-25': 'een ',
			'2026-11-26': 'een twee ',
			'2026-11-27': 'een twee ',
			'2026-11-28': 'een twee drie'
		};
		for (const [day, text] of Object.entries(expected)) expect(await textAt(day)).toBe(text);
		const before = await history.days(member, 'd');
		await compact();
		expect(Number((await db.execute('SELECT count(*) AS n FROM doc_updates')).rows[0]!.n)).toBe(0);
		for (const [day, text] of Object.entries(expected)) expect(await textAt(day)).toBe(text);
		expect(await history.days(member, 'd')).toEqual(before);
	});

	it('gives the document as it is now, to members only', async () => {
		const doc = await history.current(member, 'd');
		expect(doc.getText('t').toString()).toBe('een twee drie');
		doc.destroy();
		await compact();
		expect((await history.current(member, 'd')).getText('t').toString()).toBe('een twee drie');
		await expect(history.current(outsider, 'd')).rejects.toMatchObject({ code: 'forbidden' });
		await expect(history.current(member, 'nope')).rejects.toMatchObject({ code: 'not_found' });
	});

	it('refuses outsiders and bad days with the usual errors', async () => {
		await expect(history.days(outsider, 'd')).rejects.toMatchObject({ code: 'forbidden' });
		await expect(history.days(null, 'd')).rejects.toMatchObject({ code: 'unauthenticated' });
		await expect(history.stateAt(member, 'nope', { day: '2026-11-25' })).rejects.toMatchObject({ code: 'not_found' });
		const bad = await viaRoute(HistoryDayInput, { day: '2026-02-30' }, (input) =>
			history.stateAt(member, 'd', input)
		).catch((e: unknown) => e);
		expect(bad).toBeInstanceOf(AppError);
		expect(bad).toMatchObject({ code: 'validation_failed', fields: { day: { key: 'validation.day' } } });
	});
});
