import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { loadConfig } from '$lib/server/config';
import { addAction, readCanvases, WORKSPACE_SCHEMA_VERSION } from '$lib/domain/workspace';
import { readDocument } from '$lib/server/db/doc-log';
import type { AddMemberInput } from '$lib/validation/schemas';
import { createServices, type Services } from '$lib/server/services';
import { createAppServer } from '../app';
import * as decoding from 'lib0/decoding';
import { CLOSE, encodeSaved, encodeSync, MESSAGE_SAVED, MESSAGE_STATUS, SYNC_UPDATE } from './protocol';
import { createSyncServer, type SyncServer } from './server';
import { upgradeStatus as upgradeStatusAt } from '../../tests/integration/helpers/sync-client';

let dir: string;
let services: Services;
let sync: SyncServer;
let http: Server;
let base: string;
let doetankId: string;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

async function account(name: string): Promise<void> {
	const { userId, session } = await services.auth.register(
		{ email: `${name}@sync.test`, name, password: 'een-lang-wachtwoord' },
		{ ip: '127.0.0.1', userAgent: 'test' }
	);
	ids[name] = userId;
	cookies[name] = `doetank_session=${session.id}`;
}

const actor = (name: string) => ({ id: ids[name]!, networkRole: 'member' as const });

/** Invites the account by e-mail and accepts for it from its inbox (adding asks for consent). */
async function addMember(inviter: ReturnType<typeof actor>, room: string, input: AddMemberInput): Promise<void> {
	await services.invitations.inviteByEmail(inviter, room, input);
	const invitee = actor(input.email.split('@')[0]!);
	const { items } = await services.notifications.inbox(invitee);
	const link = items.find((i) => i.kind === 'member_invited' && i.doetankId === room)!.link;
	await services.invitations.accept(invitee, link.slice('/invite/'.length));
}

function connect(name: string, doc = new Y.Doc(), room = doetankId) {
	const cookie = cookies[name] ?? '';
	class CookieSocket extends WebSocket {
		constructor(url: string, protocols?: string | string[]) {
			super(url, protocols, { headers: { cookie } });
		}
	}
	const provider = new WebsocketProvider(`${base.replace('http', 'ws')}/sync`, room, doc, {
		WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		maxBackoffTime: 200
	});
	return { doc, provider, text: doc.getText('probleemdefinitie') };
}

function until(check: () => boolean, ms = 4000): Promise<void> {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const tick = () => {
			if (check()) return resolve();
			if (Date.now() - started > ms) return reject(new Error('condition not met in time'));
			setTimeout(tick, 10);
		};
		tick();
	});
}

const upgradeStatus = (path: string, cookie?: string) => upgradeStatusAt(base, path, cookie ? { cookie } : {});

/** How many updates were ever stored: sequence numbers count them, whether compacted or not. */
async function storedUpdates(): Promise<number> {
	return (await readDocument(services.db, doetankId)).lastSeq;
}

async function startSync(): Promise<void> {
	// A tiny compaction bound, so these tests also run against snapshots and day checkpoints.
	sync = createSyncServer(services, { graceMs: 20, compactUpdates: 3 });
	http = createAppServer((_req, res) => res.writeHead(404).end(), { '/sync': sync.handleUpgrade });
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const address = http.address();
	base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'doetank-sync-'));
	services = await createServices(
		loadConfig({ DATABASE_URL: `file:${join(dir, 'db.sqlite')}`, DEMO: '0', LOG_LEVEL: 'silent' })
	);
	for (const name of ['ann', 'bob', 'carl', 'mila', 'olga', 'eve']) await account(name);
	doetankId = await services.doetanks.create(actor('ann'), { name: 'Sync', onderwerp: 'o', beoogdDoel: 'd' });
	await addMember(actor('ann'), doetankId, {
		email: 'bob@sync.test',
		roles: ['lid'],
		lidType: 'kern',
		directStake: true
	});
	await addMember(actor('ann'), doetankId, {
		email: 'carl@sync.test',
		roles: ['lid'],
		lidType: 'schil',
		directStake: false
	});
	await addMember(actor('ann'), doetankId, {
		email: 'mila@sync.test',
		roles: ['meekijker'],
		lidType: null,
		directStake: false
	});
	await addMember(actor('ann'), doetankId, {
		email: 'olga@sync.test',
		roles: ['opdrachtgever'],
		lidType: null,
		directStake: false
	});
	await startSync();
});

afterAll(async () => {
	await sync?.close();
	http?.close();
	services?.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('sync endpoint', () => {
	it('refuses before upgrading: no session 401, outsider 403, unknown Doetank 404', async () => {
		expect(await upgradeStatus(`/sync/${doetankId}`)).toBe(401);
		expect(await upgradeStatus(`/sync/${doetankId}`, 'doetank_session=forged')).toBe(401);
		expect(await upgradeStatus(`/sync/${doetankId}`, cookies.eve)).toBe(403);
		expect(await upgradeStatus('/sync/does-not-exist', cookies.ann)).toBe(404);
		expect(await upgradeStatus(`/sync/${doetankId}`, cookies.ann)).toBe(101);
	});

	it('converges concurrent edits of two members; a later member receives the full state', async () => {
		const a = connect('ann');
		const b = connect('bob');
		await until(() => a.provider.synced && b.provider.synced);
		a.text.insert(0, 'Voor wie ');
		b.text.insert(0, 'is dit een probleem? ');
		await until(() => a.text.toString() === b.text.toString() && a.text.length === 30);
		const c = connect('carl');
		await until(() => c.provider.synced && c.text.toString() === a.text.toString());
		for (const p of [a, b, c]) p.provider.destroy();
	});

	it('drops the writes of read-only roles while they still receive edits', async () => {
		const before = await storedUpdates();
		const ann = connect('ann');
		const mila = connect('mila');
		const olga = connect('olga');
		await until(() => ann.provider.synced && mila.provider.synced && olga.provider.synced);
		const start = ann.text.toString();
		mila.text.insert(0, 'MEEKIJKER ');
		olga.text.insert(0, 'OPDRACHTGEVER ');
		ann.text.insert(ann.text.length, ' Nu.');
		await until(() => mila.text.toString().endsWith(' Nu.') && olga.text.toString().endsWith(' Nu.'));
		await new Promise((r) => setTimeout(r, 200));
		expect(ann.text.toString()).toBe(`${start} Nu.`);
		expect(await storedUpdates()).toBe(before + 1);
		for (const p of [ann, mila, olga]) p.provider.destroy();
	});

	it('keeps two quick edits of a client that leaves at once for the next client', async () => {
		const a = connect('ann');
		await until(() => a.provider.synced);
		a.text.insert(0, 'een ');
		a.text.insert(0, 'twee ');
		const expected = a.text.toString();
		a.provider.destroy();
		const b = connect('bob');
		await until(() => b.provider.synced && b.text.toString() === expected);
		b.provider.destroy();
	});

	it('folds a long log left by an earlier process when the document loads, and counts the load', async () => {
		const room = await services.doetanks.create(actor('ann'), { name: 'Lang log', onderwerp: 'o', beoogdDoel: 'd' });
		// 20 updates in the log and no compactor that counted them, as after a process that stopped early.
		const writer = new Y.Doc();
		const updates: Uint8Array[] = [];
		writer.on('update', (u: Uint8Array) => updates.push(u));
		for (const c of 'twintig letters lang') writer.getText('probleemdefinitie').insert(0, c);
		const { lastSeq } = await readDocument(services.db, room);
		await services.updates.append(
			updates.map((update, i) => ({ doetankId: room, seq: lastSeq + 1 + i, update, userId: ids.ann!, at: Date.now() }))
		);
		const loads = async () =>
			Number((await sync.metrics.metrics()).match(/^doetank_sync_document_load_seconds_count (\d+)$/m)?.[1] ?? 0);
		const before = await loads();
		const a = connect('ann', new Y.Doc(), room);
		await until(() => a.provider.synced && a.text.length === 20);
		expect(await loads()).toBe(before + 1);
		await sync.compactor.idle();
		// What the next load replays after the snapshot: below the bound of 3, not the 20 left behind.
		expect((await readDocument(services.db, room)).updates.length).toBeLessThan(3);
		expect(a.text.toString()).toBe(writer.getText('probleemdefinitie').toString());
		a.provider.destroy();
	});

	it('folds the log into the snapshot when the document unloads, below the bound too', async () => {
		const room = await services.doetanks.create(actor('ann'), { name: 'Kort log', onderwerp: 'o', beoogdDoel: 'd' });
		const a = connect('ann', new Y.Doc(), room);
		await until(() => a.provider.synced);
		a.text.insert(0, 'ab');
		const written = a.text.toString();
		await until(() => false, 300).catch(() => undefined);
		expect((await readDocument(services.db, room)).updates.length).toBeGreaterThan(0);
		a.provider.destroy();
		// Below the bound of 3 nothing compacts while the document is open; the unload (after a grace
		// of 20 ms) folds what is left.
		let stored = await readDocument(services.db, room);
		const started = Date.now();
		while ((stored.updates.length > 0 || !stored.snapshot) && Date.now() - started < 4000) {
			await new Promise((r) => setTimeout(r, 20));
			await sync.compactor.idle();
			stored = await readDocument(services.db, room);
		}
		expect(stored.updates).toHaveLength(0);
		const again = connect('ann', new Y.Doc(), room);
		await until(() => again.provider.synced && again.text.toString() === written);
		again.provider.destroy();
	});

	it('closes the socket of a removed member within 5 seconds', async () => {
		await account('tijdelijk');
		await addMember(actor('ann'), doetankId, {
			email: 'tijdelijk@sync.test',
			roles: ['lid'],
			lidType: null,
			directStake: false
		});
		const t = connect('tijdelijk');
		await until(() => t.provider.synced);
		const closed = new Promise<number>((resolve) =>
			t.provider.ws?.addEventListener('close', (e) => resolve((e as CloseEvent).code))
		);
		t.provider.shouldConnect = false;
		const removedAt = Date.now();
		await services.doetanks.removeMember(actor('ann'), doetankId, ids.tijdelijk!);
		expect(await closed).toBe(CLOSE.forbidden);
		expect(Date.now() - removedAt).toBeLessThan(5000);
		t.provider.destroy();
	});

	it('closes only the connection that sends garbage', async () => {
		const a = connect('ann');
		await until(() => a.provider.synced);
		const raw = new WebSocket(`${base.replace('http', 'ws')}/sync/${doetankId}`, { headers: { cookie: cookies.bob! } });
		await new Promise((r) => raw.once('open', r));
		const code = new Promise<number>((resolve) => raw.once('close', (c) => resolve(c)));
		raw.send(new Uint8Array([0xff, 0xff, 0xff]));
		expect(await code).toBe(CLOSE.badMessage);
		a.text.insert(0, '!');
		const b = connect('bob');
		await until(() => b.provider.synced && b.text.toString() === a.text.toString());
		for (const p of [a, b]) p.provider.destroy();
	});

	it('tells clients while writing fails, keeps the update, and delivers it once the database is back', async () => {
		const a = connect('ann');
		const b = connect('bob');
		const statuses: string[] = [];
		a.provider.messageHandlers[MESSAGE_STATUS] = (_enc, decoder) => {
			statuses.push((JSON.parse(decoding.readVarString(decoder)) as { persistence: string }).persistence);
		};
		await until(() => a.provider.synced && b.provider.synced);
		const before = await storedUpdates();
		await services.db.execute('ALTER TABLE doc_updates RENAME TO doc_updates_away');
		try {
			a.text.insert(0, 'schijf vol? ');
			await until(() => statuses.includes('failing'));
			// Write-ahead: nobody sees an update the database has not taken.
			expect(b.text.toString().startsWith('schijf vol? ')).toBe(false);
		} finally {
			await services.db.execute('ALTER TABLE doc_updates_away RENAME TO doc_updates');
		}
		await until(() => statuses.at(-1) === 'ok' && b.text.toString() === a.text.toString(), 8000);
		expect(await storedUpdates()).toBe(before + 1);
		for (const p of [a, b]) p.provider.destroy();
	});

	it('answers a saved probe only once the updates sent before it are durable', async () => {
		const a = connect('ann');
		await until(() => a.provider.synced);
		const before = await storedUpdates();
		const answers: number[] = [];
		let storedAtAnswer = -1;
		a.provider.messageHandlers[MESSAGE_SAVED] = (_enc, decoder) => {
			answers.push(decoding.readVarUint(decoder));
			void storedUpdates().then((n) => (storedAtAnswer = n));
		};
		a.text.insert(0, 'a');
		a.text.insert(0, 'b');
		a.provider.ws!.send(encodeSaved(7));
		await until(() => answers.includes(7) && storedAtAnswer >= 0);
		expect(storedAtAnswer).toBe(before + 2);
		a.provider.destroy();
	});

	it('counts connections, updates and persistence in its metrics', async () => {
		const a = connect('ann');
		await until(() => a.provider.synced);
		const text = await sync.metrics.metrics();
		expect(text).toMatch(/^doetank_sync_connections 1$/m);
		expect(text).toMatch(/^doetank_sync_updates_received_total\{result="accepted"\} [1-9]\d*$/m);
		expect(text).toMatch(/^doetank_sync_updates_received_total\{result="dropped_readonly"\} [1-9]\d*$/m);
		expect(text).toMatch(/^doetank_sync_persist_batch_seconds_count [1-9]\d*$/m);
		expect(text).toMatch(/^doetank_sync_persist_failures_total [1-9]\d*$/m);
		expect(text).toMatch(/^doetank_sync_persistence_failing 0$/m);
		expect(text).toMatch(/^doetank_sync_documents_loaded [1-9]$/m);
		a.provider.destroy();
	});

	it('prepares a new document once, before any client sees it, and logs that like an edit', async () => {
		const fresh = await services.doetanks.create(actor('ann'), { name: 'Vers', onderwerp: 'o', beoogdDoel: 'd' });
		const a = connect('ann', new Y.Doc(), fresh);
		await until(() => a.provider.synced && a.doc.getMap('meta').get('schemaVersion') === WORKSPACE_SCHEMA_VERSION);
		expect(readCanvases(a.doc).map((c) => c.level)).toEqual(['doetank', 'society']);
		a.provider.destroy();
		const stored = await readDocument(services.db, fresh);
		expect(stored.lastSeq).toBe(1);
		await new Promise((r) => setTimeout(r, 100));
		const b = connect('ann', new Y.Doc(), fresh);
		await until(() => b.provider.synced && readCanvases(b.doc).length === 2);
		b.provider.destroy();
		expect((await readDocument(services.db, fresh)).lastSeq).toBe(1);
	});

	it('drops an update that builds on content the server never had, and keeps the connection', async () => {
		const a = connect('ann');
		await until(() => a.provider.synced);
		const before = await storedUpdates();
		const elsewhere = new Y.Doc();
		elsewhere.getText('probleemdefinitie').insert(0, 'nooit gezien');
		const fork = new Y.Doc();
		Y.applyUpdate(fork, Y.encodeStateAsUpdate(elsewhere));
		let dependent: Uint8Array = new Uint8Array();
		fork.once('update', (u: Uint8Array) => (dependent = u));
		fork.getText('probleemdefinitie').insert(5, '!');
		a.provider.ws!.send(encodeSync(SYNC_UPDATE, dependent));
		a.text.insert(0, 'wel ');
		await new Promise((r) => setTimeout(r, 300));
		expect(await storedUpdates()).toBe(before + 1);
		expect(a.provider.wsconnected).toBe(true);
		expect(await sync.metrics.metrics()).toMatch(/result="dropped_incomplete"\} 1$/m);
		a.provider.destroy();
	});

	it('puts an action assigned through the live document in the new owner’s inbox', async () => {
		const a = connect('ann');
		await until(() => a.provider.synced);
		addAction(a.doc, { title: 'Gesprek met de wethouder plannen', ownerId: ids.bob }, ids.ann!);
		const notices = async () =>
			(await services.notifications.inbox(actor('bob'))).items.filter((n) => n.kind === 'action_assigned');
		let found: Awaited<ReturnType<typeof notices>> = [];
		for (let i = 0; i < 40 && found.length === 0; i++) {
			found = await notices();
			if (found.length === 0) await new Promise((r) => setTimeout(r, 100));
		}
		expect(found).toHaveLength(1);
		expect(JSON.stringify(found[0])).toContain('Gesprek met de wethouder plannen');
		a.provider.destroy();
	});

	it('publishes presence with identity from the session and only section and typing from the client', async () => {
		const a = connect('ann');
		const m = connect('mila');
		await until(() => a.provider.synced && m.provider.synced);
		a.provider.awareness.setLocalState({
			user: { id: ids.eve, name: 'Vervalst' },
			section: 'actielijst',
			typing: true
		});
		m.provider.awareness.setLocalState({ section: '<img src=x>', typing: 'ja' });
		await until(() => services.presence.list(doetankId).some((e) => e.userId === ids.ann && e.typing));
		expect(services.presence.list(doetankId)).toEqual([
			{ userId: ids.ann, name: 'ann', canWrite: true, section: 'actielijst', typing: true },
			{ userId: ids.mila, name: 'mila', canWrite: false, section: null, typing: false }
		]);
		a.provider.destroy();
		await until(() => services.presence.list(doetankId).length === 1);
		m.provider.destroy();
		await until(() => services.presence.list(doetankId).length === 0);
	});

	it('passes on the newest presence after a burst faster than the awareness rate (a caret while typing)', async () => {
		const a = connect('ann');
		const m = connect('mila');
		await until(() => a.provider.synced && m.provider.synced);
		// 30 changes at once: 10 go on at once, the rest are coalesced and the last one follows.
		for (let i = 0; i < 30; i++) a.provider.awareness.setLocalStateField('section', `s${i}`);
		const seenByMila = () =>
			[...m.provider.awareness.getStates().values()].find((s) => (s.user as { id?: string })?.id === ids.ann);
		await until(() => seenByMila()?.section === 's29', 3000);
		a.provider.destroy();
		m.provider.destroy();
	});

	it('restores every accepted update after a restart of the sync server', async () => {
		const a = connect('ann');
		await until(() => a.provider.synced);
		a.text.insert(0, 'bewaard ');
		const expected = a.text.toString();
		await until(() => a.provider.synced);
		await new Promise((r) => setTimeout(r, 100));
		a.provider.destroy();
		await sync.close();
		http.close();
		await startSync();
		const b = connect('bob');
		await until(() => b.provider.synced && b.text.toString() === expected);
		b.provider.destroy();
		const { rows } = await services.db.execute({
			sql: 'SELECT count(*) AS n FROM doc_checkpoints WHERE doetank_id = ?',
			args: [doetankId]
		});
		expect(Number(rows[0]!.n)).toBe(1);
	});

	it('cuts a history version when the last person leaves, with what was written and by whom, and only then', async () => {
		const versions = () => services.versions.list(actor('ann'), doetankId);
		const textIn = async (versionId: string) => {
			const doc = new Y.Doc();
			Y.applyUpdate(doc, await services.versions.state(actor('ann'), doetankId, { versionId }));
			return doc.getText('probleemdefinitie').toString();
		};
		// Earlier tests' last leave may still be cutting: let it land.
		await new Promise((r) => setTimeout(r, 300));
		const before = (await versions()).length;
		const a = connect('ann');
		const b = connect('bob');
		await until(() => a.provider.synced && b.provider.synced);
		b.text.insert(0, 'Bij vertrek. ');
		await until(() => a.text.toString().startsWith('Bij vertrek. '));
		const expected = a.text.toString();
		b.provider.destroy();
		await new Promise((r) => setTimeout(r, 300));
		expect((await versions()).length).toBe(before); // Ann is still there
		a.provider.destroy();
		let latest: Awaited<ReturnType<typeof versions>>[number] | undefined;
		await expect
			.poll(async () => ((await versions()).length > before ? (latest = (await versions())[0]) : null), {
				timeout: 4000
			})
			.toBeTruthy();
		expect(latest!.kind).toBe('auto');
		expect(latest!.contributors.map((c) => c.name)).toContain('bob');
		expect(await textIn(latest!.id)).toBe(expected);
		// Coming and going without an edit makes no version.
		const c = connect('carl');
		await until(() => c.provider.synced);
		c.provider.destroy();
		await new Promise((r) => setTimeout(r, 300));
		expect((await versions()).length).toBe(before + 1);
	});
});
