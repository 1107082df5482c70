import { toBase64 } from 'lib0/buffer';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Database } from '$lib/server/db/client';
import { appendUpdateStatement } from '$lib/server/db/doc-log';
import { testDatabase } from '$lib/server/db/test-db';
import { createLogger } from '$lib/server/logger';
import type { Bus, BusState } from '$lib/server/scale/bus';
import { InstanceRoster } from '$lib/server/scale/instances';
import { SyncCluster } from './cluster';
import { DocumentState } from './document-state';
import type { LiveDocument } from './documents';
import { Fanout } from './fanout';

/** A bus without Redis: the test delivers messages to the subscribers itself. */
class FakeBus implements Bus {
	readonly instanceId = 'hier';
	readonly state: BusState = 'ok';
	readonly listeners = new Map<string, (message: string) => void>();
	publish(): void {}
	async subscribe(channel: string, listener: (message: string) => void): Promise<void> {
		this.listeners.set(channel, listener);
	}
	unsubscribe(channel: string): void {
		this.listeners.delete(channel);
	}
	onState(): () => void {
		return () => undefined;
	}
	async close(): Promise<void> {}
}

const DOC = 'd';
const MAX_WAITING_BYTES = 16 * 1024;

let db: Database;
let cleanup: () => void;
let bus: FakeBus;
let roster: InstanceRoster;
let registry: Registry;
let cluster: SyncCluster;

beforeEach(async () => {
	({ db, cleanup } = await testDatabase({ doetank: DOC }));
	bus = new FakeBus();
	roster = new InstanceRoster(bus, { beatMs: 60_000, missedBeats: 3 });
	registry = new Registry();
	cluster = new SyncCluster(bus, roster, db, createLogger('silent'), registry, {
		catchUpMs: 250,
		maxWaitingUpdates: 20,
		maxWaitingBytes: MAX_WAITING_BYTES
	});
});
afterEach(() => {
	cluster.close();
	cleanup();
});

function liveDocument(): LiveDocument {
	const doc = new Y.Doc();
	const awareness = new awarenessProtocol.Awareness(doc);
	return {
		id: DOC,
		doc,
		awareness,
		fanout: new Fanout(awareness),
		state: new DocumentState(doc, 16 * 1024 * 1024),
		awarenessOwners: new Map(),
		unwatch: () => undefined,
		connections: new Set(),
		appliedSeq: 0
	};
}

const waitingBytes = async () =>
	(await registry.getSingleMetric('doetank_cluster_waiting_bytes')!.get()).values[0]!.value;

describe('SyncCluster while a document loads', () => {
	it('keeps at most the waiting bounds of what other instances send meanwhile, and reads the log instead', async () => {
		await cluster.follow(DOC);
		// Another instance logs an edit (seq 1) and publishes it; then a flood of large updates arrives.
		const source = new Y.Doc();
		let logged: Uint8Array = new Uint8Array();
		source.once('update', (u: Uint8Array) => (logged = u));
		source.getText('t').insert(0, 'gelogd');
		await db.execute(appendUpdateStatement({ doetankId: DOC, seq: 1, update: logged, userId: null, at: 0 }));
		const deliver = bus.listeners.get(`doc:${DOC}`)!;
		deliver(JSON.stringify({ i: 'daar', s: 1, u: toBase64(logged) }));
		const flood = new Y.Doc();
		for (let i = 0; i < 10; i++) {
			let u: Uint8Array = new Uint8Array();
			flood.once('update', (x: Uint8Array) => (u = x));
			flood.getText('vloed').insert(0, 'x'.repeat(4 * 1024));
			deliver(JSON.stringify({ i: 'daar', s: 1_000 + i, u: toBase64(u) }));
			expect(await waitingBytes()).toBeLessThanOrEqual(MAX_WAITING_BYTES);
		}
		// The document was read from the log before seq 1 was written: it starts empty at 0.
		const live = liveDocument();
		cluster.loaded(live, 0);
		await expect.poll(() => live.doc.getText('t').toString()).toBe('gelogd');
		expect(live.appliedSeq).toBe(1);
	});

	it('drops what waits for the load past the count bound too', async () => {
		await cluster.follow(DOC);
		const deliver = bus.listeners.get(`doc:${DOC}`)!;
		const source = new Y.Doc();
		source.on('update', (u: Uint8Array) =>
			deliver(JSON.stringify({ i: 'daar', s: 1_000 + source.getText('t').length, u: toBase64(u) }))
		);
		for (let i = 0; i < 21; i++) source.getText('t').insert(0, 'x');
		const dropped = await registry.getSingleMetric('doetank_cluster_updates_total')!.get();
		expect(dropped.values.find((v) => v.labels.result === 'dropped')?.value).toBe(21);
	});
});
