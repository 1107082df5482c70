import * as Y from 'yjs';
import type { InStatement } from '@libsql/client';
import type { StopReason } from '$lib/domain/governance/stop-reasons';
import type { DoetankRole, LidType, NetworkRole, Phase } from '$lib/domain/roles';
import { migrateWorkspace, probleemdefinitie, writeParagraphs } from '$lib/domain/workspace';
import { hashPassword } from '../auth/passwords';
import { ConfigError, type Config } from '../config';
import type { Database } from '../db/client';
import { appendUpdateStatement } from '../db/doc-log';
import { insertDoetankStatements } from '../db/doetanks';
import { insertTransitionStatement } from '../db/governance';
import { getMeta, setMetaStatement } from '../db/meta';
import { countUsers, insertUserStatement, listDemoUsers, type UserRow } from '../db/users';
import { deleteDemoSessions } from '../db/sessions';
import type { Logger } from '../logger';
import network from './demo-network.json';

/** Published on the login page and in the start-up log while the demo is active. */
export const DEMO_PASSWORD = 'doetank-demo';

type DemoDoetank = {
	id: string;
	name: string;
	onderwerp: string;
	beoogdDoel: string;
	phase: Phase;
	probleemdefinitie: string;
	/** Why a stopped Doetank stopped, as the 2013 report gives it. */
	stop?: { reasonCategory: StopReason; explanation: string };
};

interface DemoAccount {
	key: string;
	name: string;
	networkRole: NetworkRole;
}

const ACCOUNTS: DemoAccount[] = [
	{ key: 'beheerder', name: 'Bea Beheerder', networkRole: 'admin' },
	{ key: 'coach', name: 'Cor Coach', networkRole: 'coach' },
	{ key: 'trekker', name: 'Tineke Trekker', networkRole: 'member' },
	{ key: 'lid', name: 'Lars Lid', networkRole: 'member' },
	{ key: 'opdrachtgever', name: 'Olga Opdrachtgever', networkRole: 'member' },
	{ key: 'besluitvormer', name: 'Bram Besluitvormer', networkRole: 'member' },
	{ key: 'meekijker', name: 'Mila Meekijker', networkRole: 'member' }
];

const demoEmail = (key: string) => `${key}@demo.doetank.nl`;
const demoId = (key: string) => `demo-${key}`;

/** Which demo account holds which roles in the first Doetanks of the list (the running ones). */
const CAST: Array<{
	key: string;
	roles: DoetankRole[];
	lidType: LidType | null;
	directStake: boolean;
	doetanks: number;
}> = [
	{ key: 'trekker', roles: ['trekker', 'lid'], lidType: 'kern', directStake: true, doetanks: 4 },
	{ key: 'lid', roles: ['lid'], lidType: 'schil', directStake: false, doetanks: 3 },
	{ key: 'coach', roles: ['coach'], lidType: null, directStake: false, doetanks: 5 },
	{ key: 'opdrachtgever', roles: ['opdrachtgever'], lidType: null, directStake: false, doetanks: 2 },
	{ key: 'besluitvormer', roles: ['besluitvormer'], lidType: null, directStake: false, doetanks: 1 },
	{ key: 'meekijker', roles: ['meekijker'], lidType: null, directStake: false, doetanks: 2 }
];

/** Seeds the labelled demo network into an empty database; does nothing otherwise. */
export async function seedDemo(db: Database): Promise<boolean> {
	if ((await countUsers(db)) > 0) return false;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const users = ACCOUNTS.map((a) =>
		insertUserStatement({
			id: demoId(a.key),
			email: demoEmail(a.key),
			name: a.name,
			networkRole: a.networkRole,
			isDemo: true,
			passwordHash
		})
	);
	const now = new Date();
	const doetanks = (network.doetanks as DemoDoetank[]).flatMap(
		({ probleemdefinitie: text, phase, stop, ...d }, index) => [
			...insertDoetankStatements(
				{ ...d, isDemo: true, createdBy: demoId('trekker') },
				CAST.filter((c) => index < c.doetanks).map((c) => ({
					doetankId: d.id,
					userId: demoId(c.key),
					roles: c.roles,
					lidType: c.lidType,
					directStake: c.directStake
				}))
			),
			// The workspace starts with the problem as the report described it, logged as by nobody,
			// so no demo account gets activity it did not have.
			appendUpdateStatement({
				doetankId: d.id,
				seq: 1,
				update: workspaceWith(text, now),
				userId: null,
				at: now.getTime()
			}),
			...phaseMoves(d.id, phase, stop, now.getTime())
		]
	);
	// One transaction: a seed that fails halfway leaves an empty database, which seeds again next start.
	await db.batch([...users, ...doetanks, setMetaStatement('demo', '1')], 'write');
	return true;
}

/** The path from fase 0: stopped Doetanks stop from fase 0 (the report does not say from which phase). */
const PATHS: Record<Phase, Phase[]> = {
	fase_0: [],
	fase_1: ['fase_1'],
	fase_2: ['fase_1', 'fase_2'],
	afgerond: ['fase_1', 'afgerond'],
	gestopt: ['gestopt']
};

/**
 * Records the moves that bring a new Doetank (fase 0) to its demo phase, as the beheerder, so the
 * timeline, the audit and the report read the phase from its moves like any other Doetank's.
 */
function phaseMoves(doetankId: string, phase: Phase, stop: DemoDoetank['stop'], at: number): InStatement[] {
	let from: Phase = 'fase_0';
	return PATHS[phase].map((to, i) => {
		const move = insertTransitionStatement({
			id: `demo-${doetankId}-${i + 1}`,
			doetankId,
			from,
			to,
			actorId: demoId('beheerder'),
			at,
			reasonCategory: to === 'gestopt' ? (stop?.reasonCategory ?? 'anders') : null,
			explanation: to === 'gestopt' ? (stop?.explanation ?? '') : null,
			resultSummary: null,
			override: false,
			justification: null,
			overridden: []
		});
		from = to;
		return move;
	});
}

/** A current-layout workspace document holding only the given probleemdefinitie. */
function workspaceWith(text: string, now: Date): Uint8Array {
	const doc = new Y.Doc();
	migrateWorkspace(doc, now);
	writeParagraphs(probleemdefinitie(doc), [text]);
	return Y.encodeStateAsUpdate(doc);
}

/**
 * Seeds the demo network when it is active, and refuses a demo that would be reachable from other
 * machines without DEMO=1 (its admin password is printed on the login page). With the demo off,
 * its accounts cannot sign in and their sessions end here.
 */
export async function applyDemoSetting(
	db: Database,
	config: Pick<Config, 'DEMO' | 'demoActive' | 'HOST'>,
	log: Logger
): Promise<void> {
	if (config.demoActive) {
		if (await seedDemo(db)) log.info({ password: DEMO_PASSWORD }, 'empty database: demo network created');
		return;
	}
	if (config.DEMO === undefined && (await getMeta(db, 'demo')) === '1') {
		throw new ConfigError([
			`DEMO: this database holds the demo network (published passwords) and HOST=${config.HOST} is reachable ` +
				'from other machines; set DEMO=0 to lock the demo accounts or DEMO=1 to serve the demo anyway'
		]);
	}
	const ended = await deleteDemoSessions(db);
	if (ended > 0) log.info({ ended }, 'demo switched off: sessions of demo accounts ended');
}

/** The demo accounts to show, or none when this database holds no demo network. */
export async function demoAccounts(db: Database): Promise<UserRow[]> {
	return (await getMeta(db, 'demo')) === '1' ? listDemoUsers(db) : [];
}
