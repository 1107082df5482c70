import { createClient, type Client } from '@libsql/client';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { autocheckpointPragma, embeddedFile } from './checkpointer';
/** The shared client; the sync server's write path has its own connection (update-appender.ts). */
export type Database = Client;

/** How long a statement waits for another connection's write lock (e.g. `npm run sync`). */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the database; a file database gets its folder, WAL and foreign keys. `backgroundCheckpoints`:
 * the caller runs a checkpointer (checkpointer.ts), so commits never checkpoint themselves.
 *
 * The embedded driver is synchronous, so more connections would not run anything in parallel;
 * one shared connection means the per-connection PRAGMAs below hold for every statement (the
 * document log's own connection sets the same ones). With WAL,
 * synchronous=NORMAL makes a commit durable against a crash of the process (kill -9) without an
 * fsync per commit; only a power failure can lose the last commits before a checkpoint.
 */
export async function openDatabase(url: string, authToken?: string, backgroundCheckpoints = false): Promise<Database> {
	const isFile = url.startsWith('file:');
	const file = embeddedFile(url);
	if (file) mkdirSync(dirname(resolve(file)), { recursive: true });
	// `timeout` is the busy timeout (another process holding the write lock, e.g. `npm run sync`).
	const db = createClient({ url, authToken, timeout: BUSY_TIMEOUT_MS, concurrency: 1 });
	if (isFile) {
		await db.execute('PRAGMA journal_mode = WAL');
		await db.execute('PRAGMA synchronous = NORMAL');
		await db.execute(autocheckpointPragma(backgroundCheckpoints));
	}
	await db.execute('PRAGMA foreign_keys = ON');
	return db;
}
