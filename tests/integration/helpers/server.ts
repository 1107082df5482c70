import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ENTRY = path.join(ROOT, 'build', 'main.js');

export interface ServerOptions {
	/** Seed the demo network (DEMO=1); off by default. */
	demo?: boolean;
	registration?: 'open' | 'invite';
	readyTimeoutMs?: number;
}

export interface TestServer {
	baseUrl: string;
	/** Stops the process and removes its temporary database folder. */
	stop(): Promise<void>;
}

/** Asks the OS for a free port by binding to port 0. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.unref();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			if (address === null || typeof address === 'string') {
				probe.close();
				reject(new Error('could not determine a free port'));
				return;
			}
			probe.close(() => resolve(address.port));
		});
	});
}

/** Environment variables of the adapter and app that must not leak in from the caller's shell. */
const SCRUBBED = ['ORIGIN', 'DATABASE_AUTH_TOKEN', 'PROTOCOL_HEADER', 'HOST_HEADER', 'PORT_HEADER', 'ADDRESS_HEADER', 'XFF_DEPTH', 'BODY_SIZE_LIMIT'];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Starts the production build (`node build/main.js`) on a free port with a fresh SQLite
 * database in a temporary folder and waits until /healthz answers.
 */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
	if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run "npm run build" first`);
	const port = await freePort();
	const dir = await mkdtemp(path.join(tmpdir(), 'doetank-it-'));
	const baseUrl = `http://127.0.0.1:${port}`;

	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const key of SCRUBBED) delete env[key];
	Object.assign(env, {
		NODE_ENV: 'production',
		PORT: String(port),
		HOST: '127.0.0.1',
		DATABASE_URL: `file:${path.join(dir, 'db.sqlite')}`,
		DEMO: options.demo ? '1' : '0',
		REGISTRATION: options.registration ?? 'open',
		LOG_LEVEL: 'silent'
	});

	const child = spawn(process.execPath, [ENTRY], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const collect = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-20_000);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	const state: { exited: { code: number | null; signal: NodeJS.Signals | null } | null } = { exited: null };
	const exitPromise = new Promise<void>((resolve) => {
		child.once('exit', (code, signal) => {
			state.exited = { code, signal };
			resolve();
		});
	});
	// Never leave a server behind when the test process itself goes away.
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);

	const cleanup = async () => {
		process.removeListener('exit', killOnExit);
		if (state.exited === null) {
			child.kill('SIGTERM');
			const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
			await exitPromise;
			clearTimeout(forced);
		}
		await rm(dir, { recursive: true, force: true });
	};

	const deadline = Date.now() + (options.readyTimeoutMs ?? 20_000);
	for (;;) {
		if (state.exited !== null) {
			const { code, signal } = state.exited;
			await cleanup();
			throw new Error(`server exited before it was ready (code ${code}, signal ${signal}):\n${output}`);
		}
		try {
			const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1_000) });
			const body: unknown = await res.json();
			if (res.ok && typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'ok') break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await cleanup();
			throw new Error(`server did not answer /healthz within the timeout; its output:\n${output}`);
		}
		await sleep(100);
	}

	return { baseUrl, stop: cleanup };
}
