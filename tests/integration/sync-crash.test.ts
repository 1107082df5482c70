import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { startServer, type TestServer } from './helpers/server';
import { connectPeer, createRoom, sessionOf, sleep, until, type SyncPeer, type SyncRoom } from './helpers/sync-client';

const EDITS_PER_PEER = 300;

interface Editor extends SyncPeer {
	name: string;
	markers: Y.Array<string>;
	/** Markers that arrived from the server (remote origin) while the first process lived. */
	received: Set<string>;
	/** Set once this editor's socket to the killed process has closed. */
	cutOff: boolean;
}

/** Every marker, and whether some marker occurs more than once. */
function contents(markers: Y.Array<string>): { all: string[]; duplicates: string[] } {
	const all = markers.toArray();
	const seen = new Set<string>();
	const duplicates = all.filter((m) => seen.has(m) || !seen.add(m));
	return { all, duplicates };
}

describe('sync server killed with SIGKILL while members edit', () => {
	let server: TestServer;
	let room: SyncRoom;
	const peers: SyncPeer[] = [];

	beforeAll(async () => {
		server = await startServer();
		room = await createRoom(server.baseUrl, 'Crash', 2);
	});
	afterAll(async () => {
		for (const p of peers) p.provider.destroy();
		await server?.stop();
	});

	it('keeps every edit any client had received from the server, without duplicates, and the clients converge again', async () => {
		const people = [room.owner, ...room.members];
		const editors: Editor[] = people.map((who, i) => {
			const peer = connectPeer(server.baseUrl, sessionOf(who), room.doetankId);
			peers.push(peer);
			const editor: Editor = {
				...peer,
				name: `p${i}`,
				markers: peer.doc.getArray<string>('markers'),
				received: new Set(),
				cutOff: false
			};
			editor.markers.observe((event) => {
				if (editor.cutOff || event.transaction.origin !== editor.provider) return;
				for (const change of event.changes.delta)
					for (const m of (change.insert as string[] | undefined) ?? []) editor.received.add(m);
			});
			editor.provider.on('connection-close', () => {
				editor.cutOff = true;
			});
			return editor;
		});
		await until(() => editors.every((e) => e.provider.synced), 'all editors synced');

		// Kill somewhere between 30% and 80% of all edits, while every editor is still typing.
		const total = EDITS_PER_PEER * editors.length;
		const killAt = Math.floor(total * (0.3 + Math.random() * 0.5));
		let made = 0;
		let killed: Promise<void> | null = null;
		const typing = editors.map(async (editor) => {
			for (let i = 0; i < EDITS_PER_PEER; i++) {
				const at = Math.floor(Math.random() * (editor.markers.length + 1));
				editor.markers.insert(at, [`${editor.name}:${i}`]);
				if (++made === killAt) {
					// The editors must not reconnect on their own: they would re-send what they hold
					// and hide any loss from the fresh client below.
					for (const e of editors) e.provider.shouldConnect = false;
					killed = server.kill('SIGKILL');
				}
				await sleep(Math.random() * 4);
			}
		});
		await Promise.all(typing);
		expect(killed, 'the server was killed while editing').not.toBeNull();
		await killed;
		await until(() => editors.every((e) => e.cutOff), 'every editor noticed the crash');

		const required = new Set(editors.flatMap((e) => [...e.received]));
		for (const e of editors)
			expect(e.received.size, `${e.name} received edits before the kill (kill at ${killAt})`).toBeGreaterThan(0);

		await server.restart();
		const fresh = connectPeer(server.baseUrl, sessionOf(room.owner), room.doetankId);
		peers.push(fresh);
		await until(() => fresh.provider.synced, 'a fresh client synced with the restarted server');
		const restored = contents(fresh.doc.getArray<string>('markers'));
		const missing = [...required].filter((m) => !restored.all.includes(m));
		expect(missing, `kill at edit ${killAt} of ${total}; ${required.size} markers had been received`).toEqual([]);
		expect(restored.duplicates).toEqual([]);

		// Reconnecting editors re-send what only they held: afterwards everyone has every edit once.
		for (const e of editors) e.provider.connect();
		const everyone = [...editors, { ...fresh, markers: fresh.doc.getArray<string>('markers') }];
		await until(() => everyone.every((p) => p.markers.length === total), 'every client holds every edit', 15_000);
		const reference = editors[0]!.markers.toArray();
		for (const p of everyone) {
			expect(p.markers.toArray()).toEqual(reference);
			expect(contents(p.markers).duplicates).toEqual([]);
		}
		expect(new Set(reference)).toEqual(
			new Set(editors.flatMap((e) => Array.from({ length: EDITS_PER_PEER }, (_, i) => `${e.name}:${i}`)))
		);
	}, 45_000);
});
