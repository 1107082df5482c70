import {
	agreementState,
	EMPTY_AGREEMENT,
	sameContent,
	type AgreementContent,
	type AgreementState
} from '$lib/domain/governance/agreement';
import { can, type Actor } from '$lib/domain/policy';
import type { AgreementInput, ConfirmAgreementInput } from '$lib/validation/governance';
import { requireDoetank } from '../authz';
import type { Database } from '../db/client';
import {
	confirmAgreementStatement,
	readAgreement,
	saveAgreement,
	type AgreementRow,
	type ConfirmationRow
} from '../db/governance';
import { markDoneStatement } from '../db/notifications';
import { AppError } from '../errors';
import type { NotificationService } from '../notifications/service';
import { isAbort } from '../db/sql-errors';

export interface AgreementView {
	/** The record as it is now; version 0 and empty texts before the first save. */
	agreement: AgreementRow;
	state: AgreementState;
	/** Confirmed versions, newest first; they are kept for good. */
	confirmations: ConfirmationRow[];
	permissions: { edit: boolean; confirm: boolean };
}

const NEW_AGREEMENT: AgreementRow = { ...EMPTY_AGREEMENT, version: 0, updatedBy: null, updatedAt: 0 };

function contentOf(input: AgreementInput): AgreementContent {
	const { version: _version, ...content } = input;
	return content;
}

/**
 * The opdrachtgeversafspraak, edited by the team and the opdrachtgever through forms. Every save
 * names the version it started from, so a save over someone else's newer text is refused (409)
 * instead of silently overwriting it.
 */
export class AgreementService {
	constructor(
		private readonly db: Database,
		private readonly notifications: Pick<NotificationService, 'statementsFor'>
	) {}

	async get(actor: Actor | null, doetankId: string): Promise<AgreementView> {
		const { actor: me, roles } = await requireDoetank(this.db, actor, 'doetank.view', doetankId);
		const { agreement, confirmations } = await readAgreement(this.db, doetankId);
		const current = agreement ?? NEW_AGREEMENT;
		return {
			agreement: current,
			state: agreementState(current.version, confirmations[0]?.version ?? null),
			confirmations,
			permissions: { edit: can(me, 'agreement.edit', { roles }), confirm: can(me, 'agreement.confirm', { roles }) }
		};
	}

	/** Saves a new version; an unchanged text keeps the version (and its confirmation). */
	async save(actor: Actor | null, doetankId: string, input: AgreementInput): Promise<AgreementView> {
		const { actor: me, doetank } = await requireDoetank(this.db, actor, 'agreement.edit', doetankId);
		const { agreement } = await readAgreement(this.db, doetankId);
		const current = agreement ?? NEW_AGREEMENT;
		if (current.version !== input.version) throw stale(current.version);
		if (current.version === 0 || !sameContent(current, contentOf(input))) {
			if (!(await saveAgreement(this.db, doetankId, input.version, contentOf(input), me.id))) {
				throw stale((await readAgreement(this.db, doetankId)).agreement?.version ?? 0);
			}
			// The opdrachtgever finds the new version waiting for confirmation; an item about an older
			// version is done (it can no longer be confirmed). The key keeps one item per version.
			const version = input.version + 1;
			const notices = await this.notifications.statementsFor(
				{
					doetankId,
					kind: 'agreement_awaiting_confirmation',
					params: { doetank: doetank.name, version: String(version) },
					link: agreementLink(doetankId),
					dedupeKey: `agreement:${doetankId}:${version}`
				},
				['opdrachtgever'],
				me.id
			);
			await this.db.batch(
				[markDoneStatement(['agreement_awaiting_confirmation'], agreementLink(doetankId), null), ...notices],
				'write'
			);
		}
		return this.get(actor, doetankId);
	}

	/** The opdrachtgever confirms the version they read; a later save needs a new confirmation. */
	async confirm(actor: Actor | null, doetankId: string, input: ConfirmAgreementInput): Promise<AgreementView> {
		const { actor: me } = await requireDoetank(this.db, actor, 'agreement.confirm', doetankId);
		try {
			const [result] = await this.db.batch(
				[
					confirmAgreementStatement(doetankId, input.version, me.id, Date.now()),
					// Confirmed: nobody needs to confirm it any more.
					markDoneStatement(['agreement_awaiting_confirmation'], agreementLink(doetankId), null)
				],
				'write'
			);
			if (result?.rowsAffected !== 1) throw stale((await readAgreement(this.db, doetankId)).agreement?.version ?? 0);
		} catch (err) {
			if (isAbort(err, 'immutable'))
				throw new AppError('conflict', 'error.agreementAlreadyConfirmed', { version: input.version });
			throw err;
		}
		return this.get(actor, doetankId);
	}
}

const agreementLink = (doetankId: string) => `/doetanks/${doetankId}/afspraak`;

function stale(current: number): AppError {
	return new AppError('conflict', 'error.agreementStale', { version: current });
}
