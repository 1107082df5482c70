import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, encodeSync, SYNC_UPDATE } from '../../server/sync/protocol';
import { ApiClient } from './helpers/client';
import {
	connectRoaming,
	health,
	startInstances,
	startRedis,
	stopInstances,
	type RoamingPeer,
	type TestRedis
} from './helpers/scale';
import { startServer, type TestServer } from './helpers/server';
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

const METRICS_TOKEN = 'scale-faults-metrics-token';

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
	let redis: TestRedis;
	let instances: TestServer[];
	let room: SyncRoom;

	beforeAll(async () => {
		redis = await startRedis();
		// No compaction during the test: the log must show every update as it was written.
		instances = await startInstances(2, redis, { env: { METRICS_TOKEN, SYNC_COMPACT_UPDATES: '100000' } });
		room = await createRoom(instances[0]!.baseUrl, 'Storing', 1);
	}, 60_000);

	afterAll(async () => {
		await stopInstances(instances ?? []);
		await redis?.stop();
	});

	const redisUp = async (server: TestServer) => {
		const res = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
		return /^doetank_redis_up (\d)/m.exec(await res.text())?.[1];
	};

	it('keeps serving while Redis is down for 5 s, reports degraded, and converges with every update logged once', async () => {
		const peers: RoamingPeer[] = [sessionOf(room.owner), sessionOf(room.members[0]!)].map((session, i) =>
			connectRoaming(() => instances[i]!.baseUrl, session, room.doetankId)
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
		expect(await health(instances[0]!)).toBe('ok');
		await redis.stop();
		const degraded: (string | null)[] = [];
		const down = Date.now();
		while (Date.now() - down < 5_000) {
			degraded.push(...(await Promise.all(instances.map(health))));
			await sleep(250);
		}
		expect(degraded).toContain('degraded');
		expect(await redisUp(instances[1]!)).toBe('0');
		// Only the first peer types from now on: what it writes reaches the other instance through Redis or the log.
		typing = false;
		await typed;
		// Past the last gap's catch-up (250 ms): only the resynchronisation when Redis returns brings this one over.
		await sleep(1_000);
		texts[0]!.insert(0, 'na de storing ');
		await sleep(500);
		expect(texts[1]!.toString()).not.toContain('na de storing');
		await redis.start();
		await until(
			() =>
				texts.every((t) => t.toString() === texts[0]!.toString() && (t.toString().match(/</g) ?? []).length === 2 * n),
			'both peers hold every edit',
			15_000
		);
		const healthy = async () => (await Promise.all(instances.map(health))).every((s) => s === 'ok');
		for (let tries = 0; !(await healthy()) && tries < 100; tries++) await sleep(50);
		expect(await Promise.all(instances.map(health))).toEqual(['ok', 'ok']);
		expect(await redisUp(instances[0]!)).toBe('1');
		expect(await loggedTwice(instances[0]!.databaseUrl, room.doetankId)).toEqual([]);
		peers.forEach((p) => p.provider.destroy());
	}, 40_000);

	it('holds an update that builds on content this instance has not received until the log brings it', async () => {
		await redis.stop();
		try {
			for (let tries = 0; (await health(instances[1]!)) !== 'degraded' && tries < 100; tries++) await sleep(50);
			const owner = sessionOf(room.owner);
			const [a, z] = [0, 1].map((i) => connectRoaming(() => instances[i]!.baseUrl, owner, room.doetankId));
			await until(() => a!.provider.synced && z!.provider.synced, 'synced');
			const logged = () => rowCount(instances[0]!.databaseUrl, room.doetankId);
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
			const socket = await openRawSocket(instances[1]!.baseUrl, owner, room.doetankId);
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
			await redis.start();
		}
	});

	it('the standalone sync server (npm run sync) closes a removed member’s socket within 5 s', async () => {
		const sync = await startServer({
			entry: 'sync',
			databaseUrl: instances[0]!.databaseUrl,
			env: { REDIS_URL: redis.url }
		});
		try {
			const guest = await addRoomMember(instances[0]!.baseUrl, room, 'Storing gast', ['lid']);
			const socket = await openRawSocket(sync.baseUrl, sessionOf(guest), room.doetankId);
			const closed = closeCode(socket, 5_000);
			const owner = new ApiClient(instances[0]!.baseUrl, { cookie: `doetank_session=${sessionOf(room.owner)}` });
			expect((await owner.delete(`/api/v1/doetanks/${room.doetankId}/members/${guest.id}`)).status).toBe(204);
			expect(await closed).toBe(CLOSE.forbidden);
		} finally {
			await sync.stop();
		}
	});
});
