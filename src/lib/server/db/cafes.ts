import type { InStatement } from '@libsql/client';
import type { Database } from './client';

export interface CafeRow {
	id: string;
	title: string;
	day: string;
	grandCafe: boolean;
	code: string;
	createdAt: number;
	startedAt: number | null;
	endedAt: number | null;
	doetanks: { id: string; name: string; baseline: string | null }[];
}

export interface Attendee {
	userId: string;
	name: string;
	doetankId: string;
	joinedAt: number;
}

const toCafe = (r: Record<string, unknown>, doetanks: CafeRow['doetanks']): CafeRow => ({
	id: String(r.id),
	title: String(r.title),
	day: String(r.day),
	grandCafe: Number(r.grand_cafe) === 1,
	code: String(r.code),
	createdAt: Number(r.created_at),
	startedAt: r.started_at === null ? null : Number(r.started_at),
	endedAt: r.ended_at === null ? null : Number(r.ended_at),
	doetanks
});

export function insertCafeStatements(c: {
	id: string;
	title: string;
	day: string;
	grandCafe: boolean;
	code: string;
	createdBy: string;
	doetankIds: string[];
}): InStatement[] {
	return [
		{
			sql: 'INSERT INTO cafes (id, title, day, grand_cafe, code, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
			args: [c.id, c.title, c.day, c.grandCafe ? 1 : 0, c.code, c.createdBy, Date.now()]
		},
		...c.doetankIds.map((doetankId) => ({
			sql: 'INSERT INTO cafe_doetanks (cafe_id, doetank_id) VALUES (?, ?)',
			args: [c.id, doetankId]
		}))
	];
}

/** Cafés with their Doetanks, newest day first: all, one by id, one by code, or those a user attended. */
export async function listCafes(
	db: Database,
	filter: { id?: string; code?: string; attendee?: string } = {}
): Promise<CafeRow[]> {
	const where = filter.id
		? 'WHERE c.id = ?'
		: filter.code
			? 'WHERE c.code = ?'
			: filter.attendee
				? 'WHERE c.id IN (SELECT cafe_id FROM cafe_attendees WHERE user_id = ?)'
				: '';
	const args = [filter.id ?? filter.code ?? filter.attendee].filter((a): a is string => a !== undefined);
	const [cafes, doetanks] = await db.batch(
		[
			{ sql: `SELECT c.* FROM cafes c ${where} ORDER BY c.day DESC, c.created_at DESC`, args },
			{
				sql: `SELECT cd.cafe_id, d.id, d.name, cd.baseline FROM cafe_doetanks cd JOIN doetanks d ON d.id = cd.doetank_id
				      WHERE cd.cafe_id IN (SELECT c.id FROM cafes c ${where}) ORDER BY d.name COLLATE NOCASE`,
				args
			}
		],
		'read'
	);
	const byCafe = new Map<string, CafeRow['doetanks']>();
	for (const r of doetanks!.rows) {
		const list = byCafe.get(String(r.cafe_id)) ?? [];
		list.push({ id: String(r.id), name: String(r.name), baseline: r.baseline === null ? null : String(r.baseline) });
		byCafe.set(String(r.cafe_id), list);
	}
	return cafes!.rows.map((r) => toCafe(r, byCafe.get(String(r.id)) ?? []));
}

export async function startCafe(
	db: Database,
	id: string,
	baselines: { doetankId: string; baseline: string }[]
): Promise<void> {
	await db.batch(
		[
			{ sql: 'UPDATE cafes SET started_at = ? WHERE id = ?', args: [Date.now(), id] },
			...baselines.map((b) => ({
				sql: 'UPDATE cafe_doetanks SET baseline = ? WHERE cafe_id = ? AND doetank_id = ?',
				args: [b.baseline, id, b.doetankId]
			}))
		],
		'write'
	);
}

/** Ends a café, together with `also` (the attendees' notices) in one transaction. */
export async function endCafe(db: Database, id: string, also: InStatement[] = []): Promise<void> {
	await db.batch(
		[{ sql: 'UPDATE cafes SET ended_at = ? WHERE id = ? AND ended_at IS NULL', args: [Date.now(), id] }, ...also],
		'write'
	);
}

/** Records (or moves) an attendee; joining again into another Doetank keeps the first join time. */
export async function recordAttendance(db: Database, cafeId: string, userId: string, doetankId: string): Promise<void> {
	await db.execute({
		sql: `INSERT INTO cafe_attendees (cafe_id, user_id, doetank_id, joined_at) VALUES (?, ?, ?, ?)
		      ON CONFLICT (cafe_id, user_id) DO UPDATE SET doetank_id = excluded.doetank_id`,
		args: [cafeId, userId, doetankId, Date.now()]
	});
}

export async function listAttendees(db: Database, cafeId: string): Promise<Attendee[]> {
	const { rows } = await db.execute({
		sql: `SELECT a.user_id, u.name, a.doetank_id, a.joined_at FROM cafe_attendees a JOIN users u ON u.id = a.user_id
		      WHERE a.cafe_id = ? ORDER BY u.name COLLATE NOCASE`,
		args: [cafeId]
	});
	return rows.map((r) => ({
		userId: String(r.user_id),
		name: String(r.name),
		doetankId: String(r.doetank_id),
		joinedAt: Number(r.joined_at)
	}));
}

export async function evaluationState(
	db: Database,
	cafeId: string,
	userId: string
): Promise<{ attended: boolean; responded: boolean }> {
	const { rows } = await db.execute({
		sql: `SELECT EXISTS (SELECT 1 FROM cafe_attendees WHERE cafe_id = ?1 AND user_id = ?2) AS attended,
		             EXISTS (SELECT 1 FROM cafe_evaluation_respondents WHERE cafe_id = ?1 AND user_id = ?2) AS responded`,
		args: [cafeId, userId]
	});
	return { attended: Number(rows[0]?.attended) === 1, responded: Number(rows[0]?.responded) === 1 };
}

/** One evaluation: the has-responded mark, the answers under a random id, contact details under another. */
export function evaluationStatements(e: {
	cafeId: string;
	userId: string;
	id: string;
	answers: unknown;
	contact: { id: string; name: string; phone: string; email: string } | null;
}): InStatement[] {
	return [
		{ sql: 'INSERT INTO cafe_evaluation_respondents (cafe_id, user_id) VALUES (?, ?)', args: [e.cafeId, e.userId] },
		{
			sql: 'INSERT INTO cafe_evaluations (id, cafe_id, answers) VALUES (?, ?, ?)',
			args: [e.id, e.cafeId, JSON.stringify(e.answers)]
		},
		...(e.contact
			? [
					{
						sql: 'INSERT INTO cafe_contacts (id, cafe_id, name, phone, email) VALUES (?, ?, ?, ?, ?)',
						args: [e.contact.id, e.cafeId, e.contact.name, e.contact.phone, e.contact.email]
					}
				]
			: [])
	];
}

export async function listEvaluations(db: Database, cafeId: string): Promise<unknown[]> {
	const { rows } = await db.execute({
		sql: 'SELECT answers FROM cafe_evaluations WHERE cafe_id = ? ORDER BY id',
		args: [cafeId]
	});
	return rows.map((r) => JSON.parse(String(r.answers)) as unknown);
}

export async function listCafeContacts(
	db: Database,
	cafeId: string
): Promise<{ name: string; phone: string; email: string }[]> {
	const { rows } = await db.execute({
		sql: 'SELECT name, phone, email FROM cafe_contacts WHERE cafe_id = ? ORDER BY name COLLATE NOCASE',
		args: [cafeId]
	});
	return rows.map((r) => ({ name: String(r.name), phone: String(r.phone), email: String(r.email) }));
}
