import { IndexeddbPersistence } from 'y-indexeddb';
import { removeAwarenessStates, type Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { migrateWorkspace, MIGRATION_ORIGIN, WorkspaceVersionError } from '$lib/domain/workspace';
import { encodeSavedProbe, handleOwnMessages, type PersistenceState } from './messages';
import { presentUsers, rejoinPresence, type MemberRoles, type PresenceState, type PresentUser } from './presence';
import { CLOSE } from './protocol';
import type { Connection, Ended, SyncStatus } from './status';

/** After the server closed for a spent update budget, the next attempt waits this long (plus jitter). */
const BUDGET_BACKOFF_MS = 10_000;
/** Failed attempts in a row (browser online) after which the server counts as unreachable. */
const ATTEMPTS_BEFORE_OFFLINE = 3;
/** Local changes are confirmed in batches: one probe per pause in typing. */
const PROBE_DELAY_MS = 200;
const TYPING_MS = 2000;
/** A browser without usable IndexedDB (some private modes) still gets a live workspace. */
const CACHE_TIMEOUT_MS = 3000;

/** The reactive state every workspace page shows. */
export class WorkspaceState {
	connection = $state<Connection>('connecting');
	synced = $state(false);
	/** Local changes the server has not yet confirmed as stored. */
	unsaved = $state(0);
	persistence = $state<PersistenceState>('ok');
	/** The server refused a change of this tab because the document is at its size cap. */
	documentFull = $state(false);
	ended = $state<Ended | null>(null);
	loadedFromCache = $state(false);
	/** The local cache has been read; editors mount only then, so they never start from an empty document. */
	ready = $state(false);
	/** Every client's awareness state, this tab's included. */
	peers = $state.raw<Array<[number, unknown]>>([]);
}

/** Close codes after which reconnecting cannot help, and what the page then says. */
const ENDING = new Map<number, Ended>([
	[CLOSE.unauthenticated, 'unauthenticated'],
	[CLOSE.forbidden, 'forbidden'],
	[CLOSE.messageTooLarge, 'tooLarge']
]);

export interface WorkspaceOptions {
	/** The sync room: a Doetank id, or NETWORK_ROOM for the network document. */
	doetankId: string;
	user: { id: string; name: string; colour: string };
	canWrite: boolean;
	/** PUBLIC_SYNC_URL when the sync server runs apart; otherwise `/sync` on this origin. */
	serverUrl?: string | null;
	/** Brings the document to its layout after the first sync (writers only); default `migrateWorkspace`. */
	prepare?: (doc: Y.Doc) => void;
	/** Asked after failed attempts to learn why (401, or 403/404); default the Doetank's API resource. */
	accessUrl?: string;
}

export interface Workspace {
	doc: Y.Doc;
	provider: WebsocketProvider;
	awareness: Awareness;
	state: WorkspaceState;
	/** Tells the others which section this tab shows. */
	setSection(section: string): void;
	/**
	 * Forgets this device's copy (changes the server refused included) and reloads the page from the
	 * server: the way out when a change of this tab can never be saved.
	 */
	discardLocalChanges(): Promise<void>;
	destroy(): void;
}

/** What a page shows of its live document before that opens (server rendering, first paint). */
const OPENING: SyncStatus = {
	connection: 'connecting',
	synced: false,
	unsaved: 0,
	persistence: 'ok',
	ended: null,
	loadedFromCache: false
};

/**
 * The connection status of a page with a live document (a Doetank's workspace, the network
 * business case), for `ConnectionStatus`; `unsavedSections` when the page can name them.
 */
export function syncStatusOf(
	workspace: Workspace | null,
	unsavedSections: readonly string[] | null = null
): SyncStatus {
	if (!workspace) return OPENING;
	const { state } = workspace;
	return {
		connection: state.connection,
		synced: state.synced,
		unsaved: state.unsaved,
		persistence: state.persistence,
		ended: state.ended,
		loadedFromCache: state.loadedFromCache,
		documentFull: state.documentFull,
		unsavedSections
	};
}

/** Who has the live document open, for `PresenceList`: nobody until it opens. */
export function peopleOf(
	workspace: Workspace | null,
	members: readonly MemberRoles[],
	me: { id: string }
): PresentUser[] {
	return workspace ? presentUsers(workspace.state.peers, members, { id: me.id, clientId: workspace.doc.clientID }) : [];
}

export function defaultServerUrl(location: Location): string {
	return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/sync`;
}

/**
 * Opens the live document of one Doetank: IndexedDB cache first, then the sync server. Browser only
 * (call it from onMount). Counts local changes and asks the server which of them are durable
 * (message `saved`), keeping both counts in the cache so an offline reload still knows what is unsaved.
 */
export function openWorkspace(options: WorkspaceOptions): Workspace {
	const { doetankId, user, canWrite } = options;
	const state = new WorkspaceState();
	const doc = new Y.Doc();
	// One cache per account, so two people sharing a browser never see each other's offline work.
	const cache = new IndexeddbPersistence(`doetank-${doetankId}-${user.id}`, doc);
	const provider = new WebsocketProvider(options.serverUrl ?? defaultServerUrl(location), doetankId, doc, {
		connect: false,
		// Tabs exchange changes only through the server, so its authorization applies to every change.
		disableBc: true,
		// Reconnecting would send the same refused change again, in a loop: these end the session.
		shouldReconnect: (event) => !ENDING.has(event.code)
	});
	const { awareness } = provider;
	// The server marks everyone else's entry; my own never passes through it, so I mark it myself
	// (on the network canvas there are no Doetank roles to judge it by).
	const presence: PresenceState = {
		user: { id: user.id, name: user.name, color: user.colour, watching: !canWrite },
		section: null,
		typing: false
	};
	awareness.setLocalState(presence);

	let localCount = 0;
	let savedCount = 0;
	let destroyed = false;
	let migrated = false;
	let probeTimer: ReturnType<typeof setTimeout> | undefined;
	let typingTimer: ReturnType<typeof setTimeout> | undefined;
	let backoffTimer: ReturnType<typeof setTimeout> | undefined;

	const refreshUnsaved = () => {
		state.unsaved = Math.max(0, localCount - savedCount);
	};
	const refreshConnection = () => {
		state.synced = provider.synced;
		if (!navigator.onLine) state.connection = 'offline';
		else if (provider.wsconnected) state.connection = 'connected';
		else state.connection = provider.wsUnsuccessfulReconnects >= ATTEMPTS_BEFORE_OFFLINE ? 'offline' : 'connecting';
	};
	const refreshPeers = () => {
		state.peers = [...awareness.getStates().entries()];
	};

	// Only after sync: by then the server's step 1 has been answered with everything this client has,
	// so a probe always follows the changes it counts.
	const sendProbe = () => {
		clearTimeout(probeTimer);
		const ws = provider.ws;
		if (provider.synced && ws?.readyState === WebSocket.OPEN && localCount > savedCount)
			ws.send(encodeSavedProbe(localCount));
	};
	const markTyping = () => {
		if (!awareness.getLocalState()?.typing) awareness.setLocalStateField('typing', true);
		clearTimeout(typingTimer);
		typingTimer = setTimeout(() => awareness.setLocalStateField('typing', false), TYPING_MS);
	};
	// Once per page, after the first sync: only then does the client know the document's real layout
	// version. Read-only roles leave it to a writer (the server would drop their changes).
	const migrate = () => {
		if (!canWrite) return;
		try {
			(options.prepare ?? migrateWorkspace)(doc);
		} catch (err) {
			// A newer app version wrote this document: stop before this older code changes it.
			if (err instanceof WorkspaceVersionError) end('outdated');
			else throw err;
		}
	};
	const end = (reason: Ended) => {
		state.ended = reason;
		provider.disconnect();
		refreshConnection();
	};
	// A refused upgrade (401/403 before the socket opens) reaches the browser as a bare close 1006;
	// the API says why.
	const checkAccess = async () => {
		const url = options.accessUrl ?? `/api/v1/doetanks/${encodeURIComponent(doetankId)}`;
		const res = await fetch(url).catch(() => null);
		if (destroyed || !res) return;
		if (res.status === 401) end('unauthenticated');
		else if (res.status === 403 || res.status === 404) end('forbidden');
	};

	handleOwnMessages(provider, {
		status: (persistence) => (state.persistence = persistence),
		documentFull: () => (state.documentFull = true),
		saved: (count) => {
			if (count <= savedCount) return;
			savedCount = count;
			void cache.set('savedCount', savedCount);
			refreshUnsaved();
		}
	});

	doc.on('update', (_update: Uint8Array, origin: unknown) => {
		if (origin === provider || origin === cache) return;
		localCount += 1;
		void cache.set('localCount', localCount);
		refreshUnsaved();
		clearTimeout(probeTimer);
		probeTimer = setTimeout(sendProbe, PROBE_DELAY_MS);
		if (canWrite && origin !== MIGRATION_ORIGIN) markTyping();
	});
	provider.on('status', ({ status }: { status: string }) => {
		// Emitted as the socket opens, before y-websocket sends this client's presence on it.
		if (status === 'connected') rejoinPresence(awareness);
		refreshConnection();
	});
	provider.on('connection-close', (event) => {
		// y-websocket would be back within a fraction of a second and be closed again: wait instead.
		if (event?.code === CLOSE.updateBudget) {
			provider.disconnect();
			clearTimeout(backoffTimer);
			backoffTimer = setTimeout(goOnline, BUDGET_BACKOFF_MS * (1 + Math.random()));
		}
		refreshConnection();
		if (navigator.onLine && provider.wsUnsuccessfulReconnects === ATTEMPTS_BEFORE_OFFLINE) void checkAccess();
	});
	provider.on('sync', (synced: boolean) => {
		refreshConnection();
		if (!synced) return;
		sendProbe();
		if (!migrated) {
			migrated = true;
			migrate();
		}
	});
	provider.on('closed', ({ code }) => end(ENDING.get(code) ?? 'forbidden'));
	awareness.on('change', refreshPeers);
	refreshPeers();

	const goOnline = () => {
		if (state.ready && !state.ended && navigator.onLine) provider.connect();
		refreshConnection();
	};
	const goOffline = () => {
		provider.disconnect();
		refreshConnection();
	};
	// Tell the others at once that this tab left, instead of after awareness's 30 s timeout.
	const leave = () => removeAwarenessStates(awareness, [doc.clientID], 'page hidden');
	const back = (event: PageTransitionEvent) => {
		if (event.persisted) awareness.setLocalState({ ...presence, typing: false });
	};
	window.addEventListener('online', goOnline);
	window.addEventListener('offline', goOffline);
	window.addEventListener('pagehide', leave);
	window.addEventListener('pageshow', back);

	const cacheRead = Promise.race([
		cache.whenSynced.then(() => true),
		new Promise<false>((resolve) => setTimeout(() => resolve(false), CACHE_TIMEOUT_MS))
	]);
	void cacheRead.then(async (read) => {
		if (read) {
			state.loadedFromCache = doc.store.clients.size > 0;
			const [local, saved] = await Promise.all([cache.get('localCount'), cache.get('savedCount')]);
			localCount += Number(local) || 0;
			savedCount = Math.max(savedCount, Number(saved) || 0);
			refreshUnsaved();
		}
		if (destroyed) return;
		state.ready = true;
		goOnline();
	});

	return {
		doc,
		provider,
		awareness,
		state,
		setSection(section) {
			presence.section = section;
			awareness.setLocalStateField('section', section);
		},
		async discardLocalChanges() {
			provider.disconnect();
			await cache.clearData();
			location.reload();
		},
		destroy() {
			destroyed = true;
			clearTimeout(probeTimer);
			clearTimeout(typingTimer);
			clearTimeout(backoffTimer);
			window.removeEventListener('online', goOnline);
			window.removeEventListener('offline', goOffline);
			window.removeEventListener('pagehide', leave);
			window.removeEventListener('pageshow', back);
			provider.destroy();
			awareness.destroy();
			doc.destroy();
		}
	};
}
