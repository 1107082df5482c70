import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createClient } from '@libsql/client';
import { CLOSE } from '../../server/sync/protocol';
import { ApiClient } from './helpers/client';
import { connectRoaming, metricOf, useScaleCluster, type RoamingPeer } from './helpers/scale';
import { nextDashboardChange } from './helpers/sse';
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
	const cluster = useScaleCluster(3, { label: 'Schaal', members: 2 });

	const sessions = () => [sessionOf(cluster.room.owner), ...cluster.room.members.map(sessionOf)];
	/** One peer per instance (the owner on the first, each member on the next). */
	const peerPerInstance = (text = 'probleem') =>
		sessions().map((session, i) => {
			const peer = connectRoaming(() => cluster.instances[i]!.baseUrl, session, cluster.room.doetankId);
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
		expect(seen(b)?.user?.id).toBe(cluster.room.owner.id);

		// The café facilitator view on the first instance lists the people on the other two.
		const admin = new ApiClient(cluster.instances[0]!.baseUrl, {
			cookie: `doetank_session=${sessionOf(cluster.room.owner)}`
		});
		const cafe = await admin.post<{ cafe: { id: string } }>('/api/v1/cafes', {
			title: 'Schaalcafé',
			day: '2026-03-12',
			doetankIds: [cluster.room.doetankId]
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
			`${cluster.room.members[0]!.id}:actielijst`,
			`${cluster.room.members[1]!.id}:business-case`,
			`${cluster.room.owner.id}:probleem`
		];
		for (let tries = 0; (await present()).join() !== expected.sort().join() && tries < 100; tries++) await sleep(50);
		expect(await present()).toEqual(expected.sort());

		a.provider.destroy();
		await until(() => !seen(b) && !seen(c), 'a gone from b and c');
		destroy([b, c]);
		for (let tries = 0; (await present()).length > 0 && tries < 100; tries++) await sleep(50);
		expect(await present()).toEqual([]);
	});

	it('tells a coach dashboard on another instance of a membership change made on the first', async () => {
		const stream = await nextDashboardChange(cluster.instances[2]!.baseUrl, sessionOf(cluster.room.owner));
		try {
			await addRoomMember(cluster.instances[0]!.baseUrl, cluster.room, 'Dashboardlid', ['lid']);
			await stream.wait;
		} finally {
			stream.close();
		}
	});

	it('closes the socket on another instance within 5 s when the member is removed', async () => {
		const guest = await addRoomMember(cluster.instances[0]!.baseUrl, cluster.room, 'Schaal gast', ['lid']);
		const socket = await openRawSocket(cluster.instances[2]!.baseUrl, sessionOf(guest), cluster.room.doetankId);
		const closed = closeCode(socket, 5_000);
		const owner = new ApiClient(cluster.instances[1]!.baseUrl, {
			cookie: `doetank_session=${sessionOf(cluster.room.owner)}`
		});
		const started = Date.now();
		expect((await owner.delete(`/api/v1/doetanks/${cluster.room.doetankId}/members/${guest.id}`)).status).toBe(204);
		expect(await closed).toBe(CLOSE.forbidden);
		expect(Date.now() - started).toBeLessThan(5_000);
	});

	it('keeps everything a client received when its instance is killed (kill -9)', async () => {
		const live = () => cluster.instances.filter((s) => s.running);
		let next = 0;
		const pick = () => {
			const up = live();
			return up[next++ % up.length]!.baseUrl;
		};
		// Both on the instance that will be killed, a third elsewhere.
		const victim = cluster.instances[2]!;
		const peers = sessions().map((session, i) =>
			connectRoaming(
				i < 2 ? () => (victim.running ? victim.baseUrl : pick()) : () => cluster.instances[0]!.baseUrl,
				session,
				cluster.room.doetankId
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
			const up = cluster.instances.filter((s) => s.running);
			return up[next++ % up.length]!.baseUrl;
		};
		const peers = sessions().map((session) => connectRoaming(pick, session, cluster.room.doetankId));
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
		for (const instance of cluster.instances) {
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
		const fresh = connectRoaming(
			() => cluster.instances[1]!.baseUrl,
			sessionOf(cluster.room.owner),
			cluster.room.doetankId,
			new Y.Doc()
		);
		await synced([fresh]);
		expect(fresh.doc.getText('rolling').toString()).toBe(texts[0]!.toString());
		destroy([...peers, fresh]);
	}, 60_000);
});

const METRICS_TOKEN = 'scale-cluster-metrics-token';
/** Short enough that a test sees several automatic versions come due. */
const VERSION_INTERVAL_MS = 1_500;

/** The document as a fresh load reads it from the shared database: the snapshot and the log after it. */
async function storedText(databaseUrl: string, doetankId: string, name: string): Promise<string> {
	const db = createClient({ url: databaseUrl });
	try {
		const [snapshot, updates] = await db.batch(
			[
				{ sql: 'SELECT state, seq FROM doc_snapshots WHERE doetank_id = ?', args: [doetankId] },
				{
					sql: `SELECT update_data FROM doc_updates WHERE doetank_id = ?
						AND seq > coalesce((SELECT seq FROM doc_snapshots WHERE doetank_id = ?), 0) ORDER BY seq`,
					args: [doetankId, doetankId]
				}
			],
			'read'
		);
		const doc = new Y.Doc();
		const state = snapshot!.rows[0]?.state;
		if (state) Y.applyUpdate(doc, new Uint8Array(state as ArrayBuffer));
		for (const row of updates!.rows) Y.applyUpdate(doc, new Uint8Array(row.update_data as ArrayBuffer));
		return doc.getText(name).toString();
	} finally {
		db.close();
	}
}

/** The automatic versions of a document, oldest first. */
async function automaticVersions(databaseUrl: string, doetankId: string): Promise<{ seq: number; at: number }[]> {
	const db = createClient({ url: databaseUrl });
	try {
		const { rows } = await db.execute({
			sql: "SELECT seq, created_at FROM doc_versions WHERE doetank_id = ? AND kind = 'auto' ORDER BY created_at",
			args: [doetankId]
		});
		return rows.map((r) => ({ seq: Number(r.seq), at: Number(r.created_at) }));
	} finally {
		db.close();
	}
}

/** Two instances that both compact and cut versions of the same document (small bounds, so it happens often). */
describe('scale-out: compaction and versions on two instances at once', () => {
	const cluster = useScaleCluster(
		2,
		{ label: 'Samen vouwen', members: 1 },
		{
			env: {
				METRICS_TOKEN,
				SYNC_COMPACT_UPDATES: '25',
				SYNC_GRACE_MS: '300',
				HISTORY_VERSION_INTERVAL_MS: String(VERSION_INTERVAL_MS)
			}
		}
	);
	/** The room's owner on the first instance, its member on the second. */
	const pair = (room: SyncRoom) =>
		[sessionOf(room.owner), sessionOf(room.members[0]!)].map((session, i) =>
			connectRoaming(() => cluster.instances[i]!.baseUrl, session, room.doetankId)
		);
	/** Both peers type into `name`, every `everyMs`, for `ms`; resolves with the number of rounds. */
	async function typeTogether(peers: RoamingPeer[], name: string, ms: number, everyMs: number): Promise<number> {
		const texts = peers.map((p) => p.doc.getText(name));
		let n = 0;
		for (const end = Date.now() + ms; Date.now() < end; n++) {
			texts.forEach((t, i) => t.insert(n % 2 ? 0 : t.length, `<${i}:${n}>`));
			await sleep(everyMs);
		}
		return n;
	}

	it('loses nothing when both instances compact the log at once; both and a fresh load hold the same text', async () => {
		const { doetankId } = cluster.room;
		const peers = pair(cluster.room);
		await until(() => peers.every((p) => p.provider.synced), 'synced');
		const compactions = () =>
			Promise.all(cluster.instances.map((s) => metricOf(s, METRICS_TOKEN, 'doetank_sync_compaction_seconds_count')));
		const before = await compactions();
		const rounds = await typeTogether(peers, 'vouwen', 3_000, 10);
		const texts = peers.map((p) => p.doc.getText('vouwen'));
		await until(
			() =>
				texts.every(
					(t) => t.toString() === texts[0]!.toString() && (t.toString().match(/</g) ?? []).length === 2 * rounds
				),
			'both peers hold every edit',
			15_000
		);
		// Each instance folded the log (25 updates of its own clients) several times while the other did too.
		const after = await compactions();
		after.forEach((n, i) => expect(n - before[i]!).toBeGreaterThanOrEqual(2));
		const final = texts[0]!.toString();
		// A new client on either instance (the documents are still loaded)...
		const fresh = cluster.instances.map((s) =>
			connectRoaming(() => s.baseUrl, sessionOf(cluster.room.owner), doetankId, new Y.Doc())
		);
		await until(() => fresh.every((p) => p.provider.synced), 'fresh clients synced');
		for (const p of fresh) expect(p.doc.getText('vouwen').toString()).toBe(final);
		[...peers, ...fresh].forEach((p) => p.provider.destroy());
		// ...and the database itself, once both instances folded and unloaded the document (SYNC_GRACE_MS).
		const loaded = () =>
			Promise.all(cluster.instances.map((s) => metricOf(s, METRICS_TOKEN, 'doetank_sync_documents_loaded')));
		for (let tries = 0; (await loaded()).some((n) => n > 0) && tries < 100; tries++) await sleep(100);
		expect(await loaded()).toEqual([0, 0]);
		expect(await storedText(cluster.instances[0]!.databaseUrl, doetankId, 'vouwen')).toBe(final);
		const reloaded = connectRoaming(() => cluster.instances[1]!.baseUrl, sessionOf(cluster.room.owner), doetankId);
		await until(() => reloaded.provider.synced, 'reloaded');
		expect(reloaded.doc.getText('vouwen').toString()).toBe(final);
		reloaded.provider.destroy();
	}, 40_000);

	it('cuts one automatic version per interval, however many instances serve the document', async () => {
		const room = await createRoom(cluster.instances[0]!.baseUrl, 'Versies', 1);
		const { doetankId } = room;
		const peers = pair(room);
		await until(() => peers.every((p) => p.provider.synced), 'synced');
		// Both instances' clocks start within milliseconds of each other: each would cut at the same moment.
		await typeTogether(peers, 'versies', 3 * VERSION_INTERVAL_MS + 500, 50);
		const versions = await automaticVersions(cluster.instances[0]!.databaseUrl, doetankId);
		peers.forEach((p) => p.provider.destroy());
		expect(versions.length).toBeGreaterThanOrEqual(2);
		expect(new Set(versions.map((v) => v.seq)).size).toBe(versions.length);
		for (let i = 1; i < versions.length; i++) {
			expect(versions[i]!.at - versions[i - 1]!.at).toBeGreaterThanOrEqual(VERSION_INTERVAL_MS);
		}
	}, 30_000);
});
