import { createClient, type Client } from '@libsql/client';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { autocheckpointPragma, embeddedFile } from './checkpointer';
import { ReplicaPuller } from './replica-pull';
/** The shared client; the sync server's write path has its own connection (update-appender.ts). */
export type Database = Client;

/** How long a statement waits for another connection's write lock (e.g. `npm run sync`). */
export const BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
	/** The caller runs a checkpointer (checkpointer.ts), so commits never checkpoint themselves. */
	backgroundCheckpoints?: boolean;
	/**
	 * Embedded replica: the file `url` is a local copy of the libSQL server at `url`, pulled every
	 * `intervalS`, and on demand (catchUpReplica) at most once every `minGapMs`.
	 */
	replicaOf?: { url: string; intervalS: number; minGapMs: number };
}

/** The clients opened as embedded replicas (their reads may lag what other instances wrote), with their pulls. */
const replicas = new WeakMap<Database, ReplicaPuller>();

/**
 * Opens the database; a file database gets its folder, WAL and foreign keys.
 *
 * The embedded driver is synchronous, so more connections would not run anything in parallel;
 * one shared connection means the per-connection PRAGMAs below hold for every statement (the
 * document log's own connection sets the same ones). With WAL,
 * synchronous=NORMAL makes a commit durable against a crash of the process (kill -9) without an
 * fsync per commit; only a power failure can lose the last commits before a checkpoint.
 *
 * A libSQL server refuses `synchronous` and `wal_autocheckpoint` (it runs its own WAL) and has
 * foreign keys on; an embedded replica's file is written by the replication, which keeps its WAL.
 */
export async function openDatabase(url: string, authToken?: string, options: OpenOptions = {}): Promise<Database> {
	const { backgroundCheckpoints = false, replicaOf } = options;
	const file = embeddedFile(url);
	if (file) mkdirSync(dirname(resolve(file)), { recursive: true });
	// `timeout` is the busy timeout (another process holding the write lock, e.g. `npm run sync`).
	const db = createClient({
		url,
		authToken,
		timeout: BUSY_TIMEOUT_MS,
		concurrency: 1,
		...(replicaOf ? { syncUrl: replicaOf.url, syncInterval: replicaOf.intervalS } : {})
	});
	if (replicaOf) replicas.set(db, new ReplicaPuller(() => db.sync(), replicaOf.minGapMs));
	else if (url.startsWith('file:')) {
		await db.execute('PRAGMA journal_mode = WAL');
		await db.execute('PRAGMA synchronous = NORMAL');
		await db.execute(autocheckpointPragma(backgroundCheckpoints));
	}
	await db.execute('PRAGMA foreign_keys = ON');
	return db;
}

/**
 * Before a read that must see what other instances wrote (the document log, a session made on
 * another instance): an embedded replica pulls from the server first (pulls are coalesced, see
 * replica-pull.ts); any other database is current.
 */
export async function catchUpReplica(db: Database): Promise<void> {
	await replicas.get(db)?.catchUp();
}

/** How often an embedded replica has pulled on demand (0 for any other database). */
export const replicaPulls = (db: Database): number => replicas.get(db)?.pulls ?? 0;

/**
 * A read that may miss what another instance just wrote (a session made there, a membership given
 * there): on an embedded replica whose read did not `find` it, read once more after a pull.
 */
export async function readCatchingUp<T>(
	db: Database,
	read: () => Promise<T>,
	found: (result: T) => boolean
): Promise<T> {
	const result = await read();
	if (found(result) || !replicas.has(db)) return result;
	await catchUpReplica(db);
	return read();
}
