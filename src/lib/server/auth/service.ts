import { generateIdFromEntropySize, type Session } from 'lucia';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { countUsers, findPasswordHash, findUserByEmail, insertUser, updatePasswordHash } from '../db/users';
import { AppError } from '../errors';
import type { ChangePasswordInput, LoginInput, RegisterInput } from '$lib/validation/schemas';
import type { AppLucia } from './lucia';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { ACCOUNT_RULE, IP_RULE, LoginThrottle } from './throttle';
import { deleteSessionByHandle, sessionHandle } from '../db/sessions';
import type { InvitationService } from '../doetanks/invitations';
import type { AccessEvents } from '../access-events';

export interface ClientInfo {
	ip: string;
	userAgent: string;
}

export interface SessionSummary {
	/** An opaque handle (the token's hash): enough to revoke the session, useless as a cookie. */
	id: string;
	createdAt: number;
	expiresAt: number;
	userAgent: string;
	ip: string;
	current: boolean;
}

export class AuthService {
	constructor(
		private readonly db: Database,
		readonly lucia: AppLucia,
		private readonly config: Pick<Config, 'REGISTRATION' | 'demoActive'>,
		private readonly invitations: InvitationService,
		private readonly events: AccessEvents,
		private readonly throttle = new LoginThrottle(db)
	) {}

	private startSession(userId: string, client: ClientInfo): Promise<Session> {
		return this.lucia.createSession(userId, {
			createdAt: Date.now(),
			userAgent: client.userAgent.slice(0, 300),
			ip: client.ip
		});
	}

	/** Creates an account; the first account of the network becomes its admin. */
	async register(
		input: RegisterInput,
		client: ClientInfo
	): Promise<{ userId: string; session: Session; doetankId?: string }> {
		const invitation = input.invitation ? await this.invitations.findUsable(input.invitation) : null;
		if (input.invitation && !invitation) throw new AppError('not_found', 'error.invitationInvalid');
		const isFirst = (await countUsers(this.db)) === 0;
		if (this.config.REGISTRATION === 'invite' && !invitation && !isFirst) {
			throw new AppError('forbidden', 'error.registrationClosed');
		}
		if (await findUserByEmail(this.db, input.email)) {
			throw new AppError('conflict', 'error.emailTaken', {}, { email: { key: 'error.emailTaken' } });
		}
		const userId = generateIdFromEntropySize(10);
		await insertUser(this.db, {
			id: userId,
			email: input.email,
			name: input.name,
			networkRole: isFirst ? 'admin' : 'member',
			isDemo: false,
			passwordHash: await hashPassword(input.password)
		});
		const doetankId = invitation ? await this.invitations.redeem(invitation, userId) : undefined;
		return { userId, session: await this.startSession(userId, client), doetankId };
	}

	/**
	 * Same error for an unknown account, a wrong password and a demo account while the demo is off.
	 * The attempt is counted per account and per IP before the password is checked.
	 */
	async login(input: LoginInput, client: ClientInfo): Promise<Session> {
		const accountKey = `account:${input.email.toLowerCase()}`;
		const ipKey = `ip:${client.ip}`;
		await this.throttle.reserve([
			{ key: accountKey, rule: ACCOUNT_RULE },
			{ key: ipKey, rule: IP_RULE }
		]);
		const found = await findUserByEmail(this.db, input.email);
		const user = found && (!found.isDemo || this.config.demoActive) ? found : null;
		const stored = user ? await findPasswordHash(this.db, user.id) : null;
		const ok = await verifyPassword(stored ?? (await dummyPasswordHash()), input.password);
		if (!user || !ok) throw new AppError('unauthenticated', 'error.badCredentials');
		await this.throttle.succeeded(accountKey, ipKey);
		return this.startSession(user.id, client);
	}

	async logout(userId: string, sessionId: string): Promise<void> {
		await this.lucia.invalidateSession(sessionId);
		this.events.changed({ userId });
	}

	/** The user's sessions by handle; `currentSessionId` is the token of the asking request. */
	async listSessions(userId: string, currentSessionId: string): Promise<SessionSummary[]> {
		const current = sessionHandle(currentSessionId);
		const sessions = await this.lucia.getUserSessions(userId);
		return sessions.map((s) => ({
			id: s.id,
			createdAt: s.createdAt,
			expiresAt: s.expiresAt.getTime(),
			userAgent: s.userAgent,
			ip: s.ip,
			current: s.id === current
		}));
	}

	/** Ends one of the user's own sessions, named by its handle from `listSessions`. */
	async revokeSession(userId: string, handle: string): Promise<void> {
		if (!(await deleteSessionByHandle(this.db, handle, userId))) {
			throw new AppError('not_found', 'error.sessionNotFound');
		}
		this.events.changed({ userId });
	}

	/** Changes the password and signs out every other device. */
	async changePassword(userId: string, currentSessionId: string, input: ChangePasswordInput): Promise<void> {
		const stored = await findPasswordHash(this.db, userId);
		if (!stored || !(await verifyPassword(stored, input.currentPassword))) {
			throw new AppError(
				'validation_failed',
				'error.validation',
				{},
				{
					currentPassword: { key: 'error.wrongPassword' }
				}
			);
		}
		await updatePasswordHash(this.db, userId, await hashPassword(input.newPassword));
		const current = sessionHandle(currentSessionId);
		for (const s of await this.lucia.getUserSessions(userId)) {
			if (s.id !== current) await deleteSessionByHandle(this.db, s.id);
		}
		this.events.changed({ userId });
	}
}
