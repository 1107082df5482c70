import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { freePort } from '../../../scripts/free-port.mjs';
import { startServer, type ServerOptions, type TestServer } from './server';
import { createRoom, sleep, type SyncRoom } from './sync-client';

export interface TestRedis {
	url: string;
	/** Stops redis-server (SIGKILL: Redis vanishes as in a crash). */
	stop(): Promise<void>;
	/** Starts it again on the same port. */
	start(): Promise<void>;
}

/** Answers PING on the port: Redis is ready. */
function pong(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = createConnection({ port, host: '127.0.0.1' }, () => socket.write('PING\r\n'));
		socket.once('data', (data) => {
			socket.destroy();
			resolve(data.toString().startsWith('+PONG'));
		});
		socket.once('error', () => resolve(false));
	});
}

/** The machine's redis-server on a free loopback port, without persistence: never the shared 6379. */
export async function startRedis(): Promise<TestRedis> {
	const port = await freePort();
	let child: ChildProcess | null = null;
	const killOnExit = () => child?.kill('SIGKILL');
	process.once('exit', killOnExit);
	const start = async () => {
		child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
			stdio: 'ignore'
		});
		const deadline = Date.now() + 5_000;
		while (!(await pong(port))) {
			if (Date.now() > deadline) throw new Error('redis-server did not start');
			await sleep(20);
		}
	};
	await start();
	return {
		url: `redis://127.0.0.1:${port}`,
		start,
		async stop() {
			const running = child;
			if (!running || running.exitCode !== null) return;
			const exited = new Promise((resolve) => running.once('exit', resolve));
			running.kill('SIGKILL');
			await exited;
		}
	};
}

/** `count` instances of the web app on one database file (WAL), all on `redis`. */
async function startInstances(count: number, redis: TestRedis, options: ServerOptions = {}): Promise<TestServer[]> {
	const env = { REDIS_URL: redis.url, SYNC_HEARTBEAT_MS: '2000', ...options.env };
	const first = await startServer({ ramDisk: true, ...options, env });
	const rest = await Promise.all(
		Array.from({ length: count - 1 }, () =>
			startServer({ ramDisk: true, ...options, env, databaseUrl: first.databaseUrl })
		)
	);
	return [first, ...rest];
}

/** Stops the instances, the first (which owns the database folder) last. */
async function stopInstances(instances: TestServer[]): Promise<void> {
	await Promise.all(instances.slice(1).map((s) => s.stop()));
	await instances[0]?.stop();
}

export interface ScaleCluster {
	redis: TestRedis;
	instances: TestServer[];
	/** A Doetank created through the first instance: its owner and `members` members. */
	room: SyncRoom;
}

/**
 * The set-up of a scale test file (or describe block): Redis on a free port and `count` instances
 * on it, started before its tests and stopped after them. The fields are there once `beforeAll` ran.
 */
export function useScaleCluster(
	count: number,
	room: { label: string; members: number },
	options: ServerOptions = {}
): ScaleCluster {
	const cluster = {} as ScaleCluster;
	beforeAll(async () => {
		cluster.redis = await startRedis();
		cluster.instances = await startInstances(count, cluster.redis, options);
		cluster.room = await createRoom(cluster.instances[0]!.baseUrl, room.label, room.members);
	}, 60_000);
	afterAll(async () => {
		await stopInstances(cluster.instances ?? []);
		await cluster.redis?.stop();
	});
	return cluster;
}

/** A counter or gauge of an instance's `/metrics` (0 when it has no such sample yet). */
export async function metricOf(server: TestServer, token: string, sample: string): Promise<number> {
	const res = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
	const line = (await res.text()).split('\n').find((l) => l.startsWith(`${sample} `));
	return line ? Number(line.slice(sample.length + 1)) : 0;
}

export interface RoamingPeer {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** The instance each (re)connection went to, in order. */
	readonly visits: string[];
}

/**
 * The real y-websocket provider, authenticated by cookie, that connects to `pick()` each time it
 * (re)connects: a load balancer sending a client to whichever instance is up.
 */
export function connectRoaming(
	pick: () => string,
	sessionId: string,
	doetankId: string,
	doc = new Y.Doc()
): RoamingPeer {
	const visits: string[] = [];
	class RoamingSocket extends WebSocket {
		constructor(url: string, protocols?: string | string[]) {
			const base = pick();
			visits.push(base);
			const target = new URL(url);
			const to = new URL(base.replace(/^http/, 'ws'));
			target.host = to.host;
			super(target.href, protocols, { headers: { cookie: `doetank_session=${sessionId}` } });
		}
	}
	const provider = new WebsocketProvider('ws://placeholder/sync', doetankId, doc, {
		WebSocketPolyfill: RoamingSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		maxBackoffTime: 250
	});
	return { doc, provider, visits };
}

/** GET /healthz's status field of an instance (null when it does not answer). */
export async function health(server: TestServer): Promise<string | null> {
	try {
		const res = await fetch(`${server.baseUrl}/healthz`, { signal: AbortSignal.timeout(1_000) });
		return ((await res.json()) as { status: string }).status;
	} catch {
		return null;
	}
}
