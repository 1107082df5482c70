import { AccessEvents } from './access-events';
import { AuthService } from './auth/service';
import { CafeService } from './cafes/service';
import { CalendarService } from './calendar/service';
import { createLucia, type AppLucia } from './auth/lucia';
import type { Config } from './config';
import { openDatabase, type Database } from './db/client';
import { migrate } from './db/migrate';
import { openUpdateAppender, type UpdateAppender } from './db/update-appender';
import { DEMO_PASSWORD, demoAccounts, seedDemo } from './demo/seed';
import { DoetankService } from './doetanks/service';
import { HistoryService } from './documents/history';
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
import { ReportService } from './report/service';
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
	report: ReportService;
	demoAccounts(): ReturnType<typeof demoAccounts>;
	demoPassword: string;
	close(): void;
}

export async function createServices(config: Config, log = createLogger(config.LOG_LEVEL)): Promise<Services> {
	const db = await openDatabase(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
	const applied = await migrate(db);
	if (applied.length > 0) log.info({ applied }, 'database migrations applied');
	if (config.DEMO && (await seedDemo(db))) {
		log.info({ password: DEMO_PASSWORD }, 'empty database: demo network created');
	}
	const updates = openUpdateAppender(db, config.DATABASE_URL);
	const secure = config.ORIGIN?.startsWith('https:') ?? false;
	const lucia = createLucia(db, secure);
	const invitations = new InvitationService(db);
	const presence = new PresenceBoard();
	const events = new AccessEvents();
	const notifications = new NotificationService(db, log);
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
		users: new UserService(db),
		history: new HistoryService(db),
		phases: new PhaseService(db, notifications),
		agreements: new AgreementService(db, notifications),
		checkpoints: new CheckpointService(db, notifications),
		audit: new AuditService(db),
		notifications,
		calendar: new CalendarService(db),
		presence,
		questionnaires: new QuestionnaireService(db, notifications),
		logboek: new LogboekService(db),
		cafes: new CafeService(db, presence, invitations, notifications),
		monitoring: new MonitoringService(db),
		report: new ReportService(db),
		demoAccounts: async () => (config.DEMO ? demoAccounts(db) : []),
		demoPassword: DEMO_PASSWORD,
		close() {
			updates.close();
			db.close();
		}
	};
}
