import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client';

/** The project's migrations folder, found upwards from this module (dev, build and tests alike). */
export function findMigrationsDir(from = dirname(fileURLToPath(import.meta.url))): string {
	let dir = from;
	for (;;) {
		const candidate = join(dir, 'migrations');
		if (existsSync(candidate) && existsSync(join(dir, 'package.json'))) return candidate;
		const parent = dirname(dir);
		if (parent === dir) throw new Error(`No migrations folder found above ${from}`);
		dir = parent;
	}
}

/**
 * Applies every not yet applied `NNNN_name.sql`, in order, each in its own transaction. Instances
 * that start at once on one database each check again inside the write transaction, which the
 * database runs one at a time, so a migration applied meanwhile by another is skipped.
 */
export async function migrate(db: Database, dir = findMigrationsDir()): Promise<string[]> {
	await db.execute('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
	const done = new Set((await db.execute('SELECT name FROM schema_migrations')).rows.map((r) => String(r.name)));
	const files = readdirSync(dir)
		.filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
		.sort();
	const applied: string[] = [];
	for (const file of files) {
		if (done.has(file)) continue;
		const sql = readFileSync(join(dir, file), 'utf8');
		const tx = await db.transaction('write');
		try {
			const recorded = await tx.execute({ sql: 'SELECT 1 FROM schema_migrations WHERE name = ?', args: [file] });
			if (recorded.rows.length > 0) {
				await tx.rollback();
				continue;
			}
			await tx.executeMultiple(sql);
			await tx.execute({
				sql: 'INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)',
				args: [file, Date.now()]
			});
			await tx.commit();
		} catch (error) {
			await tx.rollback();
			throw new Error(`Migration ${file} failed: ${(error as Error).message}`, { cause: error });
		}
		applied.push(file);
	}
	return applied;
}
