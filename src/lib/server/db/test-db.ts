import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from './client';
import { migrate } from './migrate';

/** A fresh, migrated file database in a temp folder, for tests of the data layer and services. */
export async function testDatabase(): Promise<{ db: Database; dir: string; cleanup(): void }> {
	const dir = mkdtempSync(join(tmpdir(), 'doetank-test-'));
	const db = await openDatabase(`file:${join(dir, 'test.db')}`);
	await migrate(db);
	return {
		db,
		dir,
		cleanup() {
			db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
