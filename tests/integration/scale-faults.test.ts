import { createClient } from '@libsql/client';
import { Redis } from 'ioredis';
import type WebSocket from 'ws';
import { toBase64 } from 'lib0/buffer';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, encodeAwareness, encodeSync, SYNC_UPDATE } from '../../server/sync/protocol';
import { ApiClient } from './helpers/client';
import { connectRoaming, health, metricOf, useScaleCluster, type RoamingPeer } from './helpers/scale';
import { startServer, type TestServer } from './helpers/server';
import { addRoomMember, closeCode, openRawSocket, sessionOf, sleep, until } from './helpers/sync-client';

const METRICS_TOKEN = 'scale-faults-metrics-token';
/** Small enough that a test can pass it with a few messages (the default is 4 MiB). */
const MAX_WAITING_BYTES = 64 * 1024;
/** One burst of the default update budget (SYNC_USER_UPDATES_PER_SECOND, SYNC_USER_BYTES_PER_SECOND, 10 s): the backlog bound. */
const BACKLOG_MESSAGES = 2 * 100 * 10;
const BACKLOG_BYTES = 2 * 1024 * 1024 * 10;

/**
 * Updates that build on content no instance ever logged (the first one of `ghost`, never sent):
 * an instance holds (or keeps waiting) each one until its bound ends that.
 */
function orphanUpdates(count: number, bytes: number): Uint8Array[] {
	const ghost = new Y.Doc();
	ghost.getText('spook').insert(0, 'x');
	const updates: Uint8Array[] = [];
	ghost.on('update', (u: Uint8Array) => updates.push(u));
	for (let i = 0; i < count; i++) ghost.getText('spook').insert(0, 'y'.repeat(bytes));
	return updates;
}

/** Every (client, clock) of every logged update: each may appear once, or the log holds an edit twice. */
async function loggedTwice(databaseUrl: string, doetankId: string): Promise<string[]> {
	const db = createClient({ url: databaseUrl });
	try {
		const rows = await db.execute({
			sql: 'SELECT update_data FROM doc_updates WHERE doetank_id = ?',
			args: [doetankId]
		});
		const seen = new Set<string>();
		const twice: string[] = [];
		for (const row of rows.rows) {
			for (const struct of Y.decodeUpdate(new Uint8Array(row.update_data as ArrayBuffer)).structs) {
				for (let i = 0; i < struct.length; i++) {
					const key = `${struct.id.client}:${struct.id.clock + i}`;
					if (seen.has(key)) twice.push(key);
					seen.add(key);
				}
			}
		}
		return twice;
	} finally {
		db.close();
	}
}

async function rowCount(databaseUrl: string, doetankId: string): Promise<number> {
	const db = createClient({ url: databaseUrl });
	try {
		const rows = await db.execute({
			sql: 'SELECT COUNT(*) AS n FROM doc_updates WHERE doetank_id = ?',
			args: [doetankId]
		});
		return Number(rows.rows[0]!.n);
	} finally {
		db.close();
	}
}

describe('scale-out: Redis faults', () => {
	const cluster = useScaleCluster(
		2,
		{ label: 'Storing', members: 1 },
		// No compaction during the test: the log must show every update as it was written.
		{ env: { METRICS_TOKEN, SYNC_COMPACT_UPDATES: '100000', SCALE_MAX_WAITING_BYTES: String(MAX_WAITING_BYTES) } }
	);

	const redisUp = async (server: TestServer) => String(await metricOf(server, METRICS_TOKEN, 'doetank_redis_up'));
	const waitingBytes = (server: TestServer) => metricOf(server, METRICS_TOKEN, 'doetank_cluster_waiting_bytes');
	const dropped = (server: TestServer) =>
		metricOf(server, METRICS_TOKEN, 'doetank_cluster_updates_total{result="dropped"}');

	it('keeps serving while Redis is down for 5 s, reports degraded, and converges with every update logged once', async () => {
		const peers: RoamingPeer[] = [sessionOf(cluster.room.owner), sessionOf(cluster.room.members[0]!)].map(
			(session, i) => connectRoaming(() => cluster.instances[i]!.baseUrl, session, cluster.room.doetankId)
		);
		await until(() => peers.every((p) => p.provider.synced), 'synced');
		const texts = peers.map((p) => p.doc.getText('storing'));
		let n = 0;
		let typing = true;
		const typed = (async () => {
			for (; typing; n++) {
				texts.forEach((t, i) => t.insert(t.length, `<${i}:${n}>`));
				await sleep(25);
			}
		})();
		await sleep(300);
		expect(await health(cluster.instances[0]!)).toBe('ok');
		await cluster.redis.stop();
		const degraded: (string | null)[] = [];
		const down = Date.now();
		while (Date.now() - down < 5_000) {
			degraded.push(...(await Promise.all(cluster.instances.map(health))));
			await sleep(250);
		}
		expect(degraded).toContain('degraded');
		expect(await redisUp(cluster.instances[1]!)).toBe('0');
		// Only the first peer types from now on: what it writes reaches the other instance through Redis or the log.
		typing = false;
		await typed;
		// Past the last gap's catch-up (250 ms): only the resynchronisation when Redis returns brings this one over.
		await sleep(1_000);
		texts[0]!.insert(0, 'na de storing ');
		await sleep(500);
		expect(texts[1]!.toString()).not.toContain('na de storing');
		await cluster.redis.start();
		await until(
			() =>
				texts.every((t) => t.toString() === texts[0]!.toString() && (t.toString().match(/</g) ?? []).length === 2 * n),
			'both peers hold every edit',
			15_000
		);
		const healthy = async () => (await Promise.all(cluster.instances.map(health))).every((s) => s === 'ok');
		for (let tries = 0; !(await healthy()) && tries < 100; tries++) await sleep(50);
		expect(await Promise.all(cluster.instances.map(health))).toEqual(['ok', 'ok']);
		expect(await redisUp(cluster.instances[0]!)).toBe('1');
		expect(await loggedTwice(cluster.instances[0]!.databaseUrl, cluster.room.doetankId)).toEqual([]);
		peers.forEach((p) => p.provider.destroy());
	}, 40_000);

	it('holds an update that builds on content this instance has not received until the log brings it', async () => {
		await cluster.redis.stop();
		try {
			for (let tries = 0; (await health(cluster.instances[1]!)) !== 'degraded' && tries < 100; tries++) await sleep(50);
			const owner = sessionOf(cluster.room.owner);
			const [a, z] = [0, 1].map((i) =>
				connectRoaming(() => cluster.instances[i]!.baseUrl, owner, cluster.room.doetankId)
			);
			await until(() => a!.provider.synced && z!.provider.synced, 'synced');
			const logged = () => rowCount(cluster.instances[0]!.databaseUrl, cluster.room.doetankId);
			const before = await logged();
			a!.doc.getText('vasthouden').insert(0, 'abc');
			for (let tries = 0; (await logged()) === before && tries < 100; tries++) await sleep(20);
			// Nothing crosses the bus, and no edit on the second instance shows a gap: it has not got 'abc'.
			await sleep(500);
			expect(z!.doc.getText('vasthouden').toString()).toBe('');
			// A client that saw 'abc' elsewhere sends an edit that builds on it to the second instance.
			const elsewhere = new Y.Doc();
			Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(a!.doc));
			const seen = Y.encodeStateVector(elsewhere);
			elsewhere.getText('vasthouden').insert(3, 'd');
			const socket = await openRawSocket(cluster.instances[1]!.baseUrl, owner, cluster.room.doetankId);
			socket.send(encodeSync(SYNC_UPDATE, Y.encodeStateAsUpdate(elsewhere, seen)));
			await until(
				() => z!.doc.getText('vasthouden').toString() === 'abcd',
				'the held edit, after what it builds on',
				3_000
			);
			socket.close();
			a!.provider.destroy();
			z!.provider.destroy();
		} finally {
			await cluster.redis.start();
		}
	});

	it('bounds the updates from other instances that wait for what they build on, by bytes and by count', async () => {
		// Redis may just have come back (the test before): the second instance must hear the channel.
		for (let tries = 0; (await health(cluster.instances[1]!)) !== 'ok' && tries < 200; tries++) await sleep(50);
		const owner = sessionOf(cluster.room.owner);
		const [a, b] = [0, 1].map((i) =>
			connectRoaming(() => cluster.instances[i]!.baseUrl, owner, cluster.room.doetankId)
		);
		await until(() => a!.provider.synced && b!.provider.synced, 'synced');
		// A third "instance" floods the document's channel with updates whose dependencies never come.
		const flood = new Redis(cluster.redis.url);
		let seq = 1_000_000_000;
		const publish = (updates: Uint8Array[]) =>
			Promise.all(
				updates.map((u) =>
					flood.publish(
						`doc:${cluster.room.doetankId}`,
						JSON.stringify({ i: 'overstroming', s: seq++, u: toBase64(u) })
					)
				)
			);
		try {
			const before = await dropped(cluster.instances[1]!);
			// 24 × 8 KiB: far under the count bound (500), three times the byte bound.
			await publish(orphanUpdates(24, 8 * 1024));
			await sleep(300);
			expect(await dropped(cluster.instances[1]!)).toBeGreaterThan(before);
			expect(await waitingBytes(cluster.instances[1]!)).toBeLessThanOrEqual(MAX_WAITING_BYTES);
			// 501 small ones: past the count bound (SCALE_MAX_WAITING_UPDATES, 500), under the byte bound.
			const afterBytes = await dropped(cluster.instances[1]!);
			await publish(orphanUpdates(501, 1));
			await sleep(300);
			expect(await dropped(cluster.instances[1]!)).toBeGreaterThanOrEqual(afterBytes + 501);
			// The document goes on: an edit through the first instance reaches the client on the second.
			a!.doc.getText('na-de-vloed').insert(0, 'droog');
			await until(() => b!.doc.getText('na-de-vloed').toString() === 'droog', 'an edit after the flood', 5_000);
		} finally {
			flood.disconnect();
			a!.provider.destroy();
			b!.provider.destroy();
		}
	});

	it('closes a socket with 4508 when more messages than one burst of the budget wait behind a held update', async () => {
		const owner = sessionOf(cluster.room.owner);
		const [held] = orphanUpdates(1, 1);
		const queryAwareness = new Uint8Array([3]);
		const sockets = await Promise.all(
			[0, 1, 2].map(() => openRawSocket(cluster.instances[1]!.baseUrl, owner, cluster.room.doetankId))
		);
		const [atBound, pastCount, pastBytes] = sockets as [WebSocket, WebSocket, WebSocket];
		const codes = sockets.map((s) => closeCode(s, 8_000));
		for (const s of sockets) s.send(encodeSync(SYNC_UPDATE, held!));
		// Exactly the bound: it waits with the held update, which is refused after SCALE_HOLD_MS (4509).
		for (let i = 0; i < BACKLOG_MESSAGES; i++) atBound.send(queryAwareness);
		// One message more than the bound...
		for (let i = 0; i <= BACKLOG_MESSAGES; i++) pastCount.send(queryAwareness);
		// ...and bytes past it in 11 awareness messages of about 1,000,000 bytes (each under
		// SYNC_MAX_MESSAGE_BYTES; well-formed, since a malformed one is refused as it arrives).
		const big = encodeAwareness(new Uint8Array(999_990));
		for (let i = 0; i * big.byteLength <= BACKLOG_BYTES; i++) pastBytes.send(big);
		const started = Date.now();
		expect(await codes[1]).toBe(CLOSE.backlogFull);
		expect(await codes[2]).toBe(CLOSE.backlogFull);
		// Before the hold ran out: the bound closed them, not the hold.
		expect(Date.now() - started).toBeLessThan(2_500);
		expect(await codes[0]).toBe(CLOSE.incomplete);
	});

	it('charges updates to the budget as they arrive: a flood behind a held update gets 4529, not 4508', async () => {
		const member = sessionOf(cluster.room.members[0]!);
		const [held] = orphanUpdates(1, 1);
		const socket = await openRawSocket(cluster.instances[1]!.baseUrl, member, cluster.room.doetankId);
		const code = closeCode(socket, 8_000);
		socket.send(encodeSync(SYNC_UPDATE, held!));
		// One burst of the budget is 1,000 updates, the backlog's bound 2,000 messages: the budget refuses first.
		const empty = encodeSync(SYNC_UPDATE, new Uint8Array([0, 0]));
		for (let i = 0; i < BACKLOG_MESSAGES + 100; i++) socket.send(empty);
		expect(await code).toBe(CLOSE.updateBudget);
	});

	it('the standalone sync server (npm run sync) closes a removed member’s socket within 5 s', async () => {
		const sync = await startServer({
			entry: 'sync',
			databaseUrl: cluster.instances[0]!.databaseUrl,
			env: { REDIS_URL: cluster.redis.url }
		});
		try {
			const guest = await addRoomMember(cluster.instances[0]!.baseUrl, cluster.room, 'Storing gast', ['lid']);
			const socket = await openRawSocket(sync.baseUrl, sessionOf(guest), cluster.room.doetankId);
			const closed = closeCode(socket, 5_000);
			const owner = new ApiClient(cluster.instances[0]!.baseUrl, {
				cookie: `doetank_session=${sessionOf(cluster.room.owner)}`
			});
			expect((await owner.delete(`/api/v1/doetanks/${cluster.room.doetankId}/members/${guest.id}`)).status).toBe(204);
			expect(await closed).toBe(CLOSE.forbidden);
		} finally {
			await sync.stop();
		}
	});
});
