import { AccessEvents } from './access-events';
import { AuthService } from './auth/service';
import { createLucia, type AppLucia } from './auth/lucia';
import type { Config } from './config';
import { openDatabase, type Database } from './db/client';
import { migrate } from './db/migrate';
import { DEMO_PASSWORD, demoAccounts, seedDemo } from './demo/seed';
import { DoetankService } from './doetanks/service';
import { HistoryService } from './documents/history';
import { InvitationService } from './doetanks/invitations';
import { QuestionnaireService } from './instruments/questionnaires';
import { createLogger, type Logger } from './logger';
import { PresenceBoard } from './presence';
import { UserService } from './users/service';

/** Everything a request handler or the sync server needs, built once per process. */
export interface Services {
	config: Config;
	db: Database;
	log: Logger;
	events: AccessEvents;
	lucia: AppLucia;
	auth: AuthService;
	doetanks: DoetankService;
	invitations: InvitationService;
	users: UserService;
	history: HistoryService;
	presence: PresenceBoard;
	questionnaires: QuestionnaireService;
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
	const secure = config.ORIGIN?.startsWith('https:') ?? false;
	const lucia = createLucia(db, secure);
	const invitations = new InvitationService(db);
	const events = new AccessEvents();
	return {
		config,
		db,
		log,
		lucia,
		events,
		auth: new AuthService(db, lucia, config, invitations, events),
		doetanks: new DoetankService(db, events),
		invitations,
		users: new UserService(db),
		history: new HistoryService(db),
		presence: new PresenceBoard(),
		questionnaires: new QuestionnaireService(db),
		demoAccounts: async () => (config.DEMO ? demoAccounts(db) : []),
		demoPassword: DEMO_PASSWORD,
		close: () => db.close()
	};
}
