import * as Y from 'yjs';
import { isNetworkRoom, migrateWorkspace, prepareNetworkDocument } from '$lib/domain/workspace';
import type { Services } from '$lib/server/services';
import type { SyncCluster } from './cluster';
import { Compactor } from './compactor';
import { DocumentRegistry } from './documents';
import type { SyncMetrics } from './metrics';
import type { PersistenceState } from './protocol';
import { UpdateLog } from './update-log';
import { VersionClock } from './version-clock';

type PersistenceServices = Pick<Services, 'db' | 'updates' | 'log' | 'notifications' | 'versions'>;

export interface PersistenceOptions {
	graceMs: number;
	compactUpdates: number;
	compactBytes: number;
	maxDocumentBytes: number;
	timeZone: string;
	/** An automatic version is cut at least this long after the first edit since the last one. */
	versionIntervalMs: number;
}

/**
 * Loading, logging and compacting documents: the write-ahead update log (every accepted update is
 * durable before anyone sees it), the compactor that folds it into snapshots, and the registry of
 * loaded documents. `onState` hears when writing starts failing or works again.
 */
export function createPersistence(
	services: PersistenceServices,
	opts: PersistenceOptions,
	metrics: SyncMetrics,
	onState: (state: PersistenceState) => void,
	/** Multi-instance mode: loading a document subscribes to its channel first. */
	cluster: SyncCluster | null = null
) {
	let state: PersistenceState = 'ok';
	const setState = (next: PersistenceState) => {
		if (next === state) return;
		state = next;
		onState(next);
	};
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
	const versions = new VersionClock(
		async (doetankId, everyoneLeft) => {
			// Let the leaving person's last edits land first; the live document is then the log up to appliedSeq.
			await log.drain();
			const live = registry.loadedDocument(doetankId);
			const at = live && { state: Y.encodeStateAsUpdate(live.doc), seq: live.appliedSeq };
			// Timed cuts are spaced by the interval in the database: with several instances each keeps
			// a clock, and the first to cut does so for all. The last person leaving always gets one.
			const spacingMs = everyoneLeft ? 0 : opts.versionIntervalMs;
			const id = await services.versions.cutAutomatic(doetankId, at, spacingMs);
			if (id) services.log.debug({ doetankId, versionId: id }, 'sync: version cut');
			return !id && at !== undefined && (await services.versions.unversioned(doetankId, at.seq));
		},
		opts.versionIntervalMs,
		(doetankId, err) => services.log.error({ err, doetankId }, 'sync: cutting a version failed')
	);
	const log = new UpdateLog(services.updates.append, {
		onError: (err, attempt) => {
			metrics.persistFailures.inc();
			setState('failing');
			services.log.error({ err, attempt }, 'sync: writing updates failed; they stay in memory and are retried');
		},
		onCommit: (updates, ms) => {
			metrics.persistBatch.observe(ms / 1000);
			metrics.persistBatchSize.observe(updates.length);
			if (state === 'failing') services.log.info({ updates: updates.length }, 'sync: writing updates works again');
			setState('ok');
			compactor.noteCommitted(updates);
			// The network document keeps its day checkpoints but has no versions (doc_versions belongs to Doetanks).
			versions.noteCommitted(updates.filter((u) => !isNetworkRoom(u.doetankId)));
		},
		onCallbackError: (err) => services.log.error({ err }, 'sync: handling a stored update failed')
	});
	const registry = new DocumentRegistry(services.db, log, opts.graceMs, opts.maxDocumentBytes, {
		onDelivered: (count) => metrics.updatesSent.add('', count),
		beforeLoad: cluster ? (doetankId) => cluster.follow(doetankId) : undefined,
		loaded: cluster ? (live, lastSeq) => cluster.loaded(live, lastSeq) : undefined,
		unloaded: cluster ? (doetankId) => cluster.unfollow(doetankId) : undefined,
		// The last person left and nobody came back within the grace: a version of what they wrote (not
		// at the moment everyone left: a café's wifi dropping for a few seconds is not the end of a
		// session, and cutting every document's version at once held up the reconnect). Then whatever
		// the log holds after the snapshot is folded, so the next load reads a snapshot and (nearly) no tail.
		beforeUnload: async (doetankId): Promise<void> => {
			if (!isNetworkRoom(doetankId)) await versions.everyoneLeft(doetankId);
			await compactor.fold(doetankId);
		},
		onLoaded: (doetankId, ms, tail) => {
			metrics.documentLoads.observe(ms / 1000);
			// A long tail (e.g. edits before a crash that no commit since has counted) is folded now,
			// so the next load reads a snapshot and a short tail.
			compactor.noteLoaded(doetankId, tail);
		},
		watch: (doetankId, doc) =>
			isNetworkRoom(doetankId) ? () => undefined : services.notifications.observeActions(doetankId, doc),
		onDamaged: (doetankId, err) =>
			services.log.error({ err, doetankId }, 'sync: skipped a logged update that could not be applied'),
		prepare: (doetankId, doc) => {
			if (isNetworkRoom(doetankId)) return prepareNetworkDocument(doc);
			try {
				const { from, to } = migrateWorkspace(doc);
				if (from !== to) services.log.info({ doetankId, from, to }, 'sync: workspace document migrated');
			} catch (err) {
				// A document from a newer version is served as it is; this server must not rewrite it.
				services.log.error({ err, doetankId }, 'sync: workspace document not migrated');
			}
		}
	});
	return {
		log,
		compactor,
		registry,
		get state() {
			return state;
		},
		async close(): Promise<void> {
			// No timed cut runs while the documents go; those everyone had left still cut theirs as they unload.
			versions.close();
			await versions.idle();
			await registry.closeAll();
			await compactor.idle();
		}
	};
}
