import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from './client';
import { migrate } from './migrate';
import { openUpdateAppender, type UpdateAppender } from './update-appender';

/**
 * A fresh, migrated file database in a temp folder, for tests of the data layer and services;
 * with `doetank`, it already holds a Doetank with that id (for tests of its documents).
 */
export async function testDatabase(
	options: { doetank?: string } = {}
): Promise<{ db: Database; appender: UpdateAppender; dir: string; cleanup(): void }> {
	const dir = mkdtempSync(join(tmpdir(), 'doetank-test-'));
	const url = `file:${join(dir, 'test.db')}`;
	const db = await openDatabase(url);
	const appender = openUpdateAppender(db, url);
	await migrate(db);
	if (options.doetank) {
		await db.execute({
			sql: "INSERT INTO doetanks (id, name, onderwerp, beoogd_doel, created_at) VALUES (?, 'Test', 'onderwerp', 'doel', 0)",
			args: [options.doetank]
		});
	}
	return {
		db,
		appender,
		dir,
		cleanup() {
			appender.close();
			db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
