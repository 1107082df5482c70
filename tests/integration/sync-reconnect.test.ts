import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { decodeClientMessage } from '../../server/sync/protocol';
import {
	connectPeer,
	openRawSocket,
	serverWithRoom,
	sessionOf,
	sleep,
	until,
	type SyncPeer,
	type SyncRoom
} from './helpers/sync-client';

/** Resolves once the provider has (re)connected and synced. */
async function reconnect(peer: SyncPeer): Promise<void> {
	peer.provider.disconnect();
	await until(() => !peer.provider.wsconnected, 'disconnected');
	peer.provider.connect();
	await until(() => peer.provider.synced, 'synced again');
}

/** How many automatic history versions the room's Doetank has, as its owner reads them. */
async function autoVersions(room: SyncRoom): Promise<number> {
	const res = await room.owner.client.get(`/api/v1/doetanks/${room.doetankId}/history/versions`);
	expect(res.status).toBe(200);
	return (res.body as { versions: { kind: string }[] }).versions.filter((v) => v.kind === 'auto').length;
}

const GRACE_MS = 1_000;

describe('a client that reconnects', () => {
	const fixture = serverWithRoom({ SYNC_GRACE_MS: String(GRACE_MS) }, 'Terugkomen', 1);

	it('stores and sends on nothing when its sync step 2 only repeats the document (deletions included)', async () => {
		const { server, room } = fixture;
		const owner = connectPeer(server.baseUrl, sessionOf(room.owner), room.doetankId);
		await until(() => owner.provider.synced, 'the owner synced');
		const text = owner.doc.getText('probleem');
		text.insert(0, 'Wie heeft er last van, en waarom nu?');
		text.delete(0, 4);
		text.delete(10, 3);
		// The member's raw socket counts every document update the server sends it.
		const member = await openRawSocket(server.baseUrl, sessionOf(room.members[0]!), room.doetankId);
		let updates = 0;
		member.on('message', (data: Buffer) => {
			if (decodeClientMessage(new Uint8Array(data)).kind === 'update') updates++;
		});
		const db = createClient({ url: server.databaseUrl });
		const lastSeq = async () =>
			Number(
				(
					await db.execute({
						sql: 'SELECT max(seq) AS s FROM doc_updates WHERE doetank_id = ?',
						args: [room.doetankId]
					})
				).rows[0]!.s
			);
		await until(() => owner.provider.synced, 'edits sent');
		await sleep(300);
		const before = await lastSeq();
		expect(before).toBeGreaterThan(0);
		updates = 0;

		for (let i = 0; i < 5; i++) await reconnect(owner);
		await sleep(300);
		expect(await lastSeq()).toBe(before);
		expect(updates).toBe(0);

		// A deletion made while away is something: stored and sent on once.
		owner.provider.disconnect();
		text.delete(0, 1);
		owner.provider.connect();
		await until(() => updates === 1, 'the deletion made offline reached the member');
		expect(await lastSeq()).toBe(before + 1);

		owner.provider.destroy();
		member.close();
		db.close();
	});

	it('cuts no history version for a wifi drop; it does once everyone has left for longer than SYNC_GRACE_MS', async () => {
		const { server, room } = fixture;
		const versions = () => autoVersions(room);
		const owner = connectPeer(server.baseUrl, sessionOf(room.owner), room.doetankId);
		await until(() => owner.provider.synced, 'the owner synced');
		await sleep(GRACE_MS + 500);
		const before = await versions();
		owner.doc.getText('probleem').insert(0, 'Voor de storing. ');
		await sleep(300);
		// Everyone gone for a moment (the only one here), back well within the grace.
		await reconnect(owner);
		await sleep(GRACE_MS + 500);
		expect(await versions()).toBe(before);
		owner.provider.destroy();
		await expect.poll(versions, { timeout: GRACE_MS + 5_000 }).toBe(before + 1);
	});
});

describe('a server that stops while a document waits out its grace', () => {
	// A grace far longer than the test: only the shutdown can unload the document.
	const fixture = serverWithRoom({ SYNC_GRACE_MS: '600000' }, 'Herstart', 1);

	it('cuts the version of what the last person wrote before it exits (SIGTERM), not after the restart', async () => {
		const { server, room } = fixture;
		const versions = () => autoVersions(room);
		const before = await versions();
		const owner = connectPeer(server.baseUrl, sessionOf(room.owner), room.doetankId);
		await until(() => owner.provider.synced, 'the owner synced');
		owner.doc.getText('probleem').insert(0, 'Geschreven vlak voor de herstart. ');
		await sleep(300);
		owner.provider.destroy();
		await sleep(300);
		expect(await versions()).toBe(before);

		await server.kill('SIGTERM');
		await server.restart();
		expect(await versions()).toBe(before + 1);
	});
});
