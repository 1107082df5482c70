import { afterEach, describe, expect, it } from 'vitest';
import { testDatabase } from './test-db';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('openDatabase', () => {
	it('keeps WAL, synchronous=NORMAL and foreign keys for every statement, also when many run at once', async () => {
		const t = await testDatabase();
		cleanup = t.cleanup;
		const pragmas = await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				i % 2 === 0
					? t.db
							.batch(['PRAGMA foreign_keys', 'PRAGMA synchronous'], 'write')
							.then((r) => r.map((x) => Number(Object.values(x.rows[0]!)[0])))
					: Promise.all([t.db.execute('PRAGMA foreign_keys'), t.db.execute('PRAGMA synchronous')]).then((r) =>
							r.map((x) => Number(Object.values(x.rows[0]!)[0]))
						)
			)
		);
		// foreign_keys on (1), synchronous NORMAL (1), from every call.
		expect(pragmas.every(([fk, sync]) => fk === 1 && sync === 1)).toBe(true);
		const journal = await t.db.execute('PRAGMA journal_mode');
		expect(String(Object.values(journal.rows[0]!)[0])).toBe('wal');
	});

	it('enforces foreign keys inside a batch started while others are running', async () => {
		const t = await testDatabase();
		cleanup = t.cleanup;
		const results = await Promise.allSettled(
			Array.from({ length: 10 }, () =>
				t.db.batch(
					[
						{
							// memberships keeps its foreign keys (the doc_* tables lost theirs in 0017 for the network room).
							sql: "INSERT INTO memberships (doetank_id, user_id, joined_at) VALUES ('nope', 'nobody', 0)",
							args: []
						}
					],
					'write'
				)
			)
		);
		expect(results.every((r) => r.status === 'rejected' && /FOREIGN KEY/i.test(String(r.reason)))).toBe(true);
	});
});
