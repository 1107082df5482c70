// `npm run bench:libsql`: what one update-log commit costs in each database mode. 1,000 single-row
// commits of the multi-instance statement (the database numbers the update, as with REDIS_URL),
// one after another, each timed: the embedded file through the appender's own prepared connection
// (update-appender.ts), a libSQL server (sqld on loopback) through @libsql/client, and an embedded
// replica of that server through @libsql/client (the write goes to the server). Then a point read
// in the two remote modes and a replica's pull with nothing new. Prints a Markdown table.
import { createClient } from '@libsql/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Libsql from 'libsql';
import { startSqld } from '../scripts/sqld.mjs';

const COMMITS = 1_000;
const SCHEMA = `CREATE TABLE doc_updates (doetank_id TEXT NOT NULL, seq INTEGER NOT NULL, update_data BLOB NOT NULL,
	user_id TEXT, created_at INTEGER NOT NULL, PRIMARY KEY (doetank_id, seq)) WITHOUT ROWID`;
// The shape of INSERT_NEXT_UPDATE_SQL (src/lib/server/db/doc-log.ts) without the snapshot table.
const INSERT = `INSERT INTO doc_updates (doetank_id, seq, update_data, user_id, created_at)
	VALUES (?1, COALESCE((SELECT MAX(seq) FROM doc_updates WHERE doetank_id = ?1), 0) + 1, ?2, ?3, ?4) RETURNING seq`;
const READ = 'SELECT seq, update_data FROM doc_updates WHERE doetank_id = ? ORDER BY seq DESC LIMIT 1';
const blob = Buffer.alloc(120, 7);

/** @param {(i: number) => unknown} step */
async function timed(step) {
	const times = new Float64Array(COMMITS);
	for (let i = 0; i < COMMITS; i++) {
		const started = performance.now();
		await step(i);
		times[i] = performance.now() - started;
	}
	times.sort();
	const at = (/** @type {number} */ q) => times[Math.floor(q * (COMMITS - 1))] ?? NaN;
	return { p50: at(0.5), p99: at(0.99), max: times[COMMITS - 1] ?? NaN };
}

const dir = mkdtempSync(path.join(tmpdir(), 'doetank-libsql-bench-'));
const sqld = await startSqld();
/** @type {[string, Awaited<ReturnType<typeof timed>>][]} */
const rows = [];
try {
	const file = new Libsql(path.join(dir, 'embedded.db'));
	file.exec('PRAGMA journal_mode = WAL');
	file.exec('PRAGMA synchronous = NORMAL');
	file.exec(SCHEMA);
	const insert = file.prepare(INSERT);
	rows.push([
		'commit: embedded file (appender connection)',
		await timed((i) => insert.get(`d${i % 30}`, blob, 'u', i))
	]);
	file.close();

	const remote = createClient({ url: sqld.url, concurrency: 1 });
	await remote.execute(SCHEMA);
	const args = (/** @type {number} */ i) => [`d${i % 30}`, blob, 'u', i];
	rows.push([
		'commit: libSQL server over HTTP',
		await timed((i) => remote.batch([{ sql: INSERT, args: args(i) }], 'write'))
	]);
	rows.push(['read: libSQL server over HTTP', await timed((i) => remote.execute({ sql: READ, args: [`d${i % 30}`] }))]);

	const replica = createClient({ url: `file:${path.join(dir, 'replica.db')}`, syncUrl: sqld.url, concurrency: 1 });
	await replica.sync();
	rows.push([
		'commit: embedded replica (written on the server)',
		await timed((i) => replica.batch([{ sql: INSERT, args: args(COMMITS + i) }], 'write'))
	]);
	rows.push([
		'read: embedded replica (local)',
		await timed((i) => replica.execute({ sql: READ, args: [`d${i % 30}`] }))
	]);
	rows.push(['pull: embedded replica sync(), nothing new', await timed(() => replica.sync())]);
	replica.close();
	remote.close();
} finally {
	await sqld.stop();
	rmSync(dir, { recursive: true, force: true });
}
console.log(`${COMMITS} operations each, one at a time, sqld on loopback:\n`);
console.log('| operation | p50 ms | p99 ms | max ms |');
console.log('|---|---:|---:|---:|');
for (const [name, r] of rows)
	console.log(`| ${name} | ${r.p50.toFixed(3)} | ${r.p99.toFixed(2)} | ${r.max.toFixed(1)} |`);
