import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../scripts/free-port.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ENTRY = path.join(ROOT, 'build', 'main.js');
const SYNC_ENTRY = path.join(ROOT, 'build', 'sync.js');

export interface ServerOptions {
	/** Seed the demo network (DEMO=1); off by default. */
	demo?: boolean;
	registration?: 'open' | 'invite';
	readyTimeoutMs?: number;
	/** Extra environment variables, e.g. the SYNC_* bounds. */
	env?: Record<string, string>;
	/** Keep the database folder in /dev/shm (RAM, when there is one): no disk flushes for tests that write a lot. */
	ramDisk?: boolean;
	/** Share another server's database file (several instances, WAL); that server's stop() removes it. */
	databaseUrl?: string;
	/** `sync`: the standalone sync server (`build/sync.js`, `npm run sync`) on the port instead of the web app. */
	entry?: 'main' | 'sync';
}

export interface TestServer {
	baseUrl: string;
	/** The server's database (`file:` URL), for tests that look at what it stored. */
	databaseUrl: string;
	/** Process id of the running server process. */
	readonly pid: number;
	/** Whether the server process is still running. */
	readonly running: boolean;
	/** The last 20,000 characters the process wrote (a crash's stack trace, for instance). */
	readonly output: string;
	/** Sends a signal to the server process and waits until it has exited. */
	kill(signal: NodeJS.Signals): Promise<void>;
	/** Starts a new process on the same port and database after the previous one exited. */
	restart(): Promise<void>;
	/** Stops the process and removes its temporary database folder. */
	stop(): Promise<void>;
}

/** Environment variables of the adapter and app that must not leak in from the caller's shell. */
const SCRUBBED = [
	'ORIGIN',
	'DATABASE_AUTH_TOKEN',
	'PROTOCOL_HEADER',
	'HOST_HEADER',
	'PORT_HEADER',
	'ADDRESS_HEADER',
	'XFF_DEPTH',
	'BODY_SIZE_LIMIT'
];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface ServerProcess {
	pid: number;
	exited: boolean;
	output: string;
	/** Resolves when the process has exited. */
	exit: Promise<void>;
	kill(signal: NodeJS.Signals): void;
}

/** Spawns `node build/main.js` and waits until /healthz answers. */
async function launch(
	env: NodeJS.ProcessEnv,
	baseUrl: string,
	readyTimeoutMs: number,
	entry = ENTRY
): Promise<ServerProcess> {
	const child = spawn(process.execPath, [entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const collect = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-20_000);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	const state: { exited: { code: number | null; signal: NodeJS.Signals | null } | null } = { exited: null };
	// Never leave a server behind when the test process itself goes away.
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);
	const exit = new Promise<void>((resolve) => {
		child.once('exit', (code, signal) => {
			state.exited = { code, signal };
			process.removeListener('exit', killOnExit);
			resolve();
		});
	});
	const handle: ServerProcess = {
		pid: child.pid ?? -1,
		get exited() {
			return state.exited !== null;
		},
		get output() {
			return output;
		},
		exit,
		kill: (signal) => child.kill(signal)
	};

	const deadline = Date.now() + readyTimeoutMs;
	for (;;) {
		if (state.exited !== null) {
			const { code, signal } = state.exited;
			throw new Error(`server exited before it was ready (code ${code}, signal ${signal}):\n${output}`);
		}
		try {
			const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1_000) });
			const body: unknown = await res.json();
			// `degraded` (multi-instance, Redis away) serves too.
			const status = typeof body === 'object' && body !== null ? (body as { status?: unknown }).status : null;
			if (res.ok && (status === 'ok' || status === 'degraded')) return handle;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			await exit;
			throw new Error(`server did not answer /healthz within the timeout; its output:\n${output}`);
		}
		await sleep(100);
	}
}

/**
 * Starts the production build (`node build/main.js`) on a free port with a fresh SQLite
 * database in a temporary folder and waits until /healthz answers.
 */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
	if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run "npm run build" first`);
	const port = await freePort();
	const root = options.ramDisk && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
	const shared = options.databaseUrl;
	const dir = shared ? null : await mkdtemp(path.join(root, 'doetank-it-'));
	const baseUrl = `http://127.0.0.1:${port}`;

	const databaseUrl = shared ?? `file:${path.join(dir!, 'db.sqlite')}`;
	const entry = options.entry === 'sync' ? SYNC_ENTRY : ENTRY;
	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const key of SCRUBBED) delete env[key];
	Object.assign(env, {
		NODE_ENV: 'production',
		PORT: String(port),
		HOST: '127.0.0.1',
		DATABASE_URL: databaseUrl,
		DEMO: options.demo ? '1' : '0',
		REGISTRATION: options.registration ?? 'open',
		LOG_LEVEL: 'silent',
		...(options.entry === 'sync' ? { SYNC_PORT: String(port) } : {}),
		...options.env
	});
	const readyTimeoutMs = options.readyTimeoutMs ?? 20_000;

	const kill = async (signal: NodeJS.Signals) => {
		if (current.exited) return;
		current.kill(signal);
		await current.exit;
	};
	let current: ServerProcess;
	try {
		current = await launch(env, baseUrl, readyTimeoutMs, entry);
	} catch (err) {
		if (dir) await rm(dir, { recursive: true, force: true });
		throw err;
	}

	return {
		baseUrl,
		databaseUrl: env.DATABASE_URL ?? databaseUrl,
		get pid() {
			return current.pid;
		},
		get running() {
			return !current.exited;
		},
		get output() {
			return current.output;
		},
		kill,
		async restart() {
			if (!current.exited) throw new Error('restart() needs the previous server process to have exited');
			current = await launch(env, baseUrl, readyTimeoutMs, entry);
		},
		async stop() {
			const forced = setTimeout(() => current.kill('SIGKILL'), 5_000);
			await kill('SIGTERM');
			clearTimeout(forced);
			if (dir) await rm(dir, { recursive: true, force: true });
		}
	};
}
