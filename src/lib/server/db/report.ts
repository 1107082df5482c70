import type { Answers } from '$lib/domain/instruments/vragenlijst-scoring';
import type { ReportFacts } from '$lib/domain/report/report';
import type { Phase } from '$lib/domain/roles';
import type { Database } from './client';

const HOUR = 60 * 60 * 1000;

/**
 * The network-wide facts of the Meten & Monitoren report, except the documents' canvases.
 * Edits come per user, Doetank and hour (Dutch days start on a whole UTC hour, so the domain can
 * still place each in its day) plus the days compaction folded into checkpoints.
 */
export async function readReportFacts(db: Database): Promise<Omit<ReportFacts, 'canvases' | 'networkCanvas'>> {
	const [doetanks, transitions, members, logged, folded, cafes, approvals, waves, responses] = await db.batch(
		[
			'SELECT id, name, created_at, phase FROM doetanks',
			'SELECT doetank_id, from_phase, to_phase, at, reason_category FROM phase_transitions ORDER BY at, rowid',
			'SELECT doetank_id, user_id, direct_stake FROM memberships',
			// Only Doetanks' documents: editing the network's business case is not Doetank work.
			`SELECT DISTINCT doetank_id, user_id, (created_at / ${HOUR}) * ${HOUR} AS hour FROM doc_updates
			 WHERE user_id IS NOT NULL AND doetank_id IN (SELECT id FROM doetanks)`,
			'SELECT doetank_id, day, contributors FROM doc_checkpoints WHERE doetank_id IN (SELECT id FROM doetanks)',
			'SELECT c.id, c.day, c.started_at, (SELECT count(*) FROM cafe_attendees a WHERE a.cafe_id = c.id) AS attendees FROM cafes c',
			`SELECT c.doetank_id, r.reviewed_at FROM checkpoint_reviews r JOIN checkpoint_submissions s ON s.id = r.submission_id
			 JOIN checkpoints c ON c.id = s.checkpoint_id WHERE r.decision = 'approved'`,
			'SELECT id, name, created_at, closes_on FROM questionnaire_waves',
			'SELECT wave_id, answers FROM questionnaire_responses'
		],
		'read'
	);
	const answers = new Map<string, Answers[]>();
	for (const r of responses!.rows) {
		const list = answers.get(String(r.wave_id)) ?? [];
		list.push(JSON.parse(String(r.answers)) as Answers);
		answers.set(String(r.wave_id), list);
	}
	return {
		doetanks: doetanks!.rows.map((r) => ({
			id: String(r.id),
			name: String(r.name),
			createdAt: Number(r.created_at),
			phase: String(r.phase) as Phase
		})),
		transitions: transitions!.rows.map((r) => ({
			doetankId: String(r.doetank_id),
			fromPhase: String(r.from_phase) as Phase,
			toPhase: String(r.to_phase) as Phase,
			at: Number(r.at),
			reason: r.reason_category === null ? null : String(r.reason_category)
		})),
		members: members!.rows.map((r) => ({
			doetankId: String(r.doetank_id),
			userId: String(r.user_id),
			directStake: Number(r.direct_stake) === 1
		})),
		loggedEdits: logged!.rows.map((r) => ({
			doetankId: String(r.doetank_id),
			userId: String(r.user_id),
			at: Number(r.hour)
		})),
		foldedEdits: folded!.rows.flatMap((r) =>
			(JSON.parse(String(r.contributors)) as string[]).map((userId) => ({
				doetankId: String(r.doetank_id),
				userId,
				day: String(r.day)
			}))
		),
		cafes: cafes!.rows.map((r) => ({
			id: String(r.id),
			day: String(r.day),
			held: r.started_at !== null,
			attendees: Number(r.attendees)
		})),
		approvals: approvals!.rows.map((r) => ({ doetankId: String(r.doetank_id), at: Number(r.reviewed_at) })),
		waves: waves!.rows.map((r) => ({
			id: String(r.id),
			name: String(r.name),
			createdAt: Number(r.created_at),
			closesOn: String(r.closes_on),
			responses: answers.get(String(r.id)) ?? []
		}))
	};
}
