import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Database } from '$lib/server/db/client';
import { readDocument } from '$lib/server/db/doc-log';
import { applyInOrder } from '$lib/server/documents/stored';
import { DocumentState } from './document-state';
import { Fanout } from './fanout';
import type { UpdateLog } from './update-log';

/** One live Doetank document with the connections that share it. */
export interface LiveDocument {
	id: string;
	doc: Y.Doc;
	awareness: awarenessProtocol.Awareness;
	fanout: Fanout;
	/** The shared encoded state and the size cap. */
	state: DocumentState;
	/** Which connection introduced each awareness client id: only it may change or remove that entry. */
	awarenessOwners: Map<number, object>;
	/** Stops what watches the document; called when it unloads. */
	unwatch: () => void;
	/** Who holds the document open (connections, and upgrades still under way). */
	connections: Set<unknown>;
	/** Sequence number of the last logged update the document contains: its state is exactly the log up to here. */
	appliedSeq: number;
}

/**
 * Loads documents from snapshot + logged updates on first use and unloads them a grace period
 * after the last connection leaves, never before their pending writes are durable.
 */
export class DocumentRegistry {
	private readonly docs = new Map<string, Promise<LiveDocument>>();
	private readonly ready = new Map<string, LiveDocument>();
	private readonly timers = new Map<string, NodeJS.Timeout>();

	constructor(
		private readonly db: Database,
		private readonly log: UpdateLog,
		private readonly graceMs: number,
		private readonly maxDocumentBytes: number,
		private readonly hooks: {
			onDamaged?(doetankId: string, error: unknown): void;
			/** Brings a freshly loaded document up to date (e.g. its schema); what it changes is logged like any edit. */
			prepare?(doetankId: string, doc: Y.Doc): void;
			/** Starts watching a loaded document (e.g. for notifications); the returned function stops it. */
			watch?(doetankId: string, doc: Y.Doc): () => void;
			/** An update went out to this many clients. */
			onDelivered?(count: number): void;
			/** Before the document is read from the log (multi-instance: subscribe first, so nothing falls in between). */
			beforeLoad?(doetankId: string): Promise<void>;
			/** The document is loaded and holds the log up to `lastSeq` (plus what `prepare` logged). */
			loaded?(live: LiveDocument, lastSeq: number): void;
			/** The document was unloaded (or failed to load). */
			unloaded?(doetankId: string): void;
			/** The document is about to unload (still loaded while this runs): e.g. fold its log, so the next load is short. */
			beforeUnload?(doetankId: string): Promise<void>;
			/** A document was loaded: how long it took and how many logged updates it replayed after its snapshot. */
			onLoaded?(doetankId: string, ms: number, tail: number): void;
		} = {}
	) {}

	get loaded(): number {
		return this.docs.size;
	}

	/** The document if it is loaded now (for background work that must not load it). */
	loadedDocument(id: string): LiveDocument | undefined {
		return this.ready.get(id);
	}

	open(id: string, connection: unknown): Promise<LiveDocument> {
		clearTimeout(this.timers.get(id));
		this.timers.delete(id);
		let entry = this.docs.get(id);
		if (!entry) {
			entry = this.load(id);
			this.docs.set(id, entry);
			entry.catch(() => {
				this.docs.delete(id);
				this.hooks.unloaded?.(id);
			});
		}
		return entry.then((live) => {
			live.connections.add(connection);
			return live;
		});
	}

	leave(live: LiveDocument, connection: unknown): void {
		live.connections.delete(connection);
		if (live.connections.size > 0) return;
		clearTimeout(this.timers.get(live.id));
		this.timers.set(
			live.id,
			setTimeout(() => void this.unload(live), this.graceMs)
		);
	}

	async closeAll(): Promise<void> {
		for (const timer of this.timers.values()) clearTimeout(timer);
		// Those already in their grace (everyone had left before the shutdown) unload as they would
		// have: a restart must not skip the version of what the last people wrote.
		const leftBefore = new Set(this.timers.keys());
		this.timers.clear();
		await this.log.drain();
		for (const entry of this.docs.values()) {
			const live = await entry;
			if (leftBefore.has(live.id)) await this.hooks.beforeUnload?.(live.id);
			this.hooks.unloaded?.(live.id);
			live.unwatch();
			live.fanout.destroy();
			live.doc.destroy();
		}
		this.docs.clear();
		this.ready.clear();
	}

	private async load(id: string): Promise<LiveDocument> {
		await this.hooks.beforeLoad?.(id);
		const started = performance.now();
		const stored = await readDocument(this.db, id);
		const doc = new Y.Doc({ gc: true });
		applyInOrder(doc, stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates, (error) =>
			this.hooks.onDamaged?.(id, error)
		);
		this.log.startAt(id, stored.lastSeq);
		const appliedSeq = (await this.prepare(id, doc)) ?? stored.lastSeq;
		const awareness = new awarenessProtocol.Awareness(doc);
		awareness.setLocalState(null);
		const fanout = new Fanout(awareness, this.hooks.onDelivered);
		const unwatch = this.hooks.watch?.(id, doc) ?? (() => undefined);
		const state = new DocumentState(doc, this.maxDocumentBytes);
		const live = {
			id,
			doc,
			awareness,
			fanout,
			state,
			awarenessOwners: new Map(),
			unwatch,
			connections: new Set(),
			appliedSeq
		};
		this.ready.set(id, live);
		this.hooks.loaded?.(live, stored.lastSeq);
		this.hooks.onLoaded?.(id, performance.now() - started, stored.updates.length);
		return live;
	}

	/**
	 * Runs the prepare hook before any client sees the document, so every client starts from the
	 * same prepared state instead of each preparing its own copy (which could collide).
	 */
	private async prepare(id: string, doc: Y.Doc): Promise<number | undefined> {
		if (!this.hooks.prepare) return undefined;
		const changes: Uint8Array[] = [];
		const collect = (update: Uint8Array) => changes.push(update);
		doc.on('update', collect);
		try {
			this.hooks.prepare(id, doc);
		} finally {
			doc.off('update', collect);
		}
		const seqs = await Promise.all(
			changes.map((update) => new Promise<number>((durable) => this.log.append(id, update, null, durable)))
		);
		return seqs.at(-1);
	}

	private async unload(live: LiveDocument): Promise<void> {
		this.timers.delete(live.id);
		await this.log.drain();
		await this.hooks.beforeUnload?.(live.id);
		// Someone may have joined while the last writes were landing: then the document stays.
		if (live.connections.size > 0 || (await this.docs.get(live.id)) !== live) return;
		this.docs.delete(live.id);
		this.ready.delete(live.id);
		this.hooks.unloaded?.(live.id);
		live.unwatch();
		live.fanout.destroy();
		live.awareness.destroy();
		live.doc.destroy();
	}
}
