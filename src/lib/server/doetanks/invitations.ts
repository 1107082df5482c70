import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { generateIdFromEntropySize } from 'lucia';
import type { Actor } from '$lib/domain/policy';
import type { InvitationInput } from '$lib/validation/schemas';
import { requireDoetank } from '../authz';
import type { Database } from '../db/client';
import { findDoetank, rolesIn } from '../db/doetanks';
import { findInvitationByHash, insertInvitation, redeemInvitation, type InvitationRow } from '../db/invitations';
import { AppError } from '../errors';

export const INVITATION_DAYS = 14;

const hashToken = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

export interface InvitationPreview {
	doetankId: string;
	doetankName: string;
	roles: InvitationRow['roles'];
}

export class InvitationService {
	constructor(private readonly db: Database) {}

	/** Creates a single-use link token; only its hash is stored. */
	async create(actor: Actor | null, doetankId: string, input: InvitationInput) {
		const access = await requireDoetank(this.db, actor, 'invitations.create', doetankId);
		const token = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
		const expiresAt = Date.now() + INVITATION_DAYS * 24 * 3600_000;
		await insertInvitation(this.db, {
			id: generateIdFromEntropySize(10),
			tokenHash: hashToken(token),
			doetankId,
			roles: input.roles,
			lidType: input.lidType,
			expiresAt,
			createdBy: access.actor.id
		});
		return { token, path: `/invite/${token}`, expiresAt, roles: input.roles };
	}

	async findUsable(token: string): Promise<InvitationRow | null> {
		const inv = await findInvitationByHash(this.db, hashToken(token));
		return inv && inv.usedAt === null && inv.expiresAt > Date.now() ? inv : null;
	}

	async preview(token: string): Promise<InvitationPreview | null> {
		const inv = await this.findUsable(token);
		const doetank = inv ? await findDoetank(this.db, inv.doetankId) : null;
		return inv && doetank ? { doetankId: doetank.id, doetankName: doetank.name, roles: inv.roles } : null;
	}

	/** Joins the invited Doetank; returns its id. */
	async redeem(inv: InvitationRow, userId: string): Promise<string> {
		if (!(await redeemInvitation(this.db, inv, userId))) throw new AppError('not_found', 'error.invitationInvalid');
		return inv.doetankId;
	}

	async accept(actor: Actor | null, token: string): Promise<string> {
		if (!actor) throw new AppError('unauthenticated', 'error.unauthenticated');
		const inv = await this.findUsable(token);
		if (!inv) throw new AppError('not_found', 'error.invitationInvalid');
		if ((await rolesIn(this.db, inv.doetankId, actor.id)).length > 0) {
			throw new AppError('conflict', 'error.alreadyMember');
		}
		return this.redeem(inv, actor.id);
	}
}
