import type { Actor } from '$lib/domain/policy';
import type { NetworkRoleInput } from '$lib/validation/schemas';
import { requireNetwork } from '../authz';
import type { AccessEvents } from '../access-events';
import type { Database } from '../db/client';
import { countAdmins, findUserById, listUsers, setNetworkRole, type UserRow } from '../db/users';
import { AppError } from '../errors';

/** Network-level account management: who is admin, coach or participant. */
export class UserService {
	constructor(
		private readonly db: Database,
		private readonly events: AccessEvents
	) {}

	async list(actor: Actor | null): Promise<UserRow[]> {
		requireNetwork(actor, 'user.list');
		return listUsers(this.db);
	}

	async setNetworkRole(actor: Actor | null, userId: string, input: NetworkRoleInput): Promise<UserRow> {
		requireNetwork(actor, 'user.setNetworkRole');
		const user = await findUserById(this.db, userId);
		if (!user) throw new AppError('not_found', 'error.accountNotFound');
		if (user.networkRole === 'admin' && input.networkRole !== 'admin' && (await countAdmins(this.db)) <= 1) {
			throw new AppError('conflict', 'error.lastAdmin');
		}
		await setNetworkRole(this.db, userId, input.networkRole);
		// Open sockets follow at once: e.g. a former coach's network canvas becomes read-only.
		this.events.changed({ userId });
		return { ...user, networkRole: input.networkRole };
	}
}
