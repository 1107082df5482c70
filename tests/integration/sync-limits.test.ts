import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { CLOSE, encodeAwareness, encodeSync, SYNC_STEP1, SYNC_UPDATE } from '../../server/sync/protocol';
import { resetPeakRss } from '../../bench/sync/proc.mjs';
import { handleOwnMessages } from '../../src/lib/sync/messages';
import type { TestServer } from './helpers/server';
import {
	addRoomMember,
	awarenessUpdate,
	closeCode,
	connectPeer,
	openRawSocket,
	residentBytes,
	serverWithRoom,
	sessionOf,
	sleep,
	tcpOf,
	until,
	upgradeStatus,
	type SyncPeer
} from './helpers/sync-client';

const KiB = 1024;
const MiB = 1024 * KiB;
const BLOB_BYTES = 900 * KiB;

/** A random text of about `bytes` bytes (hex, so one byte a character). */
const blob = (bytes: number) => randomBytes(bytes / 2).toString('hex');

function countCloses(peer: SyncPeer): { closes: number } {
	const counter = { closes: 0 };
	peer.provider.on('connection-close', () => counter.closes++);
	return counter;
}

/** Largest message a provider's socket receives from now on (until it reconnects). */
function largestMessage(peer: SyncPeer): { bytes: number } {
	const seen = { bytes: 0 };
	const ws = peer.provider.ws as unknown as WebSocket;
	ws.on('message', (data: Buffer) => (seen.bytes = Math.max(seen.bytes, data.byteLength)));
	return seen;
}

describe('the document size cap', () => {
	const fixture = serverWithRoom({ SYNC_MAX_DOCUMENT_BYTES: String(4 * MiB), SYNC_GRACE_MS: '200' }, 'Vol', 1);

	it('refuses the update that would pass it, tells the sender, stores nothing past it, and the others keep working', async () => {
		const { server, room } = fixture;
		const writer = connectPeer(server.baseUrl, sessionOf(room.owner), room.doetankId);
		const other = connectPeer(server.baseUrl, sessionOf(room.members[0]!), room.doetankId);
		let full = 0;
		handleOwnMessages(writer.provider, { status: () => {}, saved: () => {}, documentFull: () => full++ });
		await until(() => writer.provider.synced && other.provider.synced, 'both synced');

		const blobs: Y.Map<string> = writer.doc.getMap('blobs');
		for (let i = 0; i < 8; i++) {
			blobs.set(`b${i}`, blob(BLOB_BYTES));
			await sleep(150);
		}
		await until(() => full > 0, 'the writer heard that the document is full');
		// 4 MiB hold four blobs of 900 KB and the rest of the document, not a fifth.
		const otherBlobs: Y.Map<string> = other.doc.getMap('blobs');
		await until(() => otherBlobs.size === 4, 'the other member has the four blobs that fit');
		await sleep(300);
		expect([...otherBlobs.keys()].sort()).toEqual(['b0', 'b1', 'b2', 'b3']);

		// Small edits still fit under the cap: the other member keeps working, and the writer sees it.
		other.doc.getText('t').insert(0, 'nog steeds aan het werk');
		await until(() => writer.doc.getText('t').toString() === 'nog steeds aan het werk', 'the writer sees the edit');

		// Loaded again from the database (after everyone left and the grace period passed).
		writer.provider.destroy();
		other.provider.destroy();
		await sleep(600);
		const fresh = connectPeer(server.baseUrl, sessionOf(room.members[0]!), room.doetankId);
		await until(() => fresh.provider.synced, 'a fresh client synced');
		expect([...fresh.doc.getMap('blobs').keys()].sort()).toEqual(['b0', 'b1', 'b2', 'b3']);
		expect(fresh.doc.getText('t').toString()).toBe('nog steeds aan het werk');
		fresh.provider.destroy();
	}, 60_000);
});

describe('a full 16 MiB document and sockets that never read', () => {
	const fixture = serverWithRoom({ SYNC_USER_BYTES_PER_SECOND: String(64 * MiB) }, 'Geheugen', 2);

	it('costs the server far less than a copy of the document per socket', async () => {
		const { server, room } = fixture;
		const writer = connectPeer(server.baseUrl, sessionOf(room.owner), room.doetankId);
		await until(() => writer.provider.synced, 'the writer synced');
		const blobs: Y.Map<string> = writer.doc.getMap('blobs');
		for (let i = 0; i < 17; i++) blobs.set(`b${i}`, blob(BLOB_BYTES));
		const check = connectPeer(server.baseUrl, sessionOf(room.members[0]!), room.doetankId);
		await until(
			() => check.provider.synced && check.doc.getMap('blobs').size === 17,
			'the document is complete',
			30_000
		);
		check.provider.destroy();
		await sleep(500);
		// The peak from here on belongs to the sockets, not to building the document (when the kernel allows the reset).
		resetPeakRss(server.pid);
		const baseline = residentBytes(server.pid);

		const sockets: WebSocket[] = [];
		for (let i = 0; i < 20; i++) {
			const who = room.members[i % 2]!;
			const ws = await openRawSocket(server.baseUrl, sessionOf(who), room.doetankId);
			ws.on('error', () => {});
			// Ask for the whole document, then stop reading.
			ws.send(encodeSync(SYNC_STEP1, Y.encodeStateVector(new Y.Doc())));
			tcpOf(ws).pause();
			sockets.push(ws);
		}
		await sleep(3_000);
		const growth = residentBytes(server.pid, true) - baseline;
		// Before the bound each such socket cost about 35 MB (two copies of the document).
		expect(growth, `peak RSS grew ${(growth / MiB).toFixed(1)} MiB`).toBeLessThan(400 * MiB);

		// Meanwhile the writer still works.
		writer.doc.getText('t').insert(0, 'x');
		await until(() => writer.provider.wsconnected, 'the writer is connected');
		for (const ws of sockets) ws.terminate();
		writer.provider.destroy();
	}, 120_000);
});

describe('open sockets per user', () => {
	const fixture = serverWithRoom({}, 'Zestien', 0);

	it('refuses the 17th socket of one user with 429 before the upgrade, and accepts one again after a close', async () => {
		const { server, room } = fixture;
		const session = sessionOf(room.owner);
		const sockets = await Promise.all(
			Array.from({ length: 16 }, () => openRawSocket(server.baseUrl, session, room.doetankId))
		);
		const cookie = { cookie: `doetank_session=${session}` };
		expect(await upgradeStatus(server.baseUrl, `/sync/${room.doetankId}`, cookie)).toBe(429);
		const closed = closeCode(sockets[0]!);
		sockets[0]!.close();
		await closed;
		await sleep(200);
		expect(await upgradeStatus(server.baseUrl, `/sync/${room.doetankId}`, cookie)).toBe(101);
		for (const ws of sockets) ws.terminate();
	});
});

describe('upgrades waiting for their turn', () => {
	const fixture = serverWithRoom({ SYNC_MAX_WAITING_UPGRADES: '2', SYNC_MAX_SOCKETS_PER_USER: '100' }, 'Drukte', 0);

	/**
	 * Sends the upgrade requests of `count` connected sockets while the server is paused (as in a long
	 * garbage collection), so that they all arrive in one turn of its event loop; resolves with each
	 * answer's status code.
	 */
	async function burstOfUpgrades(server: TestServer, path: string, cookie: string, count: number): Promise<number[]> {
		const { hostname, port } = new URL(server.baseUrl);
		const sockets = await Promise.all(
			Array.from(
				{ length: count },
				() =>
					new Promise<Socket>((resolve, reject) => {
						const socket = connect(Number(port), hostname, () => resolve(socket));
						socket.once('error', reject);
					})
			)
		);
		const request = [
			`GET ${path} HTTP/1.1`,
			`Host: ${hostname}:${port}`,
			'Connection: Upgrade',
			'Upgrade: websocket',
			'Sec-WebSocket-Version: 13',
			'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
			`Cookie: ${cookie}`,
			'',
			''
		].join('\r\n');
		const statuses = sockets.map(
			(socket) =>
				new Promise<number>((resolve) => {
					let head = '';
					socket.on('data', (chunk: Buffer) => {
						head += chunk.toString('latin1');
						const match = /^HTTP\/1\.1 (\d{3})/.exec(head);
						if (match) resolve(Number(match[1]));
					});
				})
		);
		// Accepted by the server before it pauses, so the requests are all it has to read.
		await sleep(200);
		process.kill(server.pid, 'SIGSTOP');
		try {
			await Promise.all(sockets.map((socket) => new Promise((resolve) => socket.write(request, resolve))));
		} finally {
			process.kill(server.pid, 'SIGCONT');
		}
		const result = await Promise.all(statuses);
		for (const socket of sockets) socket.destroy();
		return result;
	}

	it('refuses with 503 the upgrades of a burst past SYNC_MAX_WAITING_UPGRADES, lets the others on, and takes new ones after it', async () => {
		const { server, room } = fixture;
		const path = `/sync/${room.doetankId}`;
		const cookie = `doetank_session=${sessionOf(room.owner)}`;
		const statuses = await burstOfUpgrades(server, path, cookie, 60);
		expect(statuses.filter((s) => s !== 101 && s !== 503)).toEqual([]);
		// Eight go on in the first turn and two wait: of sixty at once, most are refused.
		expect(statuses.filter((s) => s === 101).length).toBeGreaterThanOrEqual(10);
		expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(30);
		await sleep(200);
		expect(await upgradeStatus(server.baseUrl, path, { cookie })).toBe(101);
	});
});

describe('a read-only member flooding awareness', () => {
	const fixture = serverWithRoom({}, 'Meekijker', 1);

	it('is dropped and then closed; the trekker and lid stay connected, keep receiving edits and never see the flood', async () => {
		const { server, room } = fixture;
		const meekijker = await addRoomMember(server.baseUrl, room, 'Meekijker kijkt', ['meekijker']);
		const trekker = connectPeer(server.baseUrl, sessionOf(room.owner), room.doetankId);
		const lid = connectPeer(server.baseUrl, sessionOf(room.members[0]!), room.doetankId);
		await until(() => trekker.provider.synced && lid.provider.synced, 'trekker and lid synced');
		const closes = [countCloses(trekker), countCloses(lid)];
		const largest = [largestMessage(trekker), largestMessage(lid)];

		const flood = await openRawSocket(server.baseUrl, sessionOf(meekijker), room.doetankId);
		flood.on('error', () => {});
		const closed = closeCode(flood, 20_000);
		const huge = { section: 'actielijst', padding: blob(BLOB_BYTES) };
		for (let i = 1; i <= 25 && flood.readyState === flood.OPEN; i++) {
			flood.send(encodeAwareness(awarenessUpdate(4_000_000, i, huge)));
			await sleep(20);
		}
		expect(await closed).toBe(CLOSE.awarenessFlood);

		lid.doc.getText('t').insert(0, 'nog een regel');
		await until(() => trekker.doc.getText('t').toString() === 'nog een regel', 'the trekker receives the edit');
		expect(closes.map((c) => c.closes)).toEqual([0, 0]);
		for (const seen of largest) expect(seen.bytes).toBeLessThan(8 * KiB);
		expect([...trekker.provider.awareness.getStates().keys()]).not.toContain(4_000_000);
		trekker.provider.destroy();
		lid.provider.destroy();
	}, 60_000);
});

describe('presence', () => {
	const fixture = serverWithRoom({}, 'Echt', 1);

	it('shows everyone as the server knows them, whatever their client claims, and no one can change another entry', async () => {
		const { server, room } = fixture;
		const meekijker = await addRoomMember(server.baseUrl, room, 'Meekijker echt', ['meekijker']);
		const trekker = connectPeer(server.baseUrl, sessionOf(room.owner), room.doetankId);
		const lid = connectPeer(server.baseUrl, sessionOf(room.members[0]!), room.doetankId);
		const watcher = connectPeer(server.baseUrl, sessionOf(meekijker), room.doetankId);
		await until(() => [trekker, lid, watcher].every((p) => p.provider.synced), 'all synced');
		trekker.provider.awareness.setLocalState({
			user: { id: room.owner.id, name: room.owner.account.name, color: '#000000' },
			section: 'actielijst',
			typing: false
		});
		// The meekijker poses as the trekker, typing, with a field the protocol does not know.
		watcher.provider.awareness.setLocalState({
			user: { id: room.owner.id, name: room.owner.account.name, color: '#b3261e', watching: false },
			section: 'probleemdefinitie',
			typing: true,
			script: '<img src=x onerror=alert(1)>'
		});
		const seenBy = (peer: SyncPeer, clientId: number) =>
			peer.provider.awareness.getStates().get(clientId) as Record<string, unknown> | undefined;
		const watcherId = watcher.doc.clientID;
		await until(
			() => (seenBy(lid, watcherId)?.section as string | undefined) === 'probleemdefinitie',
			'the lid sees the meekijker'
		);
		for (const peer of [trekker, lid]) {
			const state = seenBy(peer, watcherId)!;
			expect(state.user).toMatchObject({ id: meekijker.id, name: meekijker.account.name, watching: true });
			expect((state.user as { color: string }).color).toMatch(/^#[0-9a-f]{6}$/);
			expect(state).toMatchObject({ section: 'probleemdefinitie', typing: true });
			expect(state).not.toHaveProperty('script');
		}

		// A raw socket of the lid tries to overwrite the trekker's entry with a newer clock.
		const trekkerId = trekker.doc.clientID;
		const raw = await openRawSocket(server.baseUrl, sessionOf(room.members[0]!), room.doetankId);
		raw.send(encodeAwareness(awarenessUpdate(trekkerId, 1_000, { section: 'vervalst' })));
		raw.send(encodeAwareness(awarenessUpdate(trekkerId, 1_001, null)));
		await sleep(500);
		expect(seenBy(lid, trekkerId)).toMatchObject({ section: 'actielijst', user: { id: room.owner.id } });
		expect(seenBy(watcher, trekkerId)).toMatchObject({ section: 'actielijst', user: { watching: false } });
		raw.terminate();
		for (const p of [trekker, lid, watcher]) p.provider.destroy();
	});
});

describe('the update budget of a user', () => {
	const fixture = serverWithRoom({ SYNC_USER_UPDATES_PER_SECOND: '5' }, 'Budget', 1);

	it('closes the socket of a user past it with 4529, and the others keep working', async () => {
		const { server, room } = fixture;
		const other = connectPeer(server.baseUrl, sessionOf(room.members[0]!), room.doetankId);
		await until(() => other.provider.synced, 'the other member synced');
		const closes = countCloses(other);
		const ws = await openRawSocket(server.baseUrl, sessionOf(room.owner), room.doetankId);
		ws.on('error', () => {});
		const closed = closeCode(ws);
		const doc = new Y.Doc();
		doc.on('update', (update: Uint8Array) => {
			if (ws.readyState === ws.OPEN) ws.send(encodeSync(SYNC_UPDATE, update));
		});
		// The budget holds 10 s worth (50 updates); 200 at once are past it.
		for (let i = 0; i < 200; i++) doc.getText('t').insert(0, 'x');
		expect(await closed).toBe(CLOSE.updateBudget);
		other.doc.getText('u').insert(0, 'verder');
		await sleep(300);
		expect(closes.closes).toBe(0);
		expect(other.provider.wsconnected).toBe(true);
		other.provider.destroy();
	});
});

describe('the upgrade request', () => {
	const fixture = serverWithRoom({}, 'Herkomst', 0);

	it('is refused with 403 from another origin, even with a valid cookie, and accepted from the site itself', async () => {
		const { server, room } = fixture;
		const cookie = `doetank_session=${sessionOf(room.owner)}`;
		const path = `/sync/${room.doetankId}`;
		expect(await upgradeStatus(server.baseUrl, path, { cookie, origin: 'http://evil.example' })).toBe(403);
		const sibling = server.baseUrl.replace(/:(\d+)$/, (_m, port: string) => `:${Number(port) + 1}`);
		expect(await upgradeStatus(server.baseUrl, path, { cookie, origin: sibling })).toBe(403);
		expect(await upgradeStatus(server.baseUrl, path, { cookie, origin: server.baseUrl })).toBe(101);
		expect(await upgradeStatus(server.baseUrl, path, { cookie })).toBe(101);
	});

	it('answers malformed paths with 400 or 404, without an error in the log', async () => {
		const { server } = fixture;
		const before = server.output.length;
		expect(await upgradeStatus(server.baseUrl, '/sync/%E0')).toBe(400);
		expect(await upgradeStatus(server.baseUrl, '/sync/%')).toBe(400);
		expect(await upgradeStatus(server.baseUrl, '/sync/a%2Fb')).toBe(404);
		expect(await upgradeStatus(server.baseUrl, `/sync/${'x'.repeat(500)}`)).toBe(404);
		expect(await upgradeStatus(server.baseUrl, '/sync/')).toBe(404);
		await sleep(200);
		const logged = server.output.slice(before);
		expect(logged).not.toMatch(/error|at .*\.js:\d+/i);
	});
});
