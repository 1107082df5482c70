import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { BucketHistogram } from './bucket-histogram';
import { Tally } from './tally';

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * The sync server's Prometheus metrics, in a registry of their own (plus Node's process metrics)
 * so tests and a second server in one process never share counters.
 */
export class SyncMetrics {
	readonly registry = new Registry();
	/** Per update received, so a Tally: see there. */
	readonly received = new Tally({
		name: 'doetank_sync_updates_received_total',
		help: 'Document updates received from clients, by result: accepted, dropped_readonly (read-only role) or dropped_incomplete (builds on content the server does not have) or refused_full (the document is at SYNC_MAX_DOCUMENT_BYTES).',
		registry: this.registry,
		label: 'result',
		values: ['accepted', 'dropped_readonly', 'dropped_incomplete', 'refused_full'] as const
	});
	readonly refusedUpgrades = new Counter({
		name: 'doetank_sync_upgrades_refused_total',
		help: 'Websocket upgrades refused before the upgrade, by HTTP status (400, 401, 403, 404, 429, 503).',
		labelNames: ['status'] as const,
		registers: [this.registry]
	});
	readonly awarenessDropped = new Counter({
		name: 'doetank_sync_awareness_dropped_total',
		help: 'Awareness messages dropped for being larger than SYNC_MAX_AWARENESS_BYTES or faster than 10 a second.',
		registers: [this.registry]
	});
	readonly updatesSent = new Tally({
		name: 'doetank_sync_updates_sent_total',
		help: 'Document updates sent to clients (one per receiving connection).',
		registry: this.registry
	});
	// Histograms are BucketHistograms: prom-client's own showed up in the profile of every edit.
	readonly persistBatch = new BucketHistogram(
		'doetank_sync_persist_batch_seconds',
		'Time to make one group-commit batch of updates durable.',
		LATENCY_BUCKETS,
		this.registry
	);
	readonly persistBatchSize = new BucketHistogram(
		'doetank_sync_persist_batch_updates',
		'Updates per group-commit batch.',
		[1, 2, 5, 10, 20, 50, 100, 200, 500],
		this.registry
	);
	readonly persistFailures = new Counter({
		name: 'doetank_sync_persist_failures_total',
		help: 'Failed attempts to write a batch of updates (each batch is retried until it lands).',
		registers: [this.registry]
	});
	readonly broadcast = new BucketHistogram(
		'doetank_sync_broadcast_seconds',
		'Time to apply an accepted update and hand it to every other connection of the document.',
		LATENCY_BUCKETS,
		this.registry
	);
	readonly compactions = new BucketHistogram(
		'doetank_sync_compaction_seconds',
		'Time to fold a document update log into a snapshot and day checkpoints.',
		LATENCY_BUCKETS,
		this.registry
	);
	readonly documentLoads = new BucketHistogram(
		'doetank_sync_document_load_seconds',
		'Time to load a document: read snapshot and later updates, apply them, migrate.',
		LATENCY_BUCKETS,
		this.registry
	);
	readonly closes = new Counter({
		name: 'doetank_sync_connections_closed_total',
		help: 'Closed sync connections by close code.',
		labelNames: ['code'] as const,
		registers: [this.registry]
	});

	constructor(state: {
		connections(): number;
		documents(): number;
		persistenceFailing(): boolean;
		replicaPulls(): number;
		upgradesWaiting(): number;
	}) {
		new Gauge({
			name: 'doetank_sync_connections',
			help: 'Open sync connections.',
			registers: [this.registry],
			collect() {
				this.set(state.connections());
			}
		});
		new Gauge({
			name: 'doetank_sync_documents_loaded',
			help: 'Doetank documents held in memory.',
			registers: [this.registry],
			collect() {
				this.set(state.documents());
			}
		});
		new Gauge({
			name: 'doetank_sync_persistence_failing',
			help: '1 while writing updates to the database fails (updates are kept and retried).',
			registers: [this.registry],
			collect() {
				this.set(state.persistenceFailing() ? 1 : 0);
			}
		});
		new Gauge({
			name: 'doetank_sync_upgrades_waiting',
			help: 'Upgrades waiting for their turn in a burst (at most SYNC_MAX_WAITING_UPGRADES).',
			registers: [this.registry],
			collect() {
				this.set(state.upgradesWaiting());
			}
		});
		new Counter({
			name: 'doetank_replica_pulls_total',
			help: 'Pulls of the embedded replica on demand (a session not found, a document log read), at most one every DATABASE_SYNC_MIN_GAP_MS.',
			registers: [this.registry],
			collect() {
				this.reset();
				this.inc(state.replicaPulls());
			}
		});
		// The event-loop delay monitor wakes the process at this interval even when it is idle; the
		// default of 10 ms cost more CPU than an idle server otherwise uses. A stall of 50 ms or
		// more is still seen every time.
		collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 50 });
	}
}
