// `npm run bench:commit-cache`: why one update-log commit costs several times more in the running
// sync server than in a loop. The same single-row commit (the appender's statement on an embedded
// file, WAL, synchronous = NORMAL, checkpoints by a second connection as the checkpoint thread does)
// runs back to back, and with other memory written between commits, as the event loop does between two
// edits (V8 allocating in its young generation, sockets, Yjs documents). Sizes take turns within each round. Prints a Markdown table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Libsql from 'libsql';

const COMMITS = 600;
const ROUNDS = 3;
const SIZES_MIB = [0, 2, 8, 32];
const CHECKPOINT_EVERY = 200;

const dir = mkdtempSync(path.join(tmpdir(), 'doetank-commit-cache-'));
const file = path.join(dir, 'log.db');
const db = new Libsql(file);
db.exec('PRAGMA journal_mode = WAL');
db.exec('PRAGMA synchronous = NORMAL');
db.exec('PRAGMA wal_autocheckpoint = 0');
db.exec(`CREATE TABLE doc_updates (doetank_id TEXT NOT NULL, seq INTEGER NOT NULL, update_data BLOB NOT NULL,
	user_id TEXT, created_at INTEGER NOT NULL, PRIMARY KEY (doetank_id, seq)) WITHOUT ROWID`);
const insert = db.prepare(
	'INSERT INTO doc_updates (doetank_id, seq, update_data, user_id, created_at) VALUES (?, ?, ?, ?, ?)'
);
const checkpointer = new Libsql(file);
const checkpoint = checkpointer.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const blob = Buffer.alloc(60, 7);
let seq = 0;

/** Writes one byte per cache line of `memory`, as allocation does; the sum keeps the loop from being optimised away. */
function touch(/** @type {Uint8Array} */ memory) {
	let sum = 0;
	for (let i = 0; i < memory.length; i += 64) sum += ++memory[i];
	return sum;
}

/** Median and mean µs per commit over COMMITS commits, `memory` written before each. @param {Uint8Array} memory */
function commits(memory) {
	const times = new Float64Array(COMMITS);
	let sink = 0;
	for (let i = 0; i < COMMITS; i++) {
		sink += touch(memory);
		const started = performance.now();
		insert.run(`d${i % 30}`, ++seq, blob, 'u', i);
		times[i] = (performance.now() - started) * 1000;
		if (i % CHECKPOINT_EVERY === 0) checkpoint.get();
	}
	const mean = times.reduce((a, b) => a + b, 0) / COMMITS;
	times.sort();
	return { median: times[COMMITS >> 1] ?? NaN, mean, sink };
}

/** @type {Map<number, { median: number, mean: number }[]>} */
const results = new Map(SIZES_MIB.map((size) => [size, []]));
try {
	const memories = new Map(SIZES_MIB.map((size) => [size, new Uint8Array(size * 1024 * 1024).fill(1)]));
	for (let round = 0; round < ROUNDS; round++) {
		const order = SIZES_MIB.map((_, i) => SIZES_MIB[(i + round) % SIZES_MIB.length] ?? 0);
		for (const size of order) results.get(size)?.push(commits(memories.get(size) ?? new Uint8Array()));
	}
} finally {
	db.close();
	checkpointer.close();
	rmSync(dir, { recursive: true, force: true });
}
const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
const base = median((results.get(0) ?? []).map((r) => r.mean));
console.log(
	`${COMMITS} single-row commits per run, ${ROUNDS} rounds taking turns; µs per commit (median of the rounds):\n`
);
console.log('| memory written between commits | mean, round by round | mean | median commit | mean × back to back |');
console.log('|---|---|---:|---:|---:|');
for (const [size, runs] of results) {
	const label = size === 0 ? 'none (back to back)' : `${size} MiB`;
	const means = runs.map((r) => r.mean);
	const m = median(means);
	const row = [
		label,
		means.map((x) => x.toFixed(1)).join(', '),
		m.toFixed(1),
		median(runs.map((r) => r.median)).toFixed(1)
	];
	console.log(`| ${row.join(' | ')} | ${(m / base).toFixed(1)} |`);
}
