import { generateIdFromEntropySize } from 'lucia';
import { dayIn, NETWORK_TIME_ZONE } from '$lib/domain/calendar';
import type { Actor } from '$lib/domain/policy';
import { RESPONDENT_ROLES } from '$lib/domain/roles';
import { can } from '$lib/domain/policy';
import { ITEMS, SCALES, type ItemId } from '$lib/domain/instruments/vragenlijst';
import {
	aggregate,
	compareWaves,
	scoreResponse,
	type GroupResult,
	type ScaleChange
} from '$lib/domain/instruments/vragenlijst-scoring';
import type { QuestionnaireResponseInput, WaveInput } from '$lib/validation/instruments';
import { requireDoetank, requireNetwork } from '../authz';
import type { Database } from '../db/client';
import { findDoetank, rolesByDoetank } from '../db/doetanks';
import { insertNotificationStatement, markDoneStatement } from '../db/notifications';
import { findUserById, listAdminIds } from '../db/users';
import {
	hasResponded,
	insertWave,
	listContacts,
	listResponses,
	listWaves,
	responseStatements,
	wavesForUser,
	wavesOfDoetank,
	type WaveRow
} from '../db/questionnaires';
import { AppError } from '../errors';
import type { NotificationService } from '../notifications/service';
import type { InStatement } from '@libsql/client';
import { toCsv } from '../csv';
import type { Translate } from '$lib/i18n';
import { isUniqueViolation } from '../db/sql-errors';

/** The form of one wave for one Doetank: where the inbox item leads. */
const formLink = (waveId: string, doetankId: string) => `/vragenlijst/${waveId}/${doetankId}`;
export interface OpenQuestionnaire {
	waveId: string;
	waveName: string;
	closesOn: string;
	doetankId: string;
	doetankName: string;
	responded: boolean;
}

export interface WaveResults {
	wave: WaveRow;
	/** All responses of the wave together. */
	overall: GroupResult;
	doetanks: { id: string; name: string; result: GroupResult }[];
	/** Question 8, from Doetanks with enough responses only, in random order. */
	remarks: string[];
}

export interface DoetankResults {
	waves: { id: string; name: string; closesOn: string; result: GroupResult }[];
	/** Each wave against the wave before it, where both have figures. */
	changes: { from: string; to: string; scales: ScaleChange[] }[];
}

/** The coded items, in the order of the questionnaire: the columns of the raw-answer export. */
const CODED_ITEMS = ITEMS.filter((item) => item.answerScale !== 'open_tekst').map((item) => item.id);

/**
 * The Doetank-vragenlijst: admins open waves for chosen Doetanks; their trekkers and leden answer
 * anonymously (see docs/instruments.md); results are group figures from 3 respondents on.
 */
export class QuestionnaireService {
	constructor(
		private readonly db: Database,
		private readonly notifications: Pick<NotificationService, 'statementsFor'>,
		private readonly now: () => number = Date.now,
		private readonly timeZone = NETWORK_TIME_ZONE
	) {}

	private today(): string {
		return dayIn(this.now(), this.timeZone);
	}

	async openWave(actor: Actor | null, wave: WaveInput): Promise<WaveRow> {
		const admin = requireNetwork(actor, 'questionnaire.manage');
		if (wave.closesOn < this.today()) {
			throw new AppError('validation_failed', 'error.validation', {}, { closesOn: { key: 'validation.pastDay' } });
		}
		const id = generateIdFromEntropySize(10);
		const notices: InStatement[] = [];
		for (const doetankId of wave.doetankIds) {
			const doetank = await findDoetank(this.db, doetankId);
			if (!doetank) {
				throw new AppError(
					'validation_failed',
					'error.validation',
					{},
					{ doetankIds: { key: 'error.doetankNotFound' } }
				);
			}
			// Everyone who may answer finds the questionnaire in their inbox, with the link to its form.
			const notice = {
				doetankId,
				kind: 'questionnaire_open' as const,
				params: { doetank: doetank.name, wave: wave.name, closesOn: wave.closesOn },
				link: formLink(id, doetankId)
			};
			notices.push(...(await this.notifications.statementsFor(notice, RESPONDENT_ROLES, null)));
			// Its coaches watch the meting: they find it with the link to the Doetank's results.
			const watch = { ...notice, kind: 'questionnaire_started' as const, link: `/doetanks/${doetankId}/vragenlijst` };
			notices.push(...(await this.notifications.statementsFor(watch, ['coach'], admin.id)));
		}
		// The other admins watch every meting: one item per wave, with the link to its network results.
		const createdAt = Date.now();
		const by = (await findUserById(this.db, admin.id))?.name ?? '';
		for (const userId of await listAdminIds(this.db)) {
			if (userId === admin.id) continue;
			notices.push(
				insertNotificationStatement({
					id: generateIdFromEntropySize(10),
					userId,
					doetankId: null,
					kind: 'questionnaire_started_network',
					params: { wave: wave.name, closesOn: wave.closesOn, by },
					link: `/vragenlijst/${id}`,
					createdAt
				})
			);
		}
		await insertWave(this.db, { id, ...wave, createdBy: admin.id }, notices);
		return (await listWaves(this.db, id))[0]!;
	}

	async waves(actor: Actor | null): Promise<WaveRow[]> {
		requireNetwork(actor, 'questionnaire.networkResults');
		return listWaves(this.db);
	}

	/** The open waves the actor can still answer or has answered, per Doetank they answer for. */
	async openFor(actor: Actor | null): Promise<OpenQuestionnaire[]> {
		const me = requireNetwork(actor, 'doetank.list');
		const roles = await rolesByDoetank(this.db, me.id);
		const mine = [...roles].filter(([, r]) => can(me, 'questionnaire.respond', { roles: r })).map(([id]) => id);
		const links = await wavesForUser(this.db, me.id, mine);
		if (links.length === 0) return [];
		const today = this.today();
		const waves = new Map((await listWaves(this.db)).filter((w) => w.closesOn >= today).map((w) => [w.id, w]));
		return links.flatMap((link) => {
			const wave = waves.get(link.waveId);
			const doetank = wave?.doetanks.find((d) => d.id === link.doetankId);
			return wave && doetank
				? [
						{
							waveId: wave.id,
							waveName: wave.name,
							closesOn: wave.closesOn,
							doetankId: doetank.id,
							doetankName: doetank.name,
							responded: link.responded
						}
					]
				: [];
		});
	}

	/** What the form needs, after checking that the actor may still answer. */
	async form(actor: Actor | null, waveId: string, doetankId: string): Promise<{ wave: WaveRow; doetankName: string }> {
		const { wave, doetankName } = await this.eligible(actor, waveId, doetankId);
		return { wave, doetankName };
	}

	async respond(actor: Actor | null, waveId: string, body: QuestionnaireResponseInput): Promise<void> {
		const { me } = await this.eligible(actor, waveId, body.doetankId);
		const contactName = body.contactName;
		try {
			await this.db.batch(
				[
					...responseStatements({
						waveId,
						doetankId: body.doetankId,
						userId: me.id,
						responseId: generateIdFromEntropySize(16),
						answers: body.answers,
						remarks: body.remarks,
						contact: contactName ? { id: generateIdFromEntropySize(16), name: contactName } : null
					}),
					// Answered: the inbox item that asked for it is done.
					markDoneStatement(['questionnaire_open'], formLink(waveId, body.doetankId), me.id)
				],
				'write'
			);
		} catch (err) {
			// Two submissions at once: the respondents key lets only the first one in.
			if (isUniqueViolation(err)) throw new AppError('conflict', 'error.alreadyResponded');
			throw err;
		}
	}

	async waveResults(actor: Actor | null, waveId: string): Promise<WaveResults> {
		requireNetwork(actor, 'questionnaire.networkResults');
		const wave = await this.wave(waveId);
		const responses = await listResponses(this.db, waveId);
		const doetanks = wave.doetanks.map((d) => ({
			id: d.id,
			name: d.name,
			result: aggregate(responses.filter((r) => r.doetankId === d.id).map((r) => r.answers))
		}));
		const visible = new Set(doetanks.filter((d) => d.result.visible).map((d) => d.id));
		return {
			wave,
			overall: aggregate(responses.map((r) => r.answers)),
			doetanks,
			remarks: responses.filter((r) => visible.has(r.doetankId) && r.remarks !== '').map((r) => r.remarks)
		};
	}

	async doetankResults(actor: Actor | null, doetankId: string): Promise<DoetankResults> {
		await requireDoetank(this.db, actor, 'questionnaire.results', doetankId);
		const waves = await Promise.all(
			(await wavesOfDoetank(this.db, doetankId)).map(async (w) => ({
				...w,
				result: aggregate((await listResponses(this.db, w.id, doetankId)).map((r) => r.answers))
			}))
		);
		const shown = waves.filter((w) => w.result.visible);
		const changes = shown
			.slice(1)
			.map((w, i) => ({ from: shown[i]!.id, to: w.id, scales: compareWaves(shown[i]!.result, w.result) }));
		return { waves, changes };
	}

	/**
	 * The raw answers and scale scores of a wave, one anonymous row per response, only for Doetanks
	 * with enough responses: a smaller group's rows could be recognised.
	 */
	async exportCsv(actor: Actor | null, waveId: string, t: Translate): Promise<{ filename: string; csv: string }> {
		requireNetwork(actor, 'questionnaire.manage');
		const wave = await this.wave(waveId);
		const results = await this.waveResults(actor, waveId);
		const shown = new Map(results.doetanks.filter((d) => d.result.visible).map((d) => [d.id, d.name]));
		const rows = (await listResponses(this.db, waveId))
			.filter((r) => shown.has(r.doetankId))
			.map((r) => {
				const scores = scoreResponse(r.answers).scales;
				return [
					wave.name,
					shown.get(r.doetankId)!,
					...CODED_ITEMS.map((id: ItemId) => r.answers[id] ?? null),
					r.remarks,
					...SCALES.map((s) => scores[s.id])
				];
			});
		const header = [
			t('csv.answers.wave'),
			t('csv.answers.doetank'),
			...CODED_ITEMS,
			t('csv.answers.remarks'),
			...SCALES.map((s) => t('csv.answers.scale', { id: s.id }))
		];
		return { filename: `vragenlijst-${wave.id}.csv`, csv: toCsv([header, ...rows]) };
	}

	/** Names left under question 10, per wave only: they cannot be matched to answers. */
	async contacts(actor: Actor | null, waveId: string): Promise<string[]> {
		requireNetwork(actor, 'questionnaire.manage');
		await this.wave(waveId);
		return listContacts(this.db, waveId);
	}

	/** A trekker or lid of a Doetank in an open wave who has not answered for it yet. */
	private async eligible(
		actor: Actor | null,
		waveId: string,
		doetankId: string
	): Promise<{ me: Actor; wave: WaveRow; doetankName: string }> {
		const { actor: me, doetank } = await requireDoetank(this.db, actor, 'questionnaire.respond', doetankId);
		const wave = await this.waveWith(waveId, doetankId);
		if (wave.closesOn < this.today()) throw new AppError('conflict', 'error.waveClosed');
		if (await hasResponded(this.db, waveId, doetankId, me.id)) throw new AppError('conflict', 'error.alreadyResponded');
		return { me, wave, doetankName: doetank.name };
	}

	private async wave(waveId: string): Promise<WaveRow> {
		const wave = (await listWaves(this.db, waveId))[0];
		if (!wave) throw new AppError('not_found', 'error.waveNotFound');
		return wave;
	}

	private async waveWith(waveId: string, doetankId: string): Promise<WaveRow> {
		const wave = await this.wave(waveId);
		if (!wave.doetanks.some((d) => d.id === doetankId)) throw new AppError('not_found', 'error.waveNotFound');
		return wave;
	}
}
