import { createClient, type Client } from '@libsql/client';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type Database = Client;

/** Opens the database; a file database gets its folder, WAL and foreign keys. */
export async function openDatabase(url: string, authToken?: string): Promise<Database> {
	const isFile = url.startsWith('file:');
	if (isFile) {
		const path = url.slice('file:'.length);
		if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	}
	// `timeout` is the busy timeout of every pooled connection, not only the first one.
	const db = createClient({ url, authToken, timeout: 5000 });
	if (isFile) await db.execute('PRAGMA journal_mode = WAL');
	await db.execute('PRAGMA foreign_keys = ON');
	return db;
}
