import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { NETWORK_TIME_ZONE } from '$lib/domain/calendar';
import type { AccessChange } from '$lib/server/access-events';
import { catchUpReplica, replicaPulls } from '$lib/server/db/client';
import type { Config } from '$lib/server/config';
import { clientPresence } from '$lib/server/presence';
import type { Services } from '$lib/server/services';
import { refuseUpgrade } from '../upgrade';
import { SyncCluster, type ClusterOptions } from './cluster';
import { SyncConnection } from './connection';
import type { LiveDocument } from './documents';
import { startHeartbeat } from './heartbeat';
import { AwarenessLimiter, UserLimits } from './limits';
import { SyncMetrics } from './metrics';
import { createPersistence } from './persistence';
import { CLOSE } from './protocol';
import { Turns } from './turns';
import { admit, checkOrigin, doetankIdOf, Refusal, type Admitted } from './upgrade-checks';

export interface SyncOptions {
	maxMessageBytes: number;
	graceMs: number;
	heartbeatMs: number;
	maxBufferedBytes: number;
	compactUpdates: number;
	compactBytes: number;
	timeZone: string;
	maxAwarenessBytes: number;
	awarenessPerSecond: number;
	maxSocketsPerUser: number;
	/** Upgrades that may wait for their turn in a burst (see turns.ts); more are refused with 503. */
	maxWaitingUpgrades: number;
	userUpdatesPerSecond: number;
	userBytesPerSecond: number;
	maxDocumentBytes: number;
	/** An automatic version is cut at least this long after the first edit since the last one (ms). */
	versionIntervalMs: number;
	/** Multi-instance: how long a client's update may wait for content another instance logged (ms). */
	holdMs: number;
	/** Multi-instance: the catch-up delay and the bounds on what waits for other instances' updates. */
	cluster: ClusterOptions;
	/** The site's origin (ORIGIN); unset means the host each request was sent to. */
	origin?: string;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
	maxMessageBytes: 1024 * 1024,
	graceMs: 10_000,
	heartbeatMs: 4_000,
	maxBufferedBytes: 8 * 1024 * 1024,
	compactUpdates: 500,
	compactBytes: 1024 * 1024,
	timeZone: NETWORK_TIME_ZONE,
	maxAwarenessBytes: 8 * 1024,
	awarenessPerSecond: 10,
	maxSocketsPerUser: 16,
	maxWaitingUpgrades: 1_000,
	userUpdatesPerSecond: 100,
	userBytesPerSecond: 1024 * 1024,
	maxDocumentBytes: 16 * 1024 * 1024,
	versionIntervalMs: 600_000,
	holdMs: 3_000,
	cluster: { catchUpMs: 250, maxWaitingUpdates: 500, maxWaitingBytes: 4 * 1024 * 1024 }
};

/** A user's update budget holds this many seconds' worth (an offline session's changes arrive at once). */
const BURST_SECONDS = 10;
/**
 * Upgrades handled in one turn of the event loop during a burst: each (session, access, first
 * sync) takes a few tenths of a millisecond, so a turn stays within a few milliseconds.
 */
const UPGRADES_PER_TURN = 8;

/** The sync server's bounds as configured in the environment (see src/lib/server/config.ts). */
export function syncOptions(config: Config): SyncOptions {
	return {
		maxMessageBytes: config.SYNC_MAX_MESSAGE_BYTES,
		graceMs: config.SYNC_GRACE_MS,
		heartbeatMs: config.SYNC_HEARTBEAT_MS,
		maxBufferedBytes: config.SYNC_MAX_BUFFERED_BYTES,
		compactUpdates: config.SYNC_COMPACT_UPDATES,
		compactBytes: config.SYNC_COMPACT_BYTES,
		timeZone: NETWORK_TIME_ZONE,
		maxAwarenessBytes: config.SYNC_MAX_AWARENESS_BYTES,
		awarenessPerSecond: DEFAULT_SYNC_OPTIONS.awarenessPerSecond,
		maxSocketsPerUser: config.SYNC_MAX_SOCKETS_PER_USER,
		maxWaitingUpgrades: config.SYNC_MAX_WAITING_UPGRADES,
		userUpdatesPerSecond: config.SYNC_USER_UPDATES_PER_SECOND,
		userBytesPerSecond: config.SYNC_USER_BYTES_PER_SECOND,
		maxDocumentBytes: config.SYNC_MAX_DOCUMENT_BYTES,
		versionIntervalMs: config.HISTORY_VERSION_INTERVAL_MS,
		holdMs: config.SCALE_HOLD_MS,
		cluster: {
			catchUpMs: config.SCALE_CATCH_UP_MS,
			maxWaitingUpdates: config.SCALE_MAX_WAITING_UPDATES,
			maxWaitingBytes: config.SCALE_MAX_WAITING_BYTES
		},
		origin: config.ORIGIN
	};
}

type SyncServices = Pick<
	Services,
	'db' | 'updates' | 'lucia' | 'doetanks' | 'events' | 'log' | 'presence' | 'notifications' | 'versions' | 'cluster'
>;

/**
 * The y-websocket endpoint `/sync/<doetankId>`. The lifecycle of a socket, each step in a part of its own:
 * 1. upgrade request: path, Origin, session and membership (upgrade-checks.ts), socket count (limits.ts);
 * 2. document: loaded once and shared, every update durable in the log before it is applied (persistence.ts);
 * 3. connection: messages in order, within the update budget, awareness and size bounds (connection.ts);
 *    fan-out to the other connections (fanout.ts) through a bounded outbox (outbox.ts);
 * 4. presence: what the server vouches for, to peers (awareness.ts) and to other pages (publishPresence);
 * 5. access changes re-check open connections; the heartbeat drops silent ones; metrics count all of it.
 */
export function createSyncServer(services: SyncServices, options: Partial<SyncOptions> = {}) {
	const opts = { ...DEFAULT_SYNC_OPTIONS, ...options };
	const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxMessageBytes });
	const connections = new Set<SyncConnection>();
	const upgradeTurns = new Turns(UPGRADES_PER_TURN, opts.maxWaitingUpgrades);
	const metrics = new SyncMetrics({
		connections: () => connections.size,
		documents: () => persistence.registry.loaded,
		persistenceFailing: () => persistence.state === 'failing',
		replicaPulls: () => replicaPulls(services.db),
		upgradesWaiting: () => upgradeTurns.waiting
	});
	// Multi-instance mode (REDIS_URL): documents and awareness shared with the other instances.
	const cluster =
		services.cluster &&
		new SyncCluster(
			services.cluster.bus,
			services.cluster.roster,
			services.db,
			services.log,
			metrics.registry,
			opts.cluster
		);
	const persistence = createPersistence(
		services,
		opts,
		metrics,
		(state) => {
			// Every client hears when its changes stop (or start again) reaching the database.
			for (const c of connections) c.reportPersistence(state);
		},
		cluster
	);
	/** Set on shutdown: no new sockets, the log drains, then every socket is told to go elsewhere (1012). */
	let stopping = false;
	const users = new UserLimits({
		maxSockets: opts.maxSocketsPerUser,
		updatesPerSecond: opts.userUpdatesPerSecond,
		bytesPerSecond: opts.userBytesPerSecond,
		burstSeconds: BURST_SECONDS
	});
	const stopHeartbeat = startHeartbeat(wss, opts.heartbeatMs, () => {
		for (const c of connections) c.heartbeat();
		users.prune();
	});
	const stopRechecks = services.events.onChanged((change) => {
		recheck(change).catch((err: unknown) => services.log.error({ err }, 'sync: access re-check failed'));
	});
	// Access changes announced while Redis was away never reached this instance: check everyone once.
	const stopBusWatch = services.cluster?.bus.onState((state) => {
		if (state !== 'ok') return;
		for (const userId of new Set([...connections].map((c) => c.identity.userId))) {
			recheck({ userId }).catch((err: unknown) => services.log.error({ err }, 'sync: access re-check failed'));
		}
	});

	async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
		if (stopping) throw new Refusal(503, 'Shutting down');
		const doetankId = doetankIdOf(req.url);
		checkOrigin(req, opts.origin);
		if (!(await upgradeTurns.next())) throw new Refusal(503, 'Busy, try again');
		if (socket.destroyed) return;
		const who = await admit(services, req, doetankId);
		const release = users.openSocket(who.userId);
		if (!release) throw new Refusal(429, 'Too many open connections');
		// The raw socket closes however this ends (refused, upgraded and closed later): one place to release.
		socket.once('close', release);
		if (socket.destroyed) return release();

		const live = await persistence.registry.open(doetankId, socket);
		if (socket.destroyed) return persistence.registry.leave(live, socket);
		let connected = false;
		socket.once('close', () => {
			if (!connected) persistence.registry.leave(live, socket);
		});
		// ws calls back synchronously today; nothing here depends on it (the 'close' above covers an abort).
		wss.handleUpgrade(req, socket, head, (ws) => {
			connected = true;
			wss.emit('connection', ws, req);
			connect(ws, who, live, socket);
		});
	}

	function connect(ws: WebSocket, who: Admitted, live: LiveDocument, socket: Duplex): void {
		const connection = new SyncConnection(
			ws,
			live,
			{ ...who },
			{
				log: persistence.log,
				maxBufferedBytes: opts.maxBufferedBytes,
				holdMs: opts.holdMs,
				// Updates are charged to the user's budget as they arrive, so a flood of them meets the budget
				// (4529) first; the bound of two bursts is for what the budget does not count.
				maxBacklog: {
					messages: 2 * opts.userUpdatesPerSecond * BURST_SECONDS,
					bytes: 2 * opts.userBytesPerSecond * BURST_SECONDS
				},
				users,
				awareness: new AwarenessLimiter(opts.maxAwarenessBytes, opts.awarenessPerSecond),
				onUpdate: (result) => metrics.received.add(result),
				onAwarenessDropped: () => metrics.awarenessDropped.inc(),
				onBroadcast: (ms) => metrics.broadcast.observe(ms / 1000),
				onPresence: (state) => publishPresence(connection, state),
				onLogged: cluster ? (doc, seq, update) => cluster.logged(doc, seq, update) : undefined,
				lacking: cluster ? (doc) => cluster.lacking(doc) : undefined,
				onClosed: (c, code) => {
					connections.delete(c);
					services.presence.set(who.doetankId, c, null);
					persistence.registry.leave(live, socket);
					metrics.closes.inc({ code: String(code) });
					services.log.debug({ doetankId: who.doetankId, userId: who.userId, code }, 'sync: connection closed');
				}
			}
		);
		connections.add(connection);
		publishPresence(connection, null);
		if (persistence.state === 'failing') connection.reportPersistence(persistence.state);
		services.log.debug(
			{ doetankId: who.doetankId, userId: who.userId, canWrite: who.canWrite },
			'sync: connection opened'
		);
	}

	/** Publishes who is where for pages outside the workspace; identity and rights from the session. */
	const lastPresence = new WeakMap<SyncConnection, unknown>();
	function publishPresence(connection: SyncConnection, state: unknown = lastPresence.get(connection)): void {
		lastPresence.set(connection, state);
		const { userId, name, doetankId, canWrite } = connection.identity;
		services.presence.set(doetankId, connection, { userId, name, canWrite, ...clientPresence(state) });
	}

	/** Re-checks the connections of someone whose access may have shrunk. */
	async function recheck(change: AccessChange): Promise<void> {
		const affected = [...connections].filter(
			({ identity }) =>
				identity.userId === change.userId && (!change.doetankId || identity.doetankId === change.doetankId)
		);
		// The change may come from another instance (Redis): an embedded replica must have it first.
		if (affected.length > 0) await catchUpReplica(services.db);
		for (const connection of affected) {
			const { identity } = connection;
			const { session, user } = await services.lucia.validateSession(identity.sessionId);
			if (!session || !user) {
				connection.close(CLOSE.unauthenticated, 'session ended');
				continue;
			}
			const access = await services.doetanks.roomAccess(
				{ id: user.id, networkRole: user.networkRole },
				identity.doetankId
			);
			if (access.status !== 200) connection.close(CLOSE.forbidden, 'access removed');
			else {
				connection.restrict(access.canWrite);
				publishPresence(connection);
			}
		}
	}

	return {
		handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
			handleUpgrade(req, socket, head).catch((err: unknown) => {
				if (err instanceof Refusal) {
					metrics.refusedUpgrades.inc({ status: String(err.status) });
					return refuseUpgrade(socket, err.status, err.text);
				}
				services.log.error({ err }, 'sync: upgrade failed');
				refuseUpgrade(socket, 500, 'Server error');
			});
		},
		get connectionCount() {
			return connections.size;
		},
		get loadedDocuments() {
			return persistence.registry.loaded;
		},
		metrics: metrics.registry,
		compactor: persistence.compactor,
		/** Stops taking sockets, makes every accepted update durable, then sends the clients elsewhere (1012). */
		async close(): Promise<void> {
			stopping = true;
			stopHeartbeat();
			stopRechecks();
			stopBusWatch?.();
			await persistence.log.drain();
			for (const c of connections) c.close(CLOSE.shuttingDown, 'server restarting');
			await persistence.close();
			cluster?.close();
			wss.close();
		}
	};
}

export type SyncServer = ReturnType<typeof createSyncServer>;
