import { generateIdFromEntropySize } from 'lucia';
import { newJoinCode, normaliseJoinCode } from '$lib/domain/cafe/join-code';
import { cafeForm, shownNumber, type CafeForm, type Question } from '$lib/domain/instruments/cafe-evaluatie';
import {
	attentionGrid,
	choiceCounts,
	choiceMean,
	functionRanking,
	gradeMean,
	openAnswers,
	type AttentionRow,
	type CafeAnswers,
	type FunctionRank
} from '$lib/domain/instruments/cafe-scoring';
import { MIN_RESPONDENTS } from '$lib/domain/instruments/vragenlijst-scoring';
import {
	documentMetrics,
	EMPTY_METRICS,
	growth,
	parseMetrics,
	type DocumentMetrics
} from '$lib/domain/monitoring/document-metrics';
import { can, type Actor } from '$lib/domain/policy';
import type { CafeEvaluation, CafeInput, JoinInput } from '$lib/validation/cafes';
import { requireNetwork } from '../authz';
import type { Database } from '../db/client';
import {
	endCafe,
	evaluationState,
	evaluationStatements,
	insertCafeStatements,
	listAttendees,
	listCafeContacts,
	listCafes,
	listEvaluations,
	recordAttendance,
	startCafe,
	type Attendee,
	type CafeRow
} from '../db/cafes';
import { findDoetank, rolesByDoetank } from '../db/doetanks';
import { markDoneStatement } from '../db/notifications';
import type { InvitationService } from '../doetanks/invitations';
import type { NotificationService } from '../notifications/service';
import { toCsv } from '../csv';
import type { Translate } from '$lib/i18n';
import { AppError } from '../errors';
import { loadStoredDocument } from '../documents/stored';
import type { PresenceBoard, PresenceEntry } from '../presence';
import { isUniqueViolation } from '../db/sql-errors';

/** A café as everyone may see it before joining. */
export interface CafePreview {
	id: string;
	title: string;
	day: string;
	grandCafe: boolean;
	ended: boolean;
	doetanks: { id: string; name: string }[];
}

export type JoinResult = { doetankId: string } | { choose: { id: string; name: string }[] };

export interface CafeFigures {
	grade: { mean: number | null; n: number; reference2012: number };
	ranking: { ranking: FunctionRank[]; writeIns: { text: string; rank: number | null }[] } | null;
	attention: AttentionRow[] | null;
	choices: { questionId: string; counts: { key: string; count: number; texts: string[] }[]; mean: number | null }[];
	texts: { questionId: string; answers: { field: string | null; text: string }[] }[];
}

export interface CafeResults {
	cafe: CafePreview;
	form: CafeForm['id'];
	responses: number;
	attendees: number;
	/** How many evaluations it takes before anything is shown (as for the vragenlijst). */
	minimum: number;
	/** Null below `minimum`: with fewer, answers could be traced to the few attendees. Never holds a name. */
	figures: CafeFigures | null;
}

export type CafeContact = { name: string; phone: string; email: string };

export interface LiveDoetank {
	id: string;
	name: string;
	/** Who is in the workspace now, and in which section (from the sync server's presence). */
	present: PresenceEntry[];
	attendees: number;
	metrics: DocumentMetrics;
	/** Growth since the café started; null before the start. */
	growth: DocumentMetrics | null;
}

export interface LiveCafe {
	cafe: Omit<CafeRow, 'doetanks'>;
	doetanks: LiveDoetank[];
	at: number;
}

const preview = (c: CafeRow): CafePreview => ({
	id: c.id,
	title: c.title,
	day: c.day,
	grandCafe: c.grandCafe,
	ended: c.endedAt !== null,
	doetanks: c.doetanks.map((d) => ({ id: d.id, name: d.name }))
});

const evaluationLink = (cafeId: string) => `/cafes/${cafeId}/evaluatie`;

/** The token of an invitation, from a whole link (…/invite/<token>) or the token itself. */
const invitationToken = (value: string) => value.trim().split(/[/?#]/).filter(Boolean).at(-1) ?? '';

/**
 * Café mode: a facilitator (network admin or coach) runs a café for some Doetanks; attendees join
 * with its code and work in their own Doetank's workspace; afterwards they evaluate it.
 */
export class CafeService {
	constructor(
		private readonly db: Database,
		private readonly presence: PresenceBoard,
		private readonly invitations: InvitationService,
		private readonly notifications: Pick<NotificationService, 'statementsTo'>
	) {}

	async create(actor: Actor | null, cafe: CafeInput): Promise<CafeRow> {
		const me = requireNetwork(actor, 'cafe.facilitate');
		for (const doetankId of cafe.doetankIds) {
			if (!(await findDoetank(this.db, doetankId))) {
				throw new AppError(
					'validation_failed',
					'error.validation',
					{},
					{ doetankIds: { key: 'error.doetankNotFound' } }
				);
			}
		}
		const id = generateIdFromEntropySize(10);
		// A clash of random codes is rare; the unique index catches it and we draw again.
		for (let attempt = 0; ; attempt++) {
			try {
				await this.db.batch(insertCafeStatements({ id, ...cafe, code: newJoinCode(), createdBy: me.id }), 'write');
				break;
			} catch (err) {
				if (attempt >= 5 || !isUniqueViolation(err)) throw err;
			}
		}
		return this.get(me, id);
	}

	/** Facilitators see every café; others the cafés they attended. */
	async list(
		actor: Actor | null
	): Promise<{ cafes: CafeRow[]; attended: (CafePreview & { evaluation: 'open' | 'done' | 'closed' })[] }> {
		const me = requireNetwork(actor, 'doetank.list');
		const attended = await Promise.all(
			(await listCafes(this.db, { attendee: me.id })).map(async (c) => {
				const state = await evaluationState(this.db, c.id, me.id);
				return {
					...preview(c),
					evaluation: state.responded ? ('done' as const) : c.endedAt !== null ? ('open' as const) : ('closed' as const)
				};
			})
		);
		return { cafes: can(me, 'cafe.facilitate') ? await listCafes(this.db) : [], attended };
	}

	async get(actor: Actor | null, id: string): Promise<CafeRow> {
		requireNetwork(actor, 'cafe.facilitate');
		return this.find({ id });
	}

	/** What the join page shows for a code; no login needed, so only the title, day and Doetanks. */
	async preview(code: string): Promise<CafePreview> {
		return preview(await this.byCode(code));
	}

	/**
	 * Joins the café into one of its Doetanks the actor is a member of (or, with an invitation to one of
	 * them, accepts it first). With several to choose from and none chosen, the choices come back.
	 */
	async join(actor: Actor | null, body: JoinInput): Promise<JoinResult> {
		const me = requireNetwork(actor, 'doetank.list');
		const cafe = await this.byCode(body.code);
		if (cafe.endedAt !== null) throw new AppError('conflict', 'error.cafeEnded');
		if (body.invitation) {
			const token = invitationToken(body.invitation);
			const invited = await this.invitations.preview(token);
			if (!invited || !cafe.doetanks.some((d) => d.id === invited.doetankId)) {
				throw new AppError('not_found', 'error.invitationInvalid', {}, { invitation: { key: 'error.cafeInvitation' } });
			}
			await this.invitations.accept(me, token);
			return this.attend(cafe, me, invited.doetankId);
		}
		const roles = await rolesByDoetank(this.db, me.id);
		const mine = cafe.doetanks.filter((d) => can(me, 'workspace.read', { roles: roles.get(d.id) ?? [] }));
		if (body.doetankId) {
			const chosen = mine.find((d) => d.id === body.doetankId);
			if (!chosen) throw new AppError('forbidden', 'error.cafeNotYourDoetank');
			return this.attend(cafe, me, chosen.id);
		}
		if (mine.length === 1) return this.attend(cafe, me, mine[0]!.id);
		if (mine.length === 0) throw new AppError('forbidden', 'error.cafeNotYourDoetank');
		return { choose: mine.map((d) => ({ id: d.id, name: d.name })) };
	}

	async start(actor: Actor | null, id: string): Promise<CafeRow> {
		const cafe = await this.get(actor, id);
		if (cafe.startedAt === null) {
			const baselines = await Promise.all(
				cafe.doetanks.map(async (d) => ({ doetankId: d.id, baseline: JSON.stringify(await this.metrics(d.id)) }))
			);
			await startCafe(this.db, id, baselines);
		}
		return this.get(actor, id);
	}

	/** Ends the café; every attendee finds the evaluation in their inbox (once, however often it is ended). */
	async end(actor: Actor | null, id: string): Promise<CafeRow> {
		const cafe = await this.get(actor, id);
		const notices = (await listAttendees(this.db, id)).flatMap((a) =>
			this.notifications.statementsTo([a.userId], {
				doetankId: a.doetankId,
				kind: 'cafe_evaluation_open',
				params: { cafe: cafe.title },
				link: evaluationLink(id),
				dedupeKey: `cafe-evaluation:${id}`
			})
		);
		await endCafe(this.db, id, cafe.endedAt === null ? notices : []);
		return this.get(actor, id);
	}

	/** The facilitator's view: per Doetank who is present where, and how the document grew. */
	async live(actor: Actor | null, id: string): Promise<LiveCafe> {
		const { doetanks, ...cafe } = await this.get(actor, id);
		const attendees = await listAttendees(this.db, id);
		return {
			cafe,
			at: Date.now(),
			doetanks: await Promise.all(
				doetanks.map(async (d) => {
					const metrics = await this.metrics(d.id);
					const base = cafe.startedAt === null ? null : (parseMetrics(d.baseline) ?? EMPTY_METRICS);
					return {
						id: d.id,
						name: d.name,
						present: this.presence.list(d.id),
						attendees: attendees.filter((a) => a.doetankId === d.id).length,
						metrics,
						growth: base ? growth(base, metrics) : null
					};
				})
			)
		};
	}

	async attendees(actor: Actor | null, id: string): Promise<Attendee[]> {
		await this.get(actor, id);
		return listAttendees(this.db, id);
	}

	/** Calls back when presence changes in one of the café's Doetanks; returns the unsubscribe. */
	async watch(actor: Actor | null, id: string, onChange: () => void): Promise<() => void> {
		const cafe = await this.get(actor, id);
		const ids = new Set(cafe.doetanks.map((d) => d.id));
		return this.presence.onChange((doetankId) => {
			if (ids.has(doetankId)) onChange();
		});
	}

	/** The evaluation form for an attendee once the café has ended and they have not answered yet. */
	async evaluationForm(actor: Actor | null, id: string): Promise<{ cafe: CafePreview; form: CafeForm }> {
		const { cafe, form } = await this.evaluator(actor, id);
		return { cafe: preview(cafe), form };
	}

	/** `input` is parsed against this café's form (`evaluationForm`, then `cafeEvaluationInput`). */
	async evaluate(actor: Actor | null, id: string, input: CafeEvaluation): Promise<void> {
		const { me, form } = await this.evaluator(actor, id);
		const { answers, contact } = input;
		const asked = form.questions.find((q) => q.type === 'contact');
		// Contact details only count after a yes to the question they belong to (Grand Café 10 → 11).
		const yes =
			asked?.type === 'contact' &&
			(answers[asked.showIf.question] as { choice?: string } | undefined)?.choice === asked.showIf.choice;
		const details = yes && contact && (contact.naam || contact.telefoonnummer || contact.emailadres) ? contact : null;
		try {
			await this.db.batch(
				[
					// Answered: the inbox item that asked for the evaluation is done.
					markDoneStatement(['cafe_evaluation_open'], evaluationLink(id), me.id),
					...evaluationStatements({
						cafeId: id,
						userId: me.id,
						id: generateIdFromEntropySize(16),
						answers,
						contact: details
							? {
									id: generateIdFromEntropySize(16),
									name: details.naam,
									phone: details.telefoonnummer,
									email: details.emailadres
								}
							: null
					})
				],
				'write'
			);
		} catch (err) {
			if (isUniqueViolation(err)) throw new AppError('conflict', 'error.alreadyResponded');
			throw err;
		}
	}

	/**
	 * The facilitator's results: mean rapportcijfer, function ranking, attention grid, answers to open
	 * questions; withheld below MIN_RESPONDENTS evaluations. Names are never part of them (see contacts).
	 */
	async results(actor: Actor | null, id: string): Promise<CafeResults> {
		const cafe = await this.get(actor, id);
		const form = cafeForm(cafe.grandCafe);
		const responses = (await listEvaluations(this.db, id)) as CafeAnswers[];
		return {
			cafe: preview(cafe),
			form: form.id,
			responses: responses.length,
			attendees: (await listAttendees(this.db, id)).length,
			minimum: MIN_RESPONDENTS,
			figures: responses.length >= MIN_RESPONDENTS ? figures(form, responses) : null
		};
	}

	/**
	 * The results as CSV rows (question, shown number, option or box, count, text) under headers in the
	 * reader's language; only the headers below the minimum.
	 */
	async resultsCsv(actor: Actor | null, id: string, t: Translate): Promise<{ filename: string; csv: string }> {
		const results = await this.results(actor, id);
		const form = cafeForm(results.cafe.grandCafe);
		const header = (['question', 'number', 'item', 'count', 'text'] as const).map((k) => t(`csv.cafe.${k}`));
		const rows: (string | number | null)[][] = [header];
		const f = results.figures;
		for (const choice of f?.choices ?? []) {
			const number = shownNumber(form, choice.questionId);
			for (const c of choice.counts) {
				rows.push([choice.questionId, number, c.key, c.count, null]);
				for (const text of c.texts) rows.push([choice.questionId, number, c.key, null, text]);
			}
		}
		for (const q of f?.texts ?? []) {
			const number = shownNumber(form, q.questionId);
			for (const a of q.answers) rows.push([q.questionId, number, a.field, null, a.text]);
		}
		if (f) rows.push([form.gradeQuestion, shownNumber(form, form.gradeQuestion), 'mean', f.grade.n, f.grade.mean]);
		return { filename: `cafe-${results.cafe.day}-resultaten.csv`, csv: toCsv(rows) };
	}

	/**
	 * Grand Café question 11: who asked to be contacted, for the facilitator to follow up. Kept apart
	 * from the results (its own call and its own place on the café page) so no name stands beside answers.
	 */
	async contacts(actor: Actor | null, id: string): Promise<CafeContact[]> {
		await this.get(actor, id);
		return listCafeContacts(this.db, id);
	}

	private async evaluator(actor: Actor | null, id: string): Promise<{ me: Actor; cafe: CafeRow; form: CafeForm }> {
		const me = requireNetwork(actor, 'doetank.list');
		const cafe = await this.find({ id });
		const state = await evaluationState(this.db, id, me.id);
		if (!state.attended) throw new AppError('forbidden', 'error.cafeNotAttended');
		if (cafe.endedAt === null) throw new AppError('conflict', 'error.cafeNotEnded');
		if (state.responded) throw new AppError('conflict', 'error.alreadyResponded');
		return { me, cafe, form: cafeForm(cafe.grandCafe) };
	}

	private async attend(cafe: CafeRow, me: Actor, doetankId: string): Promise<JoinResult> {
		await recordAttendance(this.db, cafe.id, me.id, doetankId);
		return { doetankId };
	}

	private async metrics(doetankId: string): Promise<DocumentMetrics> {
		const doc = await loadStoredDocument(this.db, doetankId);
		try {
			return documentMetrics(doc);
		} finally {
			doc.destroy();
		}
	}

	private async byCode(input: string): Promise<CafeRow> {
		const code = normaliseJoinCode(input);
		if (!code) throw new AppError('not_found', 'error.cafeNotFound', {}, { code: { key: 'error.cafeNotFound' } });
		return this.find({ code });
	}

	private async find(filter: { id: string } | { code: string }): Promise<CafeRow> {
		const cafe = (await listCafes(this.db, filter))[0];
		if (!cafe)
			throw new AppError(
				'not_found',
				'error.cafeNotFound',
				{},
				'code' in filter ? { code: { key: 'error.cafeNotFound' } } : undefined
			);
		return cafe;
	}
}

/** The figures of a café's evaluations, over at least MIN_RESPONDENTS responses. */
function figures(form: CafeForm, responses: CafeAnswers[]): CafeFigures {
	const question = <T extends Question['type']>(type: T) =>
		form.questions.find((q): q is Extract<Question, { type: T }> => q.type === type);
	const ranking = question('ranking');
	const grid = question('attention_grid');
	return {
		grade: { ...gradeMean(form, responses), reference2012: form.grade2012 },
		ranking: ranking ? functionRanking(ranking.id, responses) : null,
		attention: grid ? attentionGrid(grid.id, responses) : null,
		choices: form.questions.flatMap((q) =>
			q.type === 'single_choice'
				? [
						{
							questionId: q.id,
							counts: choiceCounts(q.id, q.options, responses),
							mean: choiceMean(q.id, q.options, responses)
						}
					]
				: []
		),
		texts: form.questions.flatMap((q) =>
			q.type === 'open_text' || q.type === 'open_text_pair'
				? [{ questionId: q.id, answers: openAnswers(q, responses) }]
				: []
		)
	};
}
