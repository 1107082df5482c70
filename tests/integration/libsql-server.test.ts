import { createClient, type Client } from '@libsql/client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDocument } from '../../src/lib/server/db/doc-log';
import { login } from './helpers/client';
import { connectRoaming, health, metricOf, startRedis, type RoamingPeer, type TestRedis } from './helpers/scale';
import { startServer, type TestServer } from './helpers/server';
import { SQLD_MISSING, sqldBinary, startSqld } from '../../scripts/sqld.mjs';
import { CLOSE } from '../../server/sync/protocol';
import {
	addRoomMember,
	closeCode,
	createRoom,
	openRawSocket,
	sessionOf,
	sleep,
	until,
	type SyncRoom
} from './helpers/sync-client';

const available = sqldBinary() !== null;
if (!available) console.warn(`libsql-server.test.ts skipped: ${SQLD_MISSING}`);

/** The document as the libSQL server holds it (snapshot and log). */
async function storedText(primary: Client, doetankId: string): Promise<string> {
	const stored = await readDocument(primary, doetankId);
	const doc = new Y.Doc();
	if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
	for (const update of stored.updates) Y.applyUpdate(doc, update);
	return doc.getText('probleem').toString();
}

const marks = (text: string) => (text.match(/\[/g) ?? []).length;

/** One peer per entry of `instances`, the owner on the first and the member on the second. */
function peers(room: SyncRoom, instances: TestServer[]) {
	const sessions = [sessionOf(room.owner), sessionOf(room.members[0]!)];
	return instances.map((server, i) => {
		const peer = connectRoaming(() => server.baseUrl, sessions[i]!, room.doetankId);
		return { ...peer, text: peer.doc.getText('probleem') };
	});
}

/** Concurrent edits through every peer; resolves once every peer holds all of them. */
async function editConcurrently(list: (RoamingPeer & { text: Y.Text })[], rounds: number): Promise<number> {
	await until(() => list.every((p) => p.provider.synced), 'every peer synced');
	const before = marks(list[0]!.text.toString());
	for (let round = 0; round < rounds; round++) {
		list.forEach((p, i) => p.text.insert(round % 2 ? 0 : p.text.length, `[${i}:${round}]`));
		await new Promise((r) => setTimeout(r, 5));
	}
	const expected = before + list.length * rounds;
	await until(
		() => list.every((p) => p.text.toString() === list[0]!.text.toString() && marks(p.text.toString()) === expected),
		`every peer holds all ${expected} edits`
	);
	return expected;
}

/** Reconnects one fresh peer to `server` and returns what it receives of the document. */
async function textThrough(server: TestServer, session: string, doetankId: string): Promise<string> {
	const peer = connectRoaming(() => server.baseUrl, session, doetankId);
	await until(() => peer.provider.synced, 'the fresh peer synced');
	const text = peer.doc.getText('probleem').toString();
	peer.provider.destroy();
	return text;
}

describe.skipIf(!available)('a real libSQL server (sqld) as the database', () => {
	let sqld: Awaited<ReturnType<typeof startSqld>>;
	let primary: Client;
	let redis: TestRedis;
	beforeAll(async () => {
		redis = await startRedis();
	});
	afterAll(async () => {
		await redis?.stop();
	});
	// A fresh libSQL server for each test: the instances that start at once on it both find it empty.
	beforeEach(async () => {
		sqld = await startSqld();
		primary = createClient({ url: sqld.url });
	});
	afterEach(async () => {
		primary?.close();
		await sqld?.stop();
	});

	it('DATABASE_URL=http://…: migrations, sign-up and sign-in, edits in the log that survive a restart', async () => {
		const server = await startServer({ databaseUrl: sqld.url });
		try {
			const migrations = await primary.execute('SELECT count(*) AS n FROM schema_migrations');
			expect(Number(migrations.rows[0]!.n)).toBeGreaterThan(10);
			const room = await createRoom(server.baseUrl, 'Extern', 1);
			const again = await login(server.baseUrl, room.owner.account.email, room.owner.account.password);
			expect(again.sessionId).toBeTruthy();

			// Two peers on the one instance: each holding the other's edits means the server had them.
			const list = peers(room, [server, server]);
			const count = await editConcurrently(list, 10);
			list.forEach((p) => p.provider.destroy());
			await expect.poll(() => storedText(primary, room.doetankId).then(marks), { timeout: 5_000 }).toBe(count);

			await server.kill('SIGKILL');
			await server.restart();
			expect(marks(await textThrough(server, sessionOf(room.owner), room.doetankId))).toBe(count);
		} finally {
			await server.stop();
		}
	}, 60_000);

	it('two instances with REDIS_URL on one libSQL server converge, and the server has every edit once', async () => {
		const env = { REDIS_URL: redis.url, SYNC_HEARTBEAT_MS: '2000' };
		const instances = await Promise.all([0, 1].map(() => startServer({ databaseUrl: sqld.url, env })));
		try {
			const room = await createRoom(instances[0]!.baseUrl, 'Twee', 1);
			const list = peers(room, instances);
			const count = await editConcurrently(list, 15);
			list.forEach((p) => p.provider.destroy());
			await expect.poll(() => storedText(primary, room.doetankId).then(marks), { timeout: 5_000 }).toBe(count);
			const seqs = await primary.execute({
				sql: 'SELECT count(*) AS n, count(DISTINCT seq) AS d FROM doc_updates WHERE doetank_id = ?',
				args: [room.doetankId]
			});
			expect(seqs.rows[0]!.n).toBe(seqs.rows[0]!.d);
		} finally {
			await Promise.all(instances.map((s) => s.stop()));
		}
	}, 60_000);

	it('embedded replicas (DATABASE_SYNC_URL): two instances converge, the server has it all, a removal closes the socket on the other instance, a restart loses nothing', async () => {
		const env = {
			REDIS_URL: redis.url,
			SYNC_HEARTBEAT_MS: '2000',
			DATABASE_SYNC_URL: sqld.url,
			// Long on purpose: only the pulls before reading the log and a session keep the instances current.
			DATABASE_SYNC_INTERVAL_S: '60'
		};
		// Each instance its own replica file (no databaseUrl: a fresh file each).
		const instances = await Promise.all([0, 1].map(() => startServer({ env })));
		try {
			expect(instances[0]!.databaseUrl).not.toBe(instances[1]!.databaseUrl);
			// Registered through the first instance: the member's session is used on the second.
			const room = await createRoom(instances[0]!.baseUrl, 'Replica', 1);
			// Signing in on the other instance at once, before its replica pulled the account: the login
			// throttle's write goes to the server first, and a replica reads its own writes by pulling.
			const member = room.members[0]!.account;
			expect((await login(instances[1]!.baseUrl, member.email, member.password)).sessionId).toBeTruthy();
			const list = peers(room, instances);
			const count = await editConcurrently(list, 15);
			list.forEach((p) => p.provider.destroy());
			await expect.poll(() => storedText(primary, room.doetankId).then(marks), { timeout: 5_000 }).toBe(count);

			// The second instance's replica file holds the log too (it is a copy, not a remote client).
			const replica = createClient({ url: instances[1]!.databaseUrl });
			const local = await replica.execute({
				sql: 'SELECT count(*) AS n FROM doc_updates WHERE doetank_id = ?',
				args: [room.doetankId]
			});
			replica.close();
			expect(Number(local.rows[0]!.n)).toBeGreaterThan(0);

			// A removal made through the first instance closes the member's socket on the second,
			// whose replica would hold the membership for another minute without a pull.
			const guest = await addRoomMember(instances[0]!.baseUrl, room, 'Replica gast', ['lid']);
			const socket = await openRawSocket(instances[1]!.baseUrl, sessionOf(guest), room.doetankId);
			const closed = closeCode(socket, 5_000);
			expect((await room.owner.client.delete(`/api/v1/doetanks/${room.doetankId}/members/${guest.id}`)).status).toBe(
				204
			);
			expect(await closed).toBe(CLOSE.forbidden);

			await instances[1]!.kill('SIGKILL');
			await instances[1]!.restart();
			expect(marks(await textThrough(instances[1]!, sessionOf(room.members[0]!), room.doetankId))).toBe(count);
		} finally {
			await Promise.all(instances.map((s) => s.stop()));
		}
	}, 90_000);

	it('an embedded replica pulls on demand at most once every DATABASE_SYNC_MIN_GAP_MS, however many made-up session cookies arrive', async () => {
		const token = 'replica-metrics-token';
		const server = await startServer({
			env: {
				DATABASE_SYNC_URL: sqld.url,
				DATABASE_SYNC_INTERVAL_S: '60',
				DATABASE_SYNC_MIN_GAP_MS: '100',
				METRICS_TOKEN: token
			}
		});
		try {
			const before = await metricOf(server, token, 'doetank_replica_pulls_total');
			const started = Date.now();
			// 400 requests, each with a session cookie the replica has never seen (each asks for a pull).
			const answers = await Promise.all(
				Array.from({ length: 400 }, (_, i) =>
					fetch(`${server.baseUrl}/api/v1/doetanks`, { headers: { cookie: `doetank_session=verzonnen${i}` } })
				)
			);
			const seconds = (Date.now() - started) / 1000;
			expect(new Set(answers.map((r) => r.status))).toEqual(new Set([401]));
			const pulls = (await metricOf(server, token, 'doetank_replica_pulls_total')) - before;
			expect(pulls).toBeGreaterThan(0);
			expect(pulls).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 1);
			// A session made on the server itself (a sign-in elsewhere) is still found at once.
			const room = await createRoom(server.baseUrl, 'Replica-sessie', 0);
			expect((await room.owner.client.get('/api/v1/doetanks')).status).toBe(200);
		} finally {
			await server.stop();
		}
	}, 60_000);

	it.each([
		['a libSQL server by URL', () => ({ databaseUrl: sqld.url }), 500],
		// Reads are local: pages still show what the replica last pulled.
		['an embedded replica', () => ({ env: { DATABASE_SYNC_URL: sqld.url } }), 200]
	])(
		'%s: while the server is down /healthz answers 503 and edits wait in memory; once back they are stored',
		async (_mode, options, listWhileDown) => {
			const server = await startServer(options());
			try {
				const room = await createRoom(server.baseUrl, 'Uitval', 1);
				const list = peers(room, [server, server]);
				const before = await editConcurrently(list, 3);
				await sqld.kill();
				await expect.poll(() => health(server), { timeout: 10_000 }).toBe('unavailable');
				// A page: the server by URL fails it, a replica answers from its file.
				expect((await room.owner.client.get('/api/v1/doetanks')).status).toBe(listWhileDown);
				// Each update is logged before anyone else gets it: these wait in the server's memory.
				list.forEach((p, i) => p.text.insert(0, `[${i}:down]`));
				await sleep(500);
				expect(marks(list[1]!.text.toString())).toBe(before + 1);
				await sqld.start();
				const count = before + 2;
				await until(
					() => list.every((p) => marks(p.text.toString()) === count),
					'the edits made during the outage reach every peer'
				);
				await expect.poll(() => health(server), { timeout: 10_000 }).toBe('ok');
				await expect.poll(() => storedText(primary, room.doetankId).then(marks), { timeout: 15_000 }).toBe(count);
				list.forEach((p) => p.provider.destroy());
			} finally {
				await server.stop();
			}
		},
		60_000
	);
});
