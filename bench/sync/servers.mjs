// Launches each server under test as its own child process, so its CPU and memory can be read by pid.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareDoetanks } from './doetank-setup.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * @typedef {{ room: string, cookies: (string | null)[] }} Room  one document and the cookie of each client slot
 * @typedef {{ kind: string, label: string, protocol: 'y-websocket' | 'hocuspocus', pid: number, url: string,
 *   rooms(docs: number, clients: number): Promise<Room[]>, stop(): Promise<void> }} RunningServer
 */

export const SERVER_LABELS = {
	doetank: 'Doetank Werkplaats (auth + SQLite log)',
	'doetank-sync': 'Doetank Werkplaats, sync as its own process (npm run sync)',
	reference: '@y/websocket-server 0.1.1 (in-memory)',
	hocuspocus: '@hocuspocus/server 4.7.0 (in-memory)'
};

/** @returns {Promise<number>} */
function freePort() {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))
			);
		});
	});
}

/**
 * Spawns `node <args>` and resolves once `probeUrl` answers with a 2xx status.
 * @param {string[]} args @param {Record<string, string>} env @param {string} probeUrl
 */
async function spawnReady(args, env, probeUrl) {
	// A minimal environment: settings of the caller's shell must not change what is measured.
	const fullEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env };
	// BENCH_NODE_ARGS gives every server the same extra Node flags, e.g. to profile them.
	const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
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
	SYNC_MAX_SOCKETS_PER_USER: '64'
});

/** Our production web process (which also serves /sync) on a fresh database. */
async function startWeb() {
	const port = await freePort();
	const dir = mkdtempSync(path.join(tmpdir(), 'doetank-bench-'));
	const base = `http://127.0.0.1:${port}`;
	const proc = await spawnReady(['build/main.js'], { ...doetankEnv(dir), PORT: String(port) }, `${base}/healthz`).catch(
		(err) => {
			rmSync(dir, { recursive: true, force: true });
			throw err;
		}
	);
	return { proc, dir, base, port };
}

/** Our production build with authentication and a fresh SQLite database. @returns {Promise<RunningServer>} */
async function startDoetank() {
	const { proc, dir, base, port } = await startWeb();
	return {
		kind: 'doetank',
		label: SERVER_LABELS.doetank,
		protocol: 'y-websocket',
		pid: proc.pid,
		url: `ws://127.0.0.1:${port}/sync`,
		rooms: (docs, clients) => prepareDoetanks(base, docs, clients),
		stop: async () => {
			await proc.stop();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * The same sync server as its own process (`npm run sync`) on the web process's database; the web
 * process only sets up accounts and Doetanks, and the sync process alone is measured.
 * @returns {Promise<RunningServer>}
 */
async function startDoetankSync() {
	const web = await startWeb();
	const syncPort = await freePort();
	const stopWeb = async () => {
		await web.proc.stop();
		rmSync(web.dir, { recursive: true, force: true });
	};
	const sync = await spawnReady(
		['build/sync.js'],
		{ ...doetankEnv(web.dir), SYNC_PORT: String(syncPort) },
		`http://127.0.0.1:${syncPort}/healthz`
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
		rooms: (docs, clients) => prepareDoetanks(web.base, docs, clients),
		stop: async () => {
			await sync.stop();
			await stopWeb();
		}
	};
}

/**
 * An in-memory server without authentication: every room is open, clients send no cookie.
 * @param {'reference' | 'hocuspocus'} kind @param {string} script @param {'y-websocket' | 'hocuspocus'} protocol
 * @returns {Promise<RunningServer>}
 */
async function startInMemory(kind, script, protocol) {
	const port = await freePort();
	const proc = await spawnReady([script], { HOST: '127.0.0.1', PORT: String(port) }, `http://127.0.0.1:${port}/`);
	return {
		kind,
		label: SERVER_LABELS[kind],
		protocol,
		pid: proc.pid,
		url: `ws://127.0.0.1:${port}`,
		rooms: async (docs, clients) =>
			Array.from({ length: docs }, (_, d) => ({ room: `bench-doc-${d}`, cookies: Array(clients).fill(null) })),
		stop: proc.stop
	};
}

/** @type {Record<string, () => Promise<RunningServer>>} */
export const START = {
	doetank: startDoetank,
	'doetank-sync': startDoetankSync,
	// The reference y-websocket server through its own bin.
	reference: () => startInMemory('reference', 'node_modules/@y/websocket-server/src/server.js', 'y-websocket'),
	// Hocuspocus without extensions: no persistence, no authentication.
	hocuspocus: () => startInMemory('hocuspocus', 'bench/sync/hocuspocus-server.mjs', 'hocuspocus')
};
