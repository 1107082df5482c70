import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Database } from '../db/client';
import { appendUpdateStatement, compactionStatements, readForCompaction } from '../db/doc-log';
import { testDatabase } from '../db/test-db';
import { AppError } from '../errors';
import { foldUpdates } from './compaction';
import { DEFAULT_HISTORY_LIMITS, VersionService } from './versions';

let db: Database;
let cleanup: () => void;
let clock: number;
let versions: VersionService;
const lid = { id: 'ann', networkRole: 'member' as const };
const meekijker = { id: 'mia', networkRole: 'member' as const };
const outsider = { id: 'eve', networkRole: 'member' as const };
let doc: Y.Doc;
let seq = 0;

async function write(text: string, userId: string | null): Promise<void> {
	let update: Uint8Array = new Uint8Array();
	doc.once('update', (u: Uint8Array) => (update = u));
	doc.getText('t').insert(doc.getText('t').length, text);
	await db.execute(appendUpdateStatement({ doetankId: 'd', seq: ++seq, update, userId, at: clock }));
}

async function textOf(versionId: string): Promise<string> {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, await versions.state(meekijker, 'd', { versionId }));
	return copy.getText('t').toString();
}

const user = (id: string, name: string) =>
	`INSERT INTO users (id, email, name, password_hash, network_role, is_demo, created_at) VALUES ('${id}', '${id}@x.nl', '${name}', 'h', 'member', 0, 0)`;
const member = (id: string, role: string) => [
	`INSERT INTO memberships (doetank_id, user_id, lid_type, direct_stake, joined_at) VALUES ('d', '${id}', 'kern', 1, 0)`,
	`INSERT INTO membership_roles (doetank_id, user_id, role) VALUES ('d', '${id}', '${role}')`
];

beforeEach(async () => {
	({ db, cleanup } = await testDatabase());
	clock = Date.parse('2026-12-04T19:00:00+01:00');
	versions = new VersionService(db, 'Europe/Amsterdam', () => clock);
	seq = 0;
	doc = new Y.Doc();
	await db.batch([
		"INSERT INTO doetanks (id, name, onderwerp, beoogd_doel, created_at) VALUES ('d', 'D', 'o', 'd', 0)",
		user('ann', 'Ann'),
		user('bob', 'Bob'),
		user('mia', 'Mia'),
		user('eve', 'Eve'),
		...member('ann', 'lid'),
		...member('bob', 'trekker'),
		...member('mia', 'meekijker')
	]);
});
afterEach(() => cleanup());

describe('VersionService', () => {
	it('cuts an automatic version only when something changed since the last one', async () => {
		expect(await versions.cutAutomatic('d')).toBeNull();
		await write('een ', 'ann');
		const first = await versions.cutAutomatic('d');
		expect(first).not.toBeNull();
		expect(await versions.cutAutomatic('d')).toBeNull();
		expect(await textOf(first!)).toBe('een ');
	});

	it('lets the database decide when two instances cut the same moment: one version', async () => {
		await write('een ', 'ann');
		// A second instance: its own service on the same database, cutting at the same time.
		const other = new VersionService(db, 'Europe/Amsterdam', () => clock);
		const cuts = await Promise.all([
			versions.cutAutomatic('d', undefined, 600_000),
			other.cutAutomatic('d', undefined, 600_000)
		]);
		expect(cuts.filter((id) => id !== null)).toHaveLength(1);
		expect(await versions.list(lid, 'd')).toHaveLength(1);
	});

	it('spaces timed cuts by the interval: a later edit waits for the next one unless no spacing is asked', async () => {
		await write('een ', 'ann');
		expect(await versions.cutAutomatic('d', undefined, 600_000)).not.toBeNull();
		clock += 1_000;
		await write('twee', 'bob');
		expect(await versions.cutAutomatic('d', undefined, 600_000)).toBeNull();
		expect(await versions.unversioned('d', seq)).toBe(true);
		clock += 600_000;
		expect(await versions.cutAutomatic('d', undefined, 600_000)).not.toBeNull();
		expect(await versions.unversioned('d', seq)).toBe(false);
		await write('drie', 'ann');
		// The last person leaving: no spacing.
		expect(await versions.cutAutomatic('d', undefined, 0)).not.toBeNull();
		expect(await versions.list(lid, 'd')).toHaveLength(3);
	});

	it('lists versions newest first with the contributors since the version before', async () => {
		await write('een ', 'ann');
		await versions.cutAutomatic('d');
		clock += 600_000;
		await write('twee ', 'bob');
		await write('drie', 'ann');
		await versions.cutAutomatic('d');
		const list = await versions.list(meekijker, 'd');
		expect(list.map((v) => v.contributors.map((c) => c.name).sort())).toEqual([['Ann', 'Bob'], ['Ann']]);
		expect(list.map((v) => v.kind)).toEqual(['auto', 'auto']);
	});

	it('counts contributors whose updates compaction folded away, through the day checkpoint', async () => {
		await write('een ', 'ann');
		await versions.cutAutomatic('d');
		await write('twee ', 'bob');
		const folded = (await foldUpdates(await readForCompaction(db, 'd'), 'Europe/Amsterdam'))!;
		await db.batch(compactionStatements('d', folded.snapshot, folded.checkpoints, clock));
		await versions.cutAutomatic('d');
		const [latest] = await versions.list(lid, 'd');
		expect(latest!.contributors.map((c) => c.name)).toContain('Bob');
	});

	it('lets a writer name the document as it is now, also when nothing changed', async () => {
		await write('een ', 'ann');
		await versions.cutAutomatic('d');
		const named = await versions.name(lid, 'd', { name: '  vóór de café-sessie ' });
		expect(named).toMatchObject({ kind: 'named', name: 'vóór de café-sessie', createdBy: { id: 'ann', name: 'Ann' } });
		expect(named.contributors).toEqual([]);
		expect(await textOf(named.id)).toBe('een ');
		const trekker = await versions.name({ id: 'bob', networkRole: 'member' }, 'd', { name: 'na de sessie' });
		expect((await versions.list(meekijker, 'd')).map((v) => v.id)).toEqual([trekker.id, named.id, expect.any(String)]);
	});

	it('refuses a meekijker and an outsider (403), and invalid names (422)', async () => {
		const status = (p: Promise<unknown>) =>
			p.then(
				() => 'ok',
				(e: unknown) => (e instanceof AppError ? e.status : String(e))
			);
		expect(await status(versions.name(meekijker, 'd', { name: 'x' }))).toBe(403);
		expect(await status(versions.name(null, 'd', { name: 'x' }))).toBe(401);
		expect(await status(versions.name(outsider, 'd', { name: 'x' }))).toBe(403);
		expect(await status(versions.name(lid, 'd', { name: '   ' }))).toBe(422);
		expect(await status(versions.name(lid, 'd', { name: 'x'.repeat(81) }))).toBe(422);
		expect(await status(versions.list(outsider, 'd'))).toBe(403);
		expect(await status(versions.state(meekijker, 'd', { versionId: 'nope' }))).toBe(404);
		expect(await versions.list(meekijker, 'd')).toEqual([]);
	});

	it('keeps at most HISTORY_MAX_NAMED_VERSIONS named versions (409 past that), automatic ones go on', async () => {
		const rows = Array.from({ length: DEFAULT_HISTORY_LIMITS.maxNamed - 1 }, (_, i) => ({
			sql: `INSERT INTO doc_versions (id, doetank_id, kind, name, created_by, state, seq, contributors, created_at)
				VALUES (?, 'd', 'named', ?, 'ann', ?, 0, '[]', ?)`,
			args: [`n${i}`, `naam ${i}`, new Uint8Array([0, 0]), i]
		}));
		await db.batch(rows);
		await versions.name(lid, 'd', { name: 'de laatste' });
		const refused = await versions.name(lid, 'd', { name: 'één te veel' }).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(AppError);
		expect(refused).toMatchObject({ status: 409, messageKey: 'error.tooManyNamedVersions' });
		await write('nog steeds', 'ann');
		expect(await versions.cutAutomatic('d')).not.toBeNull();
	});

	it('holds the versions of a Doetank within HISTORY_MAX_BYTES: automatic ones thinned oldest first, named ones refused past half', async () => {
		const maxBytes = 100_000;
		versions = new VersionService(db, 'Europe/Amsterdam', () => clock, { maxBytes, maxNamed: 100 });
		const stored = async () =>
			(
				await db.execute(
					"SELECT kind, length(state) AS bytes FROM doc_versions WHERE doetank_id = 'd' ORDER BY created_at"
				)
			).rows;
		// An evening of work: every ten minutes 1,000 new characters, so each version is bigger than the last.
		for (let i = 0; i < 40; i++) {
			await write(`${String(i).padStart(2, '0')}${'x'.repeat(998)}`, 'ann');
			await versions.cutAutomatic('d');
			clock += 600_000;
		}
		const rows = await stored();
		const total = rows.reduce((sum, r) => sum + Number(r.bytes), 0);
		// Without the bound these 40 versions would hold about 820 kB.
		expect(total).toBeLessThanOrEqual(maxBytes);
		expect(rows.length).toBeGreaterThan(0);
		// The newest stays: it holds the whole text of now.
		const list = await versions.list(lid, 'd');
		expect(await textOf(list[0]!.id)).toContain('39xxx');

		// Named versions may take half the bound; one that would pass it is refused.
		const half = Math.floor(maxBytes / 2);
		await db.execute({
			sql: `INSERT INTO doc_versions (id, doetank_id, kind, name, created_by, state, seq, contributors, created_at)
				VALUES ('big', 'd', 'named', 'groot', 'ann', ?, 0, '[]', 0)`,
			args: [new Uint8Array(half - 100)]
		});
		const refused = await versions.name(lid, 'd', { name: 'past niet meer' }).catch((e: unknown) => e);
		expect(refused).toMatchObject({ status: 409, messageKey: 'error.namedVersionsTooLarge' });
	});

	it('thins automatic versions older than a week to one per day, keeping named ones', async () => {
		for (let i = 0; i < 4; i++) {
			await write(`${i} `, 'ann');
			await versions.cutAutomatic('d');
			if (i === 1) await versions.name(lid, 'd', { name: 'halverwege' });
			clock += 600_000;
		}
		expect(await versions.list(lid, 'd')).toHaveLength(5);
		clock += 8 * 24 * 3_600_000;
		await write('later', 'bob');
		await versions.cutAutomatic('d');
		const kept = await versions.list(lid, 'd');
		expect(kept.map((v) => v.name ?? v.kind)).toEqual(['auto', 'auto', 'halverwege']);
		expect(await textOf(kept[1]!.id)).toBe('0 1 2 3 ');
	});
});
