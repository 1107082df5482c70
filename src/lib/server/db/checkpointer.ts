import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** What one checkpoint did, as SQLite reports it (`PRAGMA wal_checkpoint`). */
export interface CheckpointResult {
	/** 1 when another connection held a lock the checkpoint needed (it does what it can and returns). */
	busy: number;
	/** Frames in the WAL. */
	log: number;
	/** Frames of them now copied into the database file. */
	checkpointed: number;
	ms: number;
}

export interface Checkpointer {
	/** Runs a last checkpoint and ends the thread. */
	stop(): Promise<void>;
}

export interface CheckpointerOptions {
	intervalMs: number;
	onCheckpoint?(result: CheckpointResult): void;
	onError?(error: string): void;
}

/** Pages in the WAL past which a commit runs SQLite's checkpoint itself when no checkpointer does. */
const AUTOCHECKPOINT_PAGES = 1000;

/**
 * The PRAGMA every connection of a process that runs a checkpointer sets: SQLite then never
 * checkpoints inside a commit. That checkpoint copies the WAL into the database file and fsyncs
 * it, on whichever thread committed, which is the event loop: 5–13 ms every thousand pages,
 * measured on this machine (`bench/wal-checkpoint.mjs`).
 */
export const autocheckpointPragma = (background: boolean) =>
	`PRAGMA wal_autocheckpoint = ${background ? 0 : AUTOCHECKPOINT_PAGES}`;

// Plain CommonJS, run by the worker: its own connection, a PASSIVE checkpoint every interval (it
// never waits for a lock, so writers in the main thread never wait for it either).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: 0 });
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const run = () => {
	const started = performance.now();
	try {
		const row = checkpoint.get();
		parentPort.postMessage({ busy: row.busy, log: row.log, checkpointed: row.checkpointed, ms: performance.now() - started });
	} catch (error) {
		parentPort.postMessage({ error: String(error) });
	}
};
const timer = setInterval(run, workerData.intervalMs);
parentPort.on('message', () => {
	clearInterval(timer);
	run();
	db.close();
	parentPort.close();
});
`;

/**
 * Checkpoints an embedded database's WAL from a worker thread, so the copy and its fsync never
 * hold the event loop. The process's own connections must use `autocheckpointPragma(true)`.
 */
export function startCheckpointer(path: string, options: CheckpointerOptions): Checkpointer {
	const driver = createRequire(import.meta.url).resolve('libsql');
	const worker = new Worker(WORKER_SOURCE, {
		eval: true,
		workerData: { driver, path, intervalMs: options.intervalMs }
	});
	worker.on('message', (message: CheckpointResult | { error: string }) => {
		if ('error' in message) options.onError?.(message.error);
		else options.onCheckpoint?.(message);
	});
	worker.on('error', (error) => options.onError?.(String(error)));
	// The thread must not keep a process alive that has nothing else to do.
	worker.unref();
	const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
	let stopping: Promise<void> | null = null;
	return {
		stop() {
			stopping ??= (async () => {
				worker.postMessage('stop');
				await exited;
			})();
			return stopping;
		}
	};
}

/** The file of an embedded database URL, or null for memory and a libSQL server. */
export function embeddedFile(url: string): string | null {
	if (!url.startsWith('file:')) return null;
	const path = url.slice('file:'.length);
	return path === '' || path === ':memory:' ? null : path;
}
