import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
	closeCode,
	connectPeer,
	openRawSocket,
	residentBytes,
	serverWithRoom,
	sessionOf,
	sleep,
	tcpOf,
	until,
	WS_CLOSE,
	type SyncPeer
} from './helpers/sync-client';

const MiB = 1024 * 1024;
const MAX_BUFFERED_BYTES = MiB;
const UPDATE_BYTES = 64 * 1024;
const UPDATES = 4096;
/** The writer waits for the normal reader after this many updates, so only the slow reader falls behind. */
const BATCH = 16;

/** Counts every close of a provider's socket. */
function countCloses(peer: SyncPeer): { closes: number } {
	const counter = { closes: 0 };
	peer.provider.on('connection-close', () => counter.closes++);
	return counter;
}

describe('a member who stops reading', () => {
	// The writer sends 4096 updates, 256 MiB, within seconds: far past a user's default update
	// budget (100 updates and 1 MiB a second), which is not what this test is about.
	const fixture = serverWithRoom(
		{
			SYNC_MAX_BUFFERED_BYTES: String(MAX_BUFFERED_BYTES),
			SYNC_USER_UPDATES_PER_SECOND: String(UPDATES),
			SYNC_USER_BYTES_PER_SECOND: String(1024 * MiB)
		},
		'Traag',
		2
	);

	it('is cut off while the others keep working, and the server memory stays bounded', async () => {
		const { server, room } = fixture;
		const writer = connectPeer(server.baseUrl, sessionOf(room.owner), room.doetankId);
		const reader = connectPeer(server.baseUrl, sessionOf(room.members[0]!), room.doetankId);
		const writerCloses = countCloses(writer);
		const readerCloses = countCloses(reader);
		await until(() => writer.provider.synced && reader.provider.synced, 'writer and reader synced');
		const slow = await openRawSocket(server.baseUrl, sessionOf(room.members[1]!), room.doetankId);
		slow.on('error', () => {});
		let slowMessages = 0;
		slow.on('message', () => slowMessages++);
		await sleep(100);
		tcpOf(slow).pause();

		const baseline = residentBytes(server.pid);

		// Each update replaces the previous value, so the document itself stays small. Without the
		// bound the server would hold everything the slow reader did not take (measured: +370 MiB).
		const blob = randomBytes(UPDATE_BYTES / 2).toString('hex');
		const writerMap: Y.Map<string> = writer.doc.getMap('blobs');
		const readerMap: Y.Map<string> = reader.doc.getMap('blobs');
		for (let i = 1; i <= UPDATES; i++) {
			writerMap.set('latest', `${i}:${blob}`);
			if (i % BATCH === 0)
				await until(() => readerMap.get('latest')?.startsWith(`${i}:`) ?? false, `the reader received update ${i}`);
		}
		const sent = UPDATES * UPDATE_BYTES;

		const growth = residentBytes(server.pid, true) - baseline;

		expect(readerMap.get('latest')).toBe(writerMap.get('latest'));
		expect(writerCloses.closes + readerCloses.closes, 'the writer and the normal reader stayed connected').toBe(0);
		// Garbage of the churn alone accounts for about 60 MiB.
		expect(growth, `peak RSS grew ${(growth / MiB).toFixed(1)} MiB while ${sent / MiB} MiB were sent`).toBeLessThan(
			sent * 0.4
		);

		// The server dropped the slow socket without a close frame: once it reads again it sees the end.
		const closed = closeCode(slow);
		tcpOf(slow).resume();
		expect(await closed).toBe(WS_CLOSE.abnormal);
		expect(slowMessages, 'the slow reader got only part of the updates').toBeLessThan(UPDATES);

		writer.provider.destroy();
		reader.provider.destroy();
	}, 60_000);
});

describe('heartbeat', () => {
	const fixture = serverWithRoom({ SYNC_HEARTBEAT_MS: '300' }, 'Hartslag', 1);

	it('drops a socket that stops answering pings and keeps one that answers', async () => {
		const { server, room } = fixture;
		const normal = connectPeer(server.baseUrl, sessionOf(room.owner), room.doetankId);
		const normalCloses = countCloses(normal);
		await until(() => normal.provider.synced, 'the normal member synced');
		const silent = await openRawSocket(server.baseUrl, sessionOf(room.members[0]!), room.doetankId);
		silent.on('error', () => {});
		tcpOf(silent).pause();

		await sleep(1_500);
		const closed = closeCode(silent);
		tcpOf(silent).resume();
		expect(await closed).toBe(WS_CLOSE.abnormal);
		expect(normalCloses.closes).toBe(0);
		expect(normal.provider.wsconnected).toBe(true);

		const other = connectPeer(server.baseUrl, sessionOf(room.members[0]!), room.doetankId);
		await until(() => other.provider.synced, 'a new member synced');
		other.doc.getText('t').insert(0, 'hallo');
		await until(() => normal.doc.getText('t').toString() === 'hallo', 'the normal member still receives edits');
		other.provider.destroy();
		normal.provider.destroy();
	});
});
