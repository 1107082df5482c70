// Launches each server under test as its own child process, so its CPU and memory can be read by pid.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../scripts/free-port.mjs';
import { prepareDoetanks } from './doetank-setup.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * @typedef {{ room: string, cookies: (string | null)[] }} Room  one document and the cookie of each client slot
 * @typedef {{ kind: string, label: string, protocol: 'y-websocket' | 'hocuspocus', pid: number, url: string,
 *   dataDir: string | null, base: string | null,
 *   rooms(docs: number, clients: number): Promise<Room[]>, stop(): Promise<void> }} RunningServer
 */

export const SERVER_LABELS = {
	doetank: 'Doetank Werkplaats (auth + SQLite log)',
	'doetank-sync': 'Doetank Werkplaats, sync as its own process (npm run sync)',
	reference: '@y/websocket-server 0.1.1 (in-memory)',
	'reference-durable': '@y/websocket-server 0.1.1 + y-leveldb (YPERSISTENCE)',
	hocuspocus: '@hocuspocus/server 4.7.0 (in-memory)',
	'hocuspocus-sqlite': '@hocuspocus/server 4.7.0 + @hocuspocus/extension-sqlite'
};

/** Servers that keep the document; the peers of goal 1. */
export const DURABLE_PEERS = ['reference-durable', 'hocuspocus-sqlite'];

/**
 * What a scenario adds to every server it starts: environment variables and Node flags (e.g. the
 * stall probe of the mass-reconnect scenario), and, to restart a server on what an earlier process
 * of the same kind stored, that process's data folder (`keep` leaves the folder for it).
 * @typedef {{ env?: Record<string, string>, nodeArgs?: string[], dataDir?: string, keep?: boolean }} StartExtra
 */

/**
 * Spawns `node <args>` and resolves once `probeUrl` answers with a 2xx status.
 * @param {string[]} args @param {Record<string, string>} env @param {string} probeUrl @param {StartExtra} extra
 */
async function spawnReady(args, env, probeUrl, extra) {
	// A minimal environment: settings of the caller's shell must not change what is measured.
	const fullEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, ...extra.env };
	// BENCH_NODE_ARGS gives every server the same extra Node flags, e.g. to profile them.
	const nodeArgs = [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), ...(extra.nodeArgs ?? [])];
	const child = spawn(process.execPath, [...nodeArgs, ...args], {
		cwd: ROOT,
		env: fullEnv,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const keep = (/** @type {Buffer} */ chunk) => (output = (output + chunk.toString()).slice(-10_000));
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	// --perf-basic-prof (see --profile) leaves the symbol map of the process's JIT code behind.
	void exited.then(() => rmSync(`/tmp/perf-${child.pid}.map`, { force: true }));
	const kill = () => child.kill('SIGKILL');
	process.once('exit', kill);
	const stop = async () => {
		process.removeListener('exit', kill);
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		const forced = setTimeout(kill, 5_000);
		await exited;
		clearTimeout(forced);
	};
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with code ${child.exitCode}:\n${output}`);
		const ok = await fetch(probeUrl, { signal: AbortSignal.timeout(1_000) }).then(
			(r) => r.ok,
			() => false
		);
		if (ok) break;
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`${args.join(' ')} did not answer ${probeUrl} within 30 s:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return { pid: /** @type {number} */ (child.pid), stop, output: () => output };
}

/** Settings both of our processes share: a fresh database, no demo network, open registration. @param {string} dir */
const doetankEnv = (dir) => ({
	NODE_ENV: 'production',
	HOST: '127.0.0.1',
	DATABASE_URL: `file:${path.join(dir, 'db.db')}`,
	DEMO: '0',
	REGISTRATION: 'open',
	LOG_LEVEL: 'warn',
	// Each benchmark account holds one socket per document (30 in 30x10x2), past the default of 16.
	SYNC_MAX_SOCKETS_PER_USER: '64',
	// ... and edits in every document at once (the capacity steps, the cold-load writer), so its update
	// budget is that of many people; the budget's bookkeeping costs the same whatever the numbers.
	SYNC_USER_UPDATES_PER_SECOND: '100000',
	SYNC_USER_BYTES_PER_SECOND: String(64 * 1024 * 1024)
});

/**
 * A data folder for one server process: the given one (a restart on what an earlier process stored),
 * or a fresh one. `release` removes it unless the scenario keeps it.
 * @param {StartExtra} extra
 */
function dataFolder(extra) {
	const dir = extra.dataDir ?? mkdtempSync(path.join(tmpdir(), 'doetank-bench-'));
	return { dir, release: () => (extra.keep ? undefined : rmSync(dir, { recursive: true, force: true })) };
}

/** Our production web process (which also serves /sync) on a fresh database. @param {StartExtra} extra */
async function startWeb(extra) {
	const port = await freePort();
	const data = dataFolder(extra);
	const base = `http://127.0.0.1:${port}`;
	const proc = await spawnReady(
		['build/main.js'],
		{ ...doetankEnv(data.dir), PORT: String(port) },
		`${base}/healthz`,
		extra
	).catch((err) => {
		data.release();
		throw err;
	});
	return { proc, data, base, port };
}

/** Our production build with authentication and a fresh SQLite database. @param {StartExtra} extra @returns {Promise<RunningServer>} */
async function startDoetank(extra) {
	const { proc, data, base, port } = await startWeb(extra);
	return {
		kind: 'doetank',
		label: SERVER_LABELS.doetank,
		protocol: 'y-websocket',
		pid: proc.pid,
		url: `ws://127.0.0.1:${port}/sync`,
		dataDir: data.dir,
		base,
		rooms: (docs, clients) => prepareDoetanks(base, docs, clients),
		stop: async () => {
			await proc.stop();
			data.release();
		}
	};
}

/**
 * The same sync server as its own process (`npm run sync`) on the web process's database; the web
 * process only sets up accounts and Doetanks, and the sync process alone is measured.
 * @param {StartExtra} extra @returns {Promise<RunningServer>}
 */
async function startDoetankSync(extra) {
	// Only the sync process gets the scenario's probes and flags.
	const web = await startWeb({ dataDir: extra.dataDir, keep: extra.keep });
	const syncPort = await freePort();
	const stopWeb = async () => {
		await web.proc.stop();
		web.data.release();
	};
	const sync = await spawnReady(
		['build/sync.js'],
		{ ...doetankEnv(web.data.dir), SYNC_PORT: String(syncPort) },
		`http://127.0.0.1:${syncPort}/healthz`,
		extra
	).catch(async (err) => {
		await stopWeb();
		throw err;
	});
	return {
		kind: 'doetank-sync',
		label: SERVER_LABELS['doetank-sync'],
		protocol: 'y-websocket',
		pid: sync.pid,
		url: `ws://127.0.0.1:${syncPort}/sync`,
		dataDir: web.data.dir,
		base: `http://127.0.0.1:${syncPort}`,
		rooms: (docs, clients) => prepareDoetanks(web.base, docs, clients),
		stop: async () => {
			await sync.stop();
			await stopWeb();
		}
	};
}

/**
 * A peer without authentication: every room is open, clients send no cookie. `storage` gives the
 * environment that points a durable peer at its data folder; without it the peer keeps nothing.
 * @param {keyof typeof SERVER_LABELS} kind @param {string} script @param {'y-websocket' | 'hocuspocus'} protocol
 * @param {StartExtra} extra @param {((dir: string) => Record<string, string>) | null} storage
 * @returns {Promise<RunningServer>}
 */
async function startPeer(kind, script, protocol, extra, storage) {
	const port = await freePort();
	const data = storage ? dataFolder(extra) : null;
	const env = { HOST: '127.0.0.1', PORT: String(port), ...(data && storage ? storage(data.dir) : {}) };
	const proc = await spawnReady([script], env, `http://127.0.0.1:${port}/`, extra).catch((err) => {
		data?.release();
		throw err;
	});
	return {
		kind,
		label: SERVER_LABELS[kind],
		protocol,
		pid: proc.pid,
		url: `ws://127.0.0.1:${port}`,
		dataDir: data?.dir ?? null,
		base: null,
		rooms: async (docs, clients) =>
			Array.from({ length: docs }, (_, d) => ({ room: `bench-doc-${d}`, cookies: Array(clients).fill(null) })),
		stop: async () => {
			await proc.stop();
			data?.release();
		}
	};
}

const REFERENCE = 'node_modules/@y/websocket-server/src/server.js';
const HOCUSPOCUS = 'bench/sync/hocuspocus-server.mjs';

/** @type {Record<string, (extra?: StartExtra) => Promise<RunningServer>>} */
export const START = {
	doetank: (extra = {}) => startDoetank(extra),
	'doetank-sync': (extra = {}) => startDoetankSync(extra),
	// The reference y-websocket server through its own bin, in memory ...
	reference: (extra = {}) => startPeer('reference', REFERENCE, 'y-websocket', extra, null),
	// ... and with its own persistence: y-leveldb in the folder YPERSISTENCE names.
	'reference-durable': (extra = {}) =>
		startPeer('reference-durable', REFERENCE, 'y-websocket', extra, (dir) => ({
			YPERSISTENCE: path.join(dir, 'leveldb')
		})),
	// Hocuspocus without extensions: no persistence, no authentication ...
	hocuspocus: (extra = {}) => startPeer('hocuspocus', HOCUSPOCUS, 'hocuspocus', extra, null),
	// ... and with @hocuspocus/extension-sqlite on a file, its defaults otherwise.
	'hocuspocus-sqlite': (extra = {}) =>
		startPeer('hocuspocus-sqlite', HOCUSPOCUS, 'hocuspocus', extra, (dir) => ({
			HOCUSPOCUS_SQLITE: path.join(dir, 'hocuspocus.sqlite')
		}))
};
