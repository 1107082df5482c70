import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { generateIdFromEntropySize } from 'lucia';
import type { Actor } from '$lib/domain/policy';
import type { AddMemberInput, InvitationInput } from '$lib/validation/schemas';
import { requireDoetank } from '../authz';
import type { Database } from '../db/client';
import { findDoetank, rolesIn } from '../db/doetanks';
import {
	findInvitationByHash,
	hasOpenPersonalInvitation,
	insertInvitationStatement,
	redeemInvitation,
	type InvitationRow
} from '../db/invitations';
import { insertNotificationStatement, markDoneStatement, type NewNotification } from '../db/notifications';
import { findUserByEmail, findUserById } from '../db/users';
import { AppError } from '../errors';

export const INVITATION_DAYS = 14;

const hashToken = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
const newToken = () => encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));

export interface InvitationPreview {
	doetankId: string;
	doetankName: string;
	roles: InvitationRow['roles'];
}

/** A new single-use token and the statement that stores its hash; personal when `inviteeId` is given. */
function newInvitation(
	doetankId: string,
	createdBy: string,
	input: Pick<AddMemberInput, 'roles' | 'lidType' | 'directStake'>,
	inviteeId: string | null = null
) {
	const token = newToken();
	const expiresAt = Date.now() + INVITATION_DAYS * 24 * 3600_000;
	const statement = insertInvitationStatement({
		id: generateIdFromEntropySize(10),
		tokenHash: hashToken(token),
		doetankId,
		roles: input.roles,
		lidType: input.lidType,
		directStake: input.directStake,
		inviteeId,
		expiresAt,
		createdBy
	});
	return { token, expiresAt, statement };
}

export class InvitationService {
	constructor(private readonly db: Database) {}

	/** Creates a single-use link token; only its hash is stored. */
	async create(actor: Actor | null, doetankId: string, input: InvitationInput) {
		const access = await requireDoetank(this.db, actor, 'invitations.create', doetankId);
		const { token, expiresAt, statement } = newInvitation(doetankId, access.actor.id, { ...input, directStake: false });
		await this.db.execute(statement);
		return { token, path: `/invite/${token}`, expiresAt, roles: input.roles };
	}

	/**
	 * "Add an existing account": the account gets a personal invitation in its inbox, with a link
	 * that holds no e-mail address, and becomes a member only when it accepts. The caller learns
	 * nothing about the address: no account, already a member, already invited and invited now all
	 * look the same.
	 */
	async inviteByEmail(actor: Actor | null, doetankId: string, input: AddMemberInput): Promise<void> {
		const access = await requireDoetank(this.db, actor, 'members.add', doetankId);
		const invitee = await findUserByEmail(this.db, input.email);
		if (!invitee) return;
		if ((await rolesIn(this.db, doetankId, invitee.id)).length > 0) return;
		if (await hasOpenPersonalInvitation(this.db, doetankId, invitee.id)) return;
		const [doetank, inviter] = await Promise.all([
			findDoetank(this.db, doetankId),
			findUserById(this.db, access.actor.id)
		]);
		if (!doetank) return;
		const { token, statement } = newInvitation(doetankId, access.actor.id, input, invitee.id);
		const now = Date.now();
		await this.db.batch(
			[
				statement,
				// The link is useless to anyone else: accepting checks that it is the invitee who accepts.
				insertNotificationStatement({
					id: generateIdFromEntropySize(10),
					userId: invitee.id,
					doetankId,
					kind: 'member_invited',
					params: { doetank: doetank.name, by: inviter?.name ?? '' },
					link: `/invite/${token}`,
					createdAt: now
				})
			],
			'write'
		);
	}

	/** An open invitation that `userId` may use: a link invitation, or a personal one addressed to them. */
	async findUsable(token: string, userId?: string): Promise<InvitationRow | null> {
		const inv = await findInvitationByHash(this.db, hashToken(token));
		if (!inv || inv.usedAt !== null || inv.expiresAt <= Date.now()) return null;
		return inv.inviteeId === null || inv.inviteeId === userId ? inv : null;
	}

	/** Whether `token` is an open personal invitation: someone logged out must sign in to see it. */
	async isPersonal(token: string): Promise<boolean> {
		const inv = await findInvitationByHash(this.db, hashToken(token));
		return Boolean(inv && inv.inviteeId !== null && inv.usedAt === null && inv.expiresAt > Date.now());
	}

	async preview(token: string, userId?: string): Promise<InvitationPreview | null> {
		const inv = await this.findUsable(token, userId);
		const doetank = inv ? await findDoetank(this.db, inv.doetankId) : null;
		return inv && doetank ? { doetankId: doetank.id, doetankName: doetank.name, roles: inv.roles } : null;
	}

	/** Joins the invited Doetank; returns its id. */
	async redeem(inv: InvitationRow, userId: string): Promise<string> {
		if (!(await redeemInvitation(this.db, inv, userId, await this.acceptedNotice(inv, userId))))
			throw new AppError('not_found', 'error.invitationInvalid');
		return inv.doetankId;
	}

	/** The inbox item that tells whoever made the invitation that it was taken up (not when they used it themselves). */
	private async acceptedNotice(inv: InvitationRow, userId: string): Promise<NewNotification | undefined> {
		if (!inv.createdBy || inv.createdBy === userId) return undefined;
		const [doetank, user] = await Promise.all([findDoetank(this.db, inv.doetankId), findUserById(this.db, userId)]);
		return {
			id: generateIdFromEntropySize(10),
			userId: inv.createdBy,
			doetankId: inv.doetankId,
			kind: 'invitation_accepted',
			params: { doetank: doetank?.name ?? '', name: user?.name ?? '' },
			link: `/doetanks/${inv.doetankId}`,
			createdAt: Date.now()
		};
	}

	async accept(actor: Actor | null, token: string): Promise<string> {
		if (!actor) throw new AppError('unauthenticated', 'error.unauthenticated');
		const inv = await this.findUsable(token, actor.id);
		if (!inv) throw new AppError('not_found', 'error.invitationInvalid');
		if ((await rolesIn(this.db, inv.doetankId, actor.id)).length > 0) {
			throw new AppError('conflict', 'error.alreadyMember');
		}
		const doetankId = await this.redeem(inv, actor.id);
		// Acted on: the personal invitation's inbox item is done (after joining, so a failed join keeps it).
		await this.db.execute(markDoneStatement(['member_invited'], `/invite/${token}`, actor.id));
		return doetankId;
	}
}
