// `npm run bench:wal`: what SQLite's automatic WAL checkpoint costs the thread that
// commits. 30,000 single-row commits of the update log's shape on a fresh file, each timed, with
// SQLite's default (a checkpoint inside the commit that passes 1,000 WAL pages) and with it off
// (what the server does: src/lib/server/db/checkpointer.ts moves it to a worker thread). The two
// modes take turns, 3 rounds; prints a Markdown table (the figures in BENCHMARKS.md come from it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Libsql from 'libsql';

const COMMITS = 30_000;
const ROUNDS = 3;

/** @param {'sqlite' | 'off'} mode */
function round(mode) {
	const dir = mkdtempSync(path.join(tmpdir(), 'doetank-wal-'));
	try {
		const db = new Libsql(path.join(dir, 'bench.db'));
		db.exec('PRAGMA journal_mode = WAL');
		db.exec('PRAGMA synchronous = NORMAL');
		if (mode === 'off') db.exec('PRAGMA wal_autocheckpoint = 0');
		db.exec('CREATE TABLE doc_updates (doetank_id TEXT, seq INTEGER, update_data BLOB, PRIMARY KEY (doetank_id, seq))');
		const insert = db.prepare('INSERT INTO doc_updates VALUES (?, ?, ?)');
		const blob = Buffer.alloc(120, 7);
		const times = new Float64Array(COMMITS);
		for (let i = 0; i < COMMITS; i++) {
			const started = performance.now();
			insert.run(`d${i % 30}`, i, blob);
			times[i] = performance.now() - started;
		}
		db.close();
		times.sort();
		const at = (/** @type {number} */ q) => times[Math.floor(q * (COMMITS - 1))] ?? NaN;
		return { p50: at(0.5), p999: at(0.999), max: times[COMMITS - 1] ?? NaN, over5: times.filter((t) => t > 5).length };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** @type {Record<string, ReturnType<typeof round>[]>} */
const results = { sqlite: [], off: [] };
for (let r = 0; r < ROUNDS; r++) {
	for (const mode of /** @type {const} */ (r % 2 ? ['off', 'sqlite'] : ['sqlite', 'off']))
		results[mode].push(round(mode));
}
const median = (/** @type {number[]} */ v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
const cell = (
	/** @type {ReturnType<typeof round>[]} */ rs,
	/** @type {'p50' | 'p999' | 'max' | 'over5'} */ k,
	digits = 2
) => `${median(rs.map((x) => x[k])).toFixed(digits)} (${rs.map((x) => x[k].toFixed(digits)).join(', ')})`;
console.log(`${COMMITS} commits per round, median of ${ROUNDS} rounds (each round in brackets):\n`);
console.log('| checkpoint | p50 ms | p99.9 ms | max ms | commits over 5 ms |');
console.log('|---|---:|---:|---:|---:|');
console.log(
	`| SQLite's own, in the commit | ${cell(results.sqlite, 'p50', 3)} | ${cell(results.sqlite, 'p999')} | ${cell(results.sqlite, 'max', 1)} | ${cell(results.sqlite, 'over5', 0)} |`
);
console.log(
	`| off (the server: in a worker thread) | ${cell(results.off, 'p50', 3)} | ${cell(results.off, 'p999')} | ${cell(results.off, 'max', 1)} | ${cell(results.off, 'over5', 0)} |`
);
