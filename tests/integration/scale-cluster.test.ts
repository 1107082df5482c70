import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from '../../server/sync/protocol';
import { ApiClient } from './helpers/client';
import {
	connectRoaming,
	startInstances,
	startRedis,
	stopInstances,
	type RoamingPeer,
	type TestRedis
} from './helpers/scale';
import type { TestServer } from './helpers/server';
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

/** Three instances of the web app on one database and one Redis (started by this file on a free port). */
describe('scale-out: three instances over Redis', () => {
	let redis: TestRedis;
	let instances: TestServer[];
	let room: SyncRoom;

	beforeAll(async () => {
		redis = await startRedis();
		instances = await startInstances(3, redis);
		room = await createRoom(instances[0]!.baseUrl, 'Schaal', 2);
	}, 60_000);

	afterAll(async () => {
		await stopInstances(instances ?? []);
		await redis?.stop();
	});

	const sessions = () => [sessionOf(room.owner), ...room.members.map(sessionOf)];
	/** One peer per instance (the owner on the first, each member on the next). */
	const peerPerInstance = (text = 'probleem') =>
		sessions().map((session, i) => {
			const peer = connectRoaming(() => instances[i]!.baseUrl, session, room.doetankId);
			return { ...peer, text: peer.doc.getText(text) };
		});
	const synced = (peers: RoamingPeer[]) => until(() => peers.every((p) => p.provider.synced), 'every peer synced');
	const destroy = (peers: RoamingPeer[]) => peers.forEach((p) => p.provider.destroy());

	it('converges on concurrent edits made through different instances', async () => {
		const peers = peerPerInstance();
		await synced(peers);
		// One writer: only the channel brings its edits to the other instances (no edit there shows a gap).
		peers[0]!.text.insert(0, 'alleen');
		await until(() => peers.every((p) => p.text.toString() === 'alleen'), 'the first edit on every instance', 2_000);
		for (let round = 0; round < 20; round++) {
			peers.forEach((p, i) => p.text.insert(round % 2 ? 0 : p.text.length, `[${i}:${round}]`));
			await new Promise((r) => setTimeout(r, 5));
		}
		const expected = 3 * 20;
		await until(
			() =>
				peers.every(
					(p) =>
						p.text.toString() === peers[0]!.text.toString() &&
						(p.text.toString().match(/\[/g) ?? []).length === expected
				),
			'all three peers hold all 60 edits'
		);
		destroy(peers);
	});

	it('shows presence from the other instances, and removes it when the client leaves', async () => {
		const peers = peerPerInstance();
		await synced(peers);
		const [a, b, c] = peers as unknown as [RoamingPeer, RoamingPeer, RoamingPeer];
		a.provider.awareness.setLocalStateField('section', 'probleem');
		const seen = (peer: RoamingPeer) =>
			peer.provider.awareness.getStates().get(a.doc.clientID) as
				{ user?: { id?: string }; section?: string } | undefined;
		await until(() => seen(b)?.section === 'probleem' && seen(c)?.section === 'probleem', 'a on b and c');
		// The identity is the server's (from A's session), not what the client said.
		expect(seen(b)?.user?.id).toBe(room.owner.id);

		// The café facilitator view on the first instance lists the people on the other two.
		const admin = new ApiClient(instances[0]!.baseUrl, { cookie: `doetank_session=${sessionOf(room.owner)}` });
		const cafe = await admin.post<{ cafe: { id: string } }>('/api/v1/cafes', {
			title: 'Schaalcafé',
			day: '2026-03-12',
			doetankIds: [room.doetankId]
		});
		expect(cafe.status, cafe.text).toBe(201);
		b.provider.awareness.setLocalStateField('section', 'actielijst');
		c.provider.awareness.setLocalStateField('section', 'business-case');
		const present = async () => {
			const live = await admin.get<{ doetanks: { present: { userId: string; section: string | null }[] }[] }>(
				`/api/v1/cafes/${cafe.body.cafe.id}/live`
			);
			return live.body.doetanks[0]!.present.map((p) => `${p.userId}:${p.section}`).sort();
		};
		const expected = [
			`${room.members[0]!.id}:actielijst`,
			`${room.members[1]!.id}:business-case`,
			`${room.owner.id}:probleem`
		];
		for (let tries = 0; (await present()).join() !== expected.sort().join() && tries < 100; tries++) await sleep(50);
		expect(await present()).toEqual(expected.sort());

		a.provider.destroy();
		await until(() => !seen(b) && !seen(c), 'a gone from b and c');
		destroy([b, c]);
		for (let tries = 0; (await present()).length > 0 && tries < 100; tries++) await sleep(50);
		expect(await present()).toEqual([]);
	});

	it('closes the socket on another instance within 5 s when the member is removed', async () => {
		const guest = await addRoomMember(instances[0]!.baseUrl, room, 'Schaal gast', ['lid']);
		const socket = await openRawSocket(instances[2]!.baseUrl, sessionOf(guest), room.doetankId);
		const closed = closeCode(socket, 5_000);
		const owner = new ApiClient(instances[1]!.baseUrl, { cookie: `doetank_session=${sessionOf(room.owner)}` });
		const started = Date.now();
		expect((await owner.delete(`/api/v1/doetanks/${room.doetankId}/members/${guest.id}`)).status).toBe(204);
		expect(await closed).toBe(CLOSE.forbidden);
		expect(Date.now() - started).toBeLessThan(5_000);
	});

	it('keeps everything a client received when its instance is killed (kill -9)', async () => {
		const live = () => instances.filter((s) => s.running);
		let next = 0;
		const pick = () => {
			const up = live();
			return up[next++ % up.length]!.baseUrl;
		};
		// Both on the instance that will be killed, a third elsewhere.
		const victim = instances[2]!;
		const peers = sessions().map((session, i) =>
			connectRoaming(
				i < 2 ? () => (victim.running ? victim.baseUrl : pick()) : () => instances[0]!.baseUrl,
				session,
				room.doetankId
			)
		);
		await synced(peers);
		const texts = peers.map((p) => p.doc.getText('kill'));
		let typing = true;
		const typed = (async () => {
			for (let n = 0; typing; n++) {
				texts.forEach((t, i) => t.insert(t.length, `<${i}:${n}>`));
				await new Promise((r) => setTimeout(r, 10));
			}
		})();
		await new Promise((r) => setTimeout(r, 300));
		const received = texts.map((t) => t.toString());
		await victim.kill('SIGKILL');
		await new Promise((r) => setTimeout(r, 500));
		typing = false;
		await typed;
		await until(
			() => peers.every((p) => p.provider.wsconnected) && texts.every((t) => t.toString() === texts[0]!.toString()),
			'the peers reconnected elsewhere and converged',
			15_000
		);
		const final = texts[0]!.toString();
		for (const before of received) for (const mark of before.match(/<\d:\d+>/g) ?? []) expect(final).toContain(mark);
		destroy(peers);
		await victim.restart();
	}, 30_000);

	it('restarts every instance in turn (SIGTERM, 1012) while clients edit: nothing lost, each back within 2 s', async () => {
		let next = 0;
		const pick = () => {
			const up = instances.filter((s) => s.running);
			return up[next++ % up.length]!.baseUrl;
		};
		const peers = sessions().map((session) => connectRoaming(pick, session, room.doetankId));
		await synced(peers);
		const texts = peers.map((p) => p.doc.getText('rolling'));
		const gaps: number[] = [];
		for (const peer of peers) {
			let down: number | null = null;
			peer.provider.on('status', ({ status }: { status: string }) => {
				if (status === 'disconnected') down ??= Date.now();
				if (status === 'connected' && down !== null) {
					gaps.push(Date.now() - down);
					down = null;
				}
			});
		}
		let typing = true;
		let n = 0;
		const typed = (async () => {
			for (; typing; n++) {
				texts.forEach((t, i) => t.insert(t.length, `<${i}:${n}>`));
				await new Promise((r) => setTimeout(r, 20));
			}
		})();
		for (const instance of instances) {
			await instance.kill('SIGTERM');
			await instance.restart();
		}
		typing = false;
		await typed;
		await until(
			() =>
				peers.every((p) => p.provider.wsconnected) &&
				texts.every((t) => t.toString() === texts[0]!.toString() && (t.toString().match(/</g) ?? []).length === 3 * n),
			'every edit everywhere',
			15_000
		);
		expect(gaps.length).toBeGreaterThan(0);
		expect(Math.max(...gaps)).toBeLessThan(2_000);
		// What the clients hold is what the database holds: a fresh client gets all of it.
		const fresh = connectRoaming(() => instances[1]!.baseUrl, sessionOf(room.owner), room.doetankId, new Y.Doc());
		await synced([fresh]);
		expect(fresh.doc.getText('rolling').toString()).toBe(texts[0]!.toString());
		destroy([...peers, fresh]);
	}, 60_000);
});
