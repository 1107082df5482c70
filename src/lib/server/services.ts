import { AccessEvents } from './access-events';
import { AuthService } from './auth/service';
import { CafeService } from './cafes/service';
import { CalendarService } from './calendar/service';
import { CommentService } from './comments/service';
import { commentsFingerprint } from './db/comments';
import { createLucia, type AppLucia } from './auth/lucia';
import { NETWORK_TIME_ZONE } from '$lib/domain/calendar';
import type { Config } from './config';
import { embeddedFile, startCheckpointer } from './db/checkpointer';
import { openDatabase, type Database } from './db/client';
import { migrate } from './db/migrate';
import { openUpdateAppender, type UpdateAppender } from './db/update-appender';
import { applyDemoSetting, DEMO_PASSWORD, demoAccounts } from './demo/seed';
import { DoetankService } from './doetanks/service';
import { HistoryService } from './documents/history';
import { VersionService } from './documents/versions';
import { AgreementService } from './governance/agreements';
import { AuditService } from './governance/audit';
import { CheckpointService } from './governance/checkpoints';
import { PhaseService } from './governance/phases';
import { InvitationService } from './doetanks/invitations';
import { LogboekService } from './instruments/logboek';
import { MonitoringService } from './monitoring/service';
import { QuestionnaireService } from './instruments/questionnaires';
import { createLogger, type Logger } from './logger';
import { NotificationService } from './notifications/service';
import { PresenceBoard } from './presence';
import { ChangeFeed } from './change-feed';
import { StreamLimiter } from './sse';
import { ReportService } from './report/service';
import type { Bus } from './scale/bus';
import { openBus } from './scale/connect';
import { InstanceRoster } from './scale/instances';
import { UserService } from './users/service';

/** Everything a request handler or the sync server needs, built once per process. */
export interface Services {
	config: Config;
	db: Database;
	/** The document log's write path (its own connection for an embedded file). */
	updates: UpdateAppender;
	log: Logger;
	events: AccessEvents;
	lucia: AppLucia;
	auth: AuthService;
	doetanks: DoetankService;
	invitations: InvitationService;
	users: UserService;
	history: HistoryService;
	versions: VersionService;
	phases: PhaseService;
	agreements: AgreementService;
	checkpoints: CheckpointService;
	audit: AuditService;
	/** The inbox; `observeActions(doetankId, doc)` watches a live document's actielijst. */
	notifications: NotificationService;
	calendar: CalendarService;
	presence: PresenceBoard;
	questionnaires: QuestionnaireService;
	logboek: LogboekService;
	cafes: CafeService;
	monitoring: MonitoringService;
	/** The one poller of the governance change counter, shared by every dashboard stream. */
	governanceChanges: ChangeFeed;
	comments: CommentService;
	/** The one poller of the comment counters, shared by every workspace's comment stream. */
	commentChanges: ChangeFeed;
	/** Open event streams per account (SSE_MAX_STREAMS_PER_USER). */
	streams: StreamLimiter;
	report: ReportService;
	/** Multi-instance mode (REDIS_URL): the bus to the other instances and who of them is alive; null alone. */
	cluster: { bus: Bus; roster: InstanceRoster } | null;
	demoAccounts(): ReturnType<typeof demoAccounts>;
	demoPassword: string;
	close(): void;
}

/** How often the dashboard's change counter is read (once per process, whatever the number of streams). */
const GOVERNANCE_POLL_MS = 2_000;
/** How often the comment counters are read; a comment reaches the others within about this long. */
const COMMENTS_POLL_MS = 1_000;

/** The migration that ends every session once (tokens are stored hashed from then on). */
const HASHED_SESSIONS_MIGRATION = '0011_hashed_session_tokens.sql';
const FIRST_MIGRATION = '0001_accounts_and_doetanks.sql';

/**
 * An embedded replica reads locally, also inside a transaction until its first write: what is
 * already applied would be read from a copy that may lag another instance's migrations. They run
 * on the server itself, which the replica then pulls.
 */
async function migrateOnServer(replica: Database, url: string, authToken: string | undefined): Promise<string[]> {
	const server = await openDatabase(url, authToken);
	try {
		return await migrate(server);
	} finally {
		server.close();
		await replica.sync();
	}
}

export async function createServices(config: Config, log = createLogger(config.LOG_LEVEL)): Promise<Services> {
	const replicaOf = config.DATABASE_SYNC_URL
		? {
				url: config.DATABASE_SYNC_URL,
				intervalS: config.DATABASE_SYNC_INTERVAL_S,
				minGapMs: config.DATABASE_SYNC_MIN_GAP_MS
			}
		: undefined;
	// An embedded replica's file belongs to the replication: no second connection writes or checkpoints it.
	const file = replicaOf ? null : embeddedFile(config.DATABASE_URL);
	const db = await openDatabase(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN, {
		backgroundCheckpoints: file !== null,
		replicaOf
	});
	const checkpointer =
		file === null
			? null
			: startCheckpointer(file, {
					intervalMs: config.DATABASE_CHECKPOINT_MS,
					onError: (error) => log.warn({ error }, 'WAL checkpoint failed (retried next interval)')
				});
	const applied = replicaOf ? await migrateOnServer(db, replicaOf.url, config.DATABASE_AUTH_TOKEN) : await migrate(db);
	if (applied.length > 0) log.info({ applied }, 'database migrations applied');
	// Only a database that already had sessions (not a fresh one) loses them.
	if (applied.includes(HASHED_SESSIONS_MIGRATION) && !applied.includes(FIRST_MIGRATION)) {
		log.warn('session tokens are now stored hashed: every existing session has ended, everyone signs in once more');
	}
	await applyDemoSetting(db, config, log);
	const updates = openUpdateAppender(db, replicaOf ? null : config.DATABASE_URL, {
		allocateSeq: Boolean(config.REDIS_URL),
		backgroundCheckpoints: file !== null
	});
	const secure = config.ORIGIN?.startsWith('https:') ?? false;
	const lucia = createLucia(db, secure, config.demoActive);
	const invitations = new InvitationService(db);
	const presence = new PresenceBoard();
	const events = new AccessEvents();
	const notifications = new NotificationService(db, log);
	const monitoring = new MonitoringService(db);
	const cluster = config.REDIS_URL ? await joinCluster(config, config.REDIS_URL, log, events, presence) : null;
	return {
		config,
		db,
		updates,
		log,
		lucia,
		events,
		auth: new AuthService(db, lucia, config, invitations, events),
		doetanks: new DoetankService(db, events),
		invitations,
		users: new UserService(db, events),
		history: new HistoryService(db),
		versions: new VersionService(db, NETWORK_TIME_ZONE, Date.now, {
			maxBytes: config.HISTORY_MAX_BYTES,
			maxNamed: config.HISTORY_MAX_NAMED_VERSIONS
		}),
		phases: new PhaseService(db, notifications),
		agreements: new AgreementService(db, notifications),
		checkpoints: new CheckpointService(db, notifications, config.SYNC_MAX_DOCUMENT_BYTES),
		audit: new AuditService(db),
		notifications,
		calendar: new CalendarService(db),
		presence,
		questionnaires: new QuestionnaireService(db, notifications),
		logboek: new LogboekService(db),
		cafes: new CafeService(db, presence, invitations, notifications),
		monitoring,
		governanceChanges: new ChangeFeed(
			() => monitoring.fingerprint(),
			GOVERNANCE_POLL_MS,
			(err) => log.error({ err }, 'dashboard change check failed')
		),
		comments: new CommentService(db, {
			maxBodyChars: config.COMMENT_MAX_BODY_CHARS,
			maxThreadsPerDoetank: config.COMMENT_MAX_PER_DOETANK,
			maxRepliesPerThread: config.COMMENT_MAX_REPLIES,
			maxPerUserPerMinute: config.COMMENT_MAX_PER_USER_PER_MINUTE
		}),
		// Polled from the database, so a comment written through another process reaches every stream.
		commentChanges: new ChangeFeed(
			() => commentsFingerprint(db),
			COMMENTS_POLL_MS,
			(err) => log.error({ err }, 'comment change check failed')
		),
		streams: new StreamLimiter(config.SSE_MAX_STREAMS_PER_USER),
		report: new ReportService(db),
		demoAccounts: async () => (config.demoActive ? demoAccounts(db) : []),
		demoPassword: DEMO_PASSWORD,
		cluster,
		close() {
			cluster?.roster.stop();
			void cluster?.bus.close();
			updates.close();
			db.close();
			void checkpointer?.stop();
		}
	};
}

/** Connects to the other instances: access changes and presence go over the bus from now on. */
async function joinCluster(config: Config, url: string, log: Logger, events: AccessEvents, presence: PresenceBoard) {
	const bus = await openBus(url, log);
	const roster = new InstanceRoster(bus, { beatMs: config.SCALE_BEAT_MS, missedBeats: config.SCALE_MISSED_BEATS });
	await Promise.all([events.connect(bus), presence.connect(bus, roster)]);
	await roster.start();
	return { bus, roster };
}
