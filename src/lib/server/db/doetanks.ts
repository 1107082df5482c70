import type { DoetankRole, LidType, Phase } from '$lib/domain/roles';
import type { InStatement } from '@libsql/client';
import type { Database } from './client';
import { membershipChangeStatement } from './membership-changes';

export interface DoetankRow {
	id: string;
	name: string;
	onderwerp: string;
	beoogdDoel: string;
	phase: Phase;
	isDemo: boolean;
	createdAt: number;
	memberCount: number;
}

export interface MemberRow {
	userId: string;
	name: string;
	email: string;
	roles: DoetankRole[];
	lidType: LidType | null;
	directStake: boolean;
	joinedAt: number;
}

export interface NewMembership {
	doetankId: string;
	userId: string;
	roles: readonly DoetankRole[];
	lidType: LidType | null;
	directStake: boolean;
}

const SELECT_DOETANK = `SELECT d.*, (SELECT count(*) FROM memberships m WHERE m.doetank_id = d.id) AS member_count
	FROM doetanks d`;

function toDoetank(row: Record<string, unknown>): DoetankRow {
	return {
		id: String(row.id),
		name: String(row.name),
		onderwerp: String(row.onderwerp),
		beoogdDoel: String(row.beoogd_doel),
		phase: row.phase as Phase,
		isDemo: Number(row.is_demo) === 1,
		createdAt: Number(row.created_at),
		memberCount: Number(row.member_count)
	};
}

/** Statements that write one membership with its roles; run them inside a batch. */
export function membershipStatements(m: NewMembership, actorId: string | null): InStatement[] {
	return [
		{
			sql: 'INSERT INTO memberships (doetank_id, user_id, lid_type, direct_stake, joined_at) VALUES (?, ?, ?, ?, ?)',
			args: [m.doetankId, m.userId, m.lidType, m.directStake ? 1 : 0, Date.now()]
		},
		...m.roles.map((role) => ({
			sql: 'INSERT INTO membership_roles (doetank_id, user_id, role) VALUES (?, ?, ?)',
			args: [m.doetankId, m.userId, role]
		})),
		membershipChangeStatement({ ...m, actorId, change: 'added' })
	];
}

export function insertDoetankStatements(
	d: {
		id: string;
		name: string;
		onderwerp: string;
		beoogdDoel: string;
		phase?: Phase;
		isDemo: boolean;
		createdBy: string | null;
	},
	firstMembers: NewMembership[]
): InStatement[] {
	return [
		{
			sql: `INSERT INTO doetanks (id, name, onderwerp, beoogd_doel, phase, is_demo, created_by, created_at)
			      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			args: [d.id, d.name, d.onderwerp, d.beoogdDoel, d.phase ?? 'fase_0', d.isDemo ? 1 : 0, d.createdBy, Date.now()]
		},
		...firstMembers.flatMap((m) => membershipStatements(m, d.createdBy))
	];
}

export async function updateDoetank(
	db: Database,
	id: string,
	d: { name: string; onderwerp: string; beoogdDoel: string }
): Promise<void> {
	await db.execute({
		sql: 'UPDATE doetanks SET name = ?, onderwerp = ?, beoogd_doel = ? WHERE id = ?',
		args: [d.name, d.onderwerp, d.beoogdDoel, id]
	});
}

export async function findDoetank(db: Database, id: string): Promise<DoetankRow | null> {
	const { rows } = await db.execute({ sql: `${SELECT_DOETANK} WHERE d.id = ?`, args: [id] });
	return rows[0] ? toDoetank(rows[0]) : null;
}

export async function listAllDoetanks(db: Database): Promise<DoetankRow[]> {
	const { rows } = await db.execute(`${SELECT_DOETANK} ORDER BY d.name COLLATE NOCASE`);
	return rows.map(toDoetank);
}

export async function listDoetanksOf(db: Database, userId: string): Promise<DoetankRow[]> {
	const { rows } = await db.execute({
		sql: `${SELECT_DOETANK} WHERE d.id IN (SELECT doetank_id FROM memberships WHERE user_id = ?)
		      ORDER BY d.name COLLATE NOCASE`,
		args: [userId]
	});
	return rows.map(toDoetank);
}

/** All Doetank roles of one user, keyed by Doetank id. */
export async function rolesByDoetank(db: Database, userId: string): Promise<Map<string, DoetankRole[]>> {
	const { rows } = await db.execute({
		sql: 'SELECT doetank_id, role FROM membership_roles WHERE user_id = ? ORDER BY role',
		args: [userId]
	});
	const out = new Map<string, DoetankRole[]>();
	for (const row of rows) {
		const key = String(row.doetank_id);
		out.set(key, [...(out.get(key) ?? []), row.role as DoetankRole]);
	}
	return out;
}

export async function rolesIn(db: Database, doetankId: string, userId: string): Promise<DoetankRole[]> {
	const { rows } = await db.execute({
		sql: 'SELECT role FROM membership_roles WHERE doetank_id = ? AND user_id = ? ORDER BY role',
		args: [doetankId, userId]
	});
	return rows.map((r) => r.role as DoetankRole);
}

export async function listMembers(db: Database, doetankId: string): Promise<MemberRow[]> {
	const { rows } = await db.execute({
		sql: `SELECT m.user_id, u.name, u.email, m.lid_type, m.direct_stake, m.joined_at,
		             (SELECT group_concat(role) FROM membership_roles r
		              WHERE r.doetank_id = m.doetank_id AND r.user_id = m.user_id) AS roles
		      FROM memberships m JOIN users u ON u.id = m.user_id
		      WHERE m.doetank_id = ? ORDER BY u.name COLLATE NOCASE`,
		args: [doetankId]
	});
	return rows.map((row) => ({
		userId: String(row.user_id),
		name: String(row.name),
		email: String(row.email),
		roles: String(row.roles ?? '')
			.split(',')
			.filter(Boolean)
			.sort() as DoetankRole[],
		lidType: (row.lid_type as LidType | null) ?? null,
		directStake: Number(row.direct_stake) === 1,
		joinedAt: Number(row.joined_at)
	}));
}

export async function replaceMembership(db: Database, m: NewMembership, actorId: string): Promise<void> {
	await db.batch(
		[
			{
				sql: 'UPDATE memberships SET lid_type = ?, direct_stake = ? WHERE doetank_id = ? AND user_id = ?',
				args: [m.lidType, m.directStake ? 1 : 0, m.doetankId, m.userId]
			},
			{
				sql: 'DELETE FROM membership_roles WHERE doetank_id = ? AND user_id = ?',
				args: [m.doetankId, m.userId]
			},
			...m.roles.map((role) => ({
				sql: 'INSERT INTO membership_roles (doetank_id, user_id, role) VALUES (?, ?, ?)',
				args: [m.doetankId, m.userId, role]
			})),
			membershipChangeStatement({ ...m, actorId, change: 'roles_changed' })
		],
		'write'
	);
}

export async function deleteMembership(
	db: Database,
	doetankId: string,
	userId: string,
	actorId: string
): Promise<void> {
	await db.batch(
		[
			{ sql: 'DELETE FROM memberships WHERE doetank_id = ? AND user_id = ?', args: [doetankId, userId] },
			membershipChangeStatement({ doetankId, userId, actorId, change: 'removed', roles: [] })
		],
		'write'
	);
}
