import type WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, encodeSync, SYNC_UPDATE } from '../../server/sync/protocol';
import type { TestServer } from './helpers/server';
import {
	closeCode,
	connectPeer,
	openRawSocket,
	serverWithRoom,
	sessionOf,
	sleep,
	tcpOf,
	until,
	type SyncRoom
} from './helpers/sync-client';
import type { Registered } from './helpers/client';

/** A sync update message that writes `text` into the shared text `t`. */
function textUpdate(text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('t').insert(0, text);
	return encodeSync(SYNC_UPDATE, Y.encodeStateAsUpdate(doc));
}

/**
 * What the Doetank holds for its owner: both the live copy of an owner who stayed connected and
 * a fresh load by a new connection.
 */
async function ownerSees(server: TestServer, room: SyncRoom, text: string, live: Y.Doc): Promise<boolean[]> {
	const fresh = connectPeer(server.baseUrl, sessionOf(room.owner), room.doetankId);
	await until(() => fresh.provider.synced, 'a fresh owner client synced');
	const seen = [live, fresh.doc].map((doc) => doc.getText('t').toString().includes(text));
	fresh.provider.destroy();
	return seen;
}

describe('messages after the server decided to close a socket', () => {
	const fixture = serverWithRoom({}, 'Intrekken', 1, { each: true });

	it.each([
		[
			'removed from the Doetank',
			CLOSE.forbidden,
			(room: SyncRoom, member: Registered) =>
				room.owner.client.delete(`/api/v1/doetanks/${room.doetankId}/members/${member.id}`)
		],
		[
			'logged out',
			CLOSE.unauthenticated,
			(_room: SyncRoom, member: Registered) => member.client.delete('/api/v1/session')
		]
	])('are not applied for a member %s whose client ignores the close frame', async (_how, code, revoke) => {
		const { server, room } = fixture;
		const member = room.members[0]!;
		const owner = connectPeer(server.baseUrl, sessionOf(room.owner), room.doetankId);
		await until(() => owner.provider.synced, 'the owner synced');
		// One socket keeps reading to tell when the server acted; the other never reads the close frame.
		const watching = await openRawSocket(server.baseUrl, sessionOf(member), room.doetankId);
		const deaf = await openRawSocket(server.baseUrl, sessionOf(member), room.doetankId);
		deaf.on('error', () => {});
		await sleep(100);
		tcpOf(deaf).pause();

		const watched = closeCode(watching);
		expect((await revoke(room, member)).status).toBe(204);
		expect(await watched).toBe(code);
		await sleep(300);
		deaf.send(textUpdate('na het intrekken'));
		await sleep(1_000);

		expect(
			await ownerSees(server, room, 'na het intrekken', owner.doc),
			'written after the close: [broadcast live, stored]'
		).toEqual([false, false]);
		owner.provider.destroy();
		deaf.terminate();
	});

	it('are not applied when an earlier message on the same socket was malformed (4400)', async () => {
		const { server, room } = fixture;
		const owner = connectPeer(server.baseUrl, sessionOf(room.owner), room.doetankId);
		await until(() => owner.provider.synced, 'the owner synced');
		const ws: WebSocket = await openRawSocket(server.baseUrl, sessionOf(room.members[0]!), room.doetankId);
		const closed = closeCode(ws);
		ws.send(new Uint8Array([0xff, 0xff, 0xff]));
		ws.send(textUpdate('na de onzin'));
		expect(await closed).toBe(CLOSE.badMessage);
		await sleep(500);

		expect(
			await ownerSees(server, room, 'na de onzin', owner.doc),
			'written after the close: [broadcast live, stored]'
		).toEqual([false, false]);
		owner.provider.destroy();
	});
});
