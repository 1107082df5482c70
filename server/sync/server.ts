import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { NETWORK_TIME_ZONE } from '../../src/lib/domain/calendar';
import { migrateWorkspace } from '../../src/lib/domain/workspace';
import type { Config } from '../../src/lib/server/config';
import type { Services } from '../../src/lib/server/services';
import type { AccessChange } from '../../src/lib/server/access-events';
import { clientPresence } from '../../src/lib/server/presence';
import { refuseUpgrade } from '../upgrade';
import { SyncConnection } from './connection';
import { DocumentRegistry } from './documents';
import { Compactor } from './compactor';
import { SyncMetrics } from './metrics';
import { CLOSE, type PersistenceState } from './protocol';
import { UpdateLog } from './update-log';

export interface SyncOptions {
	maxMessageBytes: number;
	graceMs: number;
	heartbeatMs: number;
	maxBufferedBytes: number;
	compactUpdates: number;
	compactBytes: number;
	timeZone: string;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
	maxMessageBytes: 1024 * 1024,
	graceMs: 10_000,
	heartbeatMs: 30_000,
	maxBufferedBytes: 8 * 1024 * 1024,
	compactUpdates: 500,
	compactBytes: 1024 * 1024,
	timeZone: NETWORK_TIME_ZONE
};

/** The sync server's bounds as configured in the environment (see src/lib/server/config.ts). */
export function syncOptions(config: Config): SyncOptions {
	return {
		maxMessageBytes: config.SYNC_MAX_MESSAGE_BYTES,
		graceMs: config.SYNC_GRACE_MS,
		heartbeatMs: config.SYNC_HEARTBEAT_MS,
		maxBufferedBytes: config.SYNC_MAX_BUFFERED_BYTES,
		compactUpdates: config.SYNC_COMPACT_UPDATES,
		compactBytes: config.SYNC_COMPACT_BYTES,
		timeZone: NETWORK_TIME_ZONE
	};
}

type SyncServices = Pick<
	Services,
	'db' | 'updates' | 'lucia' | 'doetanks' | 'events' | 'log' | 'presence' | 'notifications'
>;

/** The y-websocket endpoint `/sync/<doetankId>`: authentication, authorization, persistence, fan-out. */
export function createSyncServer(services: SyncServices, options: Partial<SyncOptions> = {}) {
	const opts = { ...DEFAULT_SYNC_OPTIONS, ...options };
	const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxMessageBytes });
	const connections = new Set<SyncConnection>();
	const alive = new WeakSet<WebSocket>();
	let persistence: PersistenceState = 'ok';
	const metrics = new SyncMetrics({
		connections: () => connections.size,
		documents: () => registry.loaded,
		persistenceFailing: () => persistence === 'failing'
	});

	/** Every client hears when its changes stop (or start again) reaching the database. */
	function setPersistence(state: PersistenceState): void {
		if (state === persistence) return;
		persistence = state;
		for (const c of connections) c.reportPersistence(state);
	}

	const compactor = new Compactor(services.db, {
		maxUpdates: opts.compactUpdates,
		maxBytes: opts.compactBytes,
		timeZone: opts.timeZone,
		loaded: (doetankId) => registry.loadedDocument(doetankId),
		onCompacted: (doetankId, folded, ms) => {
			metrics.compactions.observe(ms / 1000);
			services.log.debug({ doetankId, folded, ms }, 'sync: update log compacted');
		},
		onError: (doetankId, err) =>
			services.log.error({ err, doetankId }, 'sync: compaction failed; the log stays as it is'),
		onDamaged: (doetankId, seq, err) =>
			services.log.error({ err, doetankId, seq }, 'sync: compaction skipped a damaged update')
	});
	const log = new UpdateLog(services.updates.append, {
		onError: (err, attempt) => {
			metrics.persistFailures.inc();
			setPersistence('failing');
			services.log.error({ err, attempt }, 'sync: writing updates failed; they stay in memory and are retried');
		},
		onCommit: (updates, ms) => {
			metrics.persistBatch.observe(ms / 1000);
			metrics.persistBatchSize.observe(updates.length);
			if (persistence === 'failing')
				services.log.info({ updates: updates.length }, 'sync: writing updates works again');
			setPersistence('ok');
			compactor.noteCommitted(updates);
		},
		onCallbackError: (err) => services.log.error({ err }, 'sync: handling a stored update failed')
	});
	const registry = new DocumentRegistry(services.db, log, opts.graceMs, {
		onDelivered: (count) => metrics.updatesSent.inc(count),
		watch: (doetankId, doc) => services.notifications.observeActions(doetankId, doc),
		onDamaged: (doetankId, err) =>
			services.log.error({ err, doetankId }, 'sync: skipped a logged update that could not be applied'),
		prepare: (doetankId, doc) => {
			try {
				const { from, to } = migrateWorkspace(doc);
				if (from !== to) services.log.info({ doetankId, from, to }, 'sync: workspace document migrated');
			} catch (err) {
				// A document from a newer version is served as it is; this server must not rewrite it.
				services.log.error({ err, doetankId }, 'sync: workspace document not migrated');
			}
		}
	});

	async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
		const path = new URL(req.url ?? '/', 'http://localhost').pathname;
		const doetankId = decodeURIComponent(path.slice('/sync/'.length));
		if (!doetankId || doetankId.includes('/')) return refuseUpgrade(socket, 404, 'Not found');
		const sessionId = services.lucia.readSessionCookie(req.headers.cookie ?? '');
		const { session, user } = sessionId
			? await services.lucia.validateSession(sessionId)
			: { session: null, user: null };
		if (!session || !user) return refuseUpgrade(socket, 401, 'Log in first');
		const access = await services.doetanks.workspaceAccess({ id: user.id, networkRole: user.networkRole }, doetankId);
		if (access.status !== 200) return refuseUpgrade(socket, access.status, 'No access');
		if (socket.destroyed) return;

		const live = await registry.open(doetankId, socket);
		let upgraded = false;
		wss.handleUpgrade(req, socket, head, (ws) => {
			upgraded = true;
			alive.add(ws);
			ws.on('pong', () => alive.add(ws));
			const connection = new SyncConnection(
				ws,
				live,
				{ userId: user.id, name: user.name, sessionId: session.id, doetankId, canWrite: access.canWrite },
				{
					log,
					maxBufferedBytes: opts.maxBufferedBytes,
					onUpdate: (result) => metrics.received[result].inc(),
					onBroadcast: (ms) => metrics.broadcast.observe(ms / 1000),
					onPresence: (state) => showPresence(connection, state),
					onClosed: (c, code) => {
						connections.delete(c);
						services.presence.set(doetankId, c, null);
						registry.leave(live, socket);
						metrics.closes.inc({ code: String(code) });
						services.log.debug({ doetankId, userId: user.id, code }, 'sync: connection closed');
					}
				}
			);
			connections.add(connection);
			showPresence(connection, null);
			if (persistence === 'failing') connection.reportPersistence(persistence);
			services.log.debug({ doetankId, userId: user.id, canWrite: access.canWrite }, 'sync: connection opened');
		});
		if (!upgraded) registry.leave(live, socket);
	}

	/** Publishes who is where; identity and rights come from the session, only section and typing from the client. */
	const lastPresence = new WeakMap<SyncConnection, unknown>();
	function showPresence(connection: SyncConnection, state: unknown = lastPresence.get(connection)): void {
		lastPresence.set(connection, state);
		const { userId, name, doetankId, canWrite } = connection.identity;
		services.presence.set(doetankId, connection, { userId, name, canWrite, ...clientPresence(state) });
	}

	/** Re-checks the connections of someone whose access may have shrunk. */
	async function recheck(change: AccessChange): Promise<void> {
		for (const connection of connections) {
			const { identity } = connection;
			if (identity.userId !== change.userId) continue;
			if (change.doetankId && identity.doetankId !== change.doetankId) continue;
			const { session, user } = await services.lucia.validateSession(identity.sessionId);
			if (!session || !user) {
				connection.close(CLOSE.unauthenticated, 'session ended');
				continue;
			}
			const access = await services.doetanks.workspaceAccess(
				{ id: user.id, networkRole: user.networkRole },
				identity.doetankId
			);
			if (access.status !== 200) connection.close(CLOSE.forbidden, 'access removed');
			else {
				connection.restrict(access.canWrite);
				showPresence(connection);
			}
		}
	}
	const stopListening = services.events.onChanged((change) => {
		recheck(change).catch((err: unknown) => services.log.error({ err }, 'sync: access re-check failed'));
	});

	const heartbeat = setInterval(() => {
		for (const ws of wss.clients) {
			if (!alive.has(ws)) {
				ws.terminate();
				continue;
			}
			alive.delete(ws);
			ws.ping();
		}
	}, opts.heartbeatMs);
	heartbeat.unref();

	return {
		handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
			handleUpgrade(req, socket, head).catch((err: unknown) => {
				services.log.error({ err }, 'sync: upgrade failed');
				refuseUpgrade(socket, 500, 'Server error');
			});
		},
		get connectionCount() {
			return connections.size;
		},
		get loadedDocuments() {
			return registry.loaded;
		},
		metrics: metrics.registry,
		compactor,
		async close(): Promise<void> {
			clearInterval(heartbeat);
			stopListening();
			for (const c of connections) c.close(CLOSE.shuttingDown, 'server shutting down');
			await registry.closeAll();
			await compactor.idle();
			wss.close();
		}
	};
}

export type SyncServer = ReturnType<typeof createSyncServer>;
