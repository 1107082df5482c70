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
	const db = createClient({ url, authToken });
	if (isFile) {
		await db.execute('PRAGMA journal_mode = WAL');
		await db.execute('PRAGMA busy_timeout = 5000');
	}
	await db.execute('PRAGMA foreign_keys = ON');
	return db;
}
