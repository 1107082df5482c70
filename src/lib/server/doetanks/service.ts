import { generateIdFromEntropySize } from 'lucia';
import { can, type Actor } from '$lib/domain/policy';
import { isNetworkRoom } from '$lib/domain/workspace/network';
import type { DoetankRole } from '$lib/domain/roles';
import type { DoetankInput, MembershipInput } from '$lib/validation/schemas';
import { checkDoetank, requireDoetank, requireNetwork } from '../authz';
import type { Database } from '../db/client';
import {
	deleteMembership,
	insertDoetankStatements,
	listAllDoetanks,
	listDoetanksOf,
	listMembers,
	replaceMembership,
	rolesByDoetank,
	updateDoetank,
	type DoetankRow,
	type MemberRow
} from '../db/doetanks';
import type { AccessEvents } from '../access-events';
import { AppError } from '../errors';

export interface DoetankSummary extends DoetankRow {
	roles: DoetankRole[];
}

export interface DoetankDetail {
	doetank: DoetankRow;
	roles: DoetankRole[];
	members: MemberRow[];
	permissions: { update: boolean; manageMembers: boolean; invite: boolean; editWorkspace: boolean };
}

/** What the sync server needs to know about one connection attempt. */
export type WorkspaceAccess = { status: 200; roles: DoetankRole[]; canWrite: boolean } | { status: 401 | 403 | 404 };

export class DoetankService {
	constructor(
		private readonly db: Database,
		private readonly events: AccessEvents
	) {}

	/** Answers with a status instead of throwing, so callers outside SvelteKit need no error classes. */
	async workspaceAccess(actor: Actor | null, doetankId: string): Promise<WorkspaceAccess> {
		const check = await checkDoetank(this.db, actor, 'workspace.read', doetankId);
		if (check.status !== 200) return { status: check.status };
		return { status: 200, roles: check.roles, canWrite: can(check.actor, 'workspace.write', { roles: check.roles }) };
	}

	/**
	 * Access to one sync room (`/sync/<room>`): a Doetank's workspace, or the network document,
	 * which every member reads and network coaches and admins write (`networkCanvas.*`).
	 */
	async roomAccess(actor: Actor | null, room: string): Promise<WorkspaceAccess> {
		if (!isNetworkRoom(room)) return this.workspaceAccess(actor, room);
		if (!actor) return { status: 401 };
		if (!can(actor, 'networkCanvas.read')) return { status: 403 };
		return { status: 200, roles: [], canWrite: can(actor, 'networkCanvas.write') };
	}

	/** The creator becomes trekker and core member. */
	async create(actor: Actor | null, input: DoetankInput): Promise<string> {
		const creator = requireNetwork(actor, 'doetank.create');
		const id = generateIdFromEntropySize(10);
		const creatorMembership = {
			doetankId: id,
			userId: creator.id,
			roles: ['trekker', 'lid'] as const,
			lidType: 'kern' as const,
			directStake: true
		};
		await this.db.batch(
			insertDoetankStatements({ id, ...input, isDemo: false, createdBy: creator.id }, [creatorMembership]),
			'write'
		);
		return id;
	}

	/** The actor's own Doetanks, and for admins and coaches every Doetank of the network. */
	async list(actor: Actor | null): Promise<{ mine: DoetankSummary[]; all: DoetankSummary[] | null }> {
		const me = requireNetwork(actor, 'doetank.list');
		const roles = await rolesByDoetank(this.db, me.id);
		const withRoles = (d: DoetankRow) => ({ ...d, roles: roles.get(d.id) ?? [] });
		const mine = (await listDoetanksOf(this.db, me.id)).map(withRoles);
		const all = can(me, 'doetank.listAll') ? (await listAllDoetanks(this.db)).map(withRoles) : null;
		return { mine, all };
	}

	async get(actor: Actor | null, doetankId: string): Promise<DoetankDetail> {
		const { actor: me, doetank, roles } = await requireDoetank(this.db, actor, 'doetank.view', doetankId);
		const standing = { roles };
		return {
			doetank,
			roles,
			members: await listMembers(this.db, doetankId),
			permissions: {
				update: can(me, 'doetank.update', standing),
				manageMembers: can(me, 'members.changeRoles', standing),
				invite: can(me, 'invitations.create', standing),
				editWorkspace: can(me, 'workspace.write', standing)
			}
		};
	}

	async update(actor: Actor | null, doetankId: string, input: DoetankInput): Promise<void> {
		await requireDoetank(this.db, actor, 'doetank.update', doetankId);
		await updateDoetank(this.db, doetankId, input);
	}

	async members(actor: Actor | null, doetankId: string): Promise<MemberRow[]> {
		await requireDoetank(this.db, actor, 'members.view', doetankId);
		return listMembers(this.db, doetankId);
	}

	async changeMembership(
		actor: Actor | null,
		doetankId: string,
		userId: string,
		input: MembershipInput
	): Promise<MemberRow> {
		const { actor: me } = await requireDoetank(this.db, actor, 'members.changeRoles', doetankId);
		const members = await this.existingMembers(doetankId, userId);
		if (!input.roles.includes('trekker')) this.assertOtherTrekker(members, userId);
		await replaceMembership(this.db, { doetankId, userId, ...input }, me.id);
		this.events.changed({ userId, doetankId });
		return this.findMember(doetankId, userId);
	}

	async removeMember(actor: Actor | null, doetankId: string, userId: string): Promise<void> {
		const { actor: me } = await requireDoetank(this.db, actor, 'members.remove', doetankId);
		const members = await this.existingMembers(doetankId, userId);
		this.assertOtherTrekker(members, userId);
		await deleteMembership(this.db, doetankId, userId, me.id);
		this.events.changed({ userId, doetankId });
	}

	private async existingMembers(doetankId: string, userId: string): Promise<MemberRow[]> {
		const members = await listMembers(this.db, doetankId);
		if (!members.some((m) => m.userId === userId)) throw new AppError('not_found', 'error.memberNotFound');
		return members;
	}

	/** A Doetank without a trekker has nobody to drive it: keep at least one. */
	private assertOtherTrekker(members: MemberRow[], leaving: string): void {
		const target = members.find((m) => m.userId === leaving);
		if (!target?.roles.includes('trekker')) return;
		if (!members.some((m) => m.userId !== leaving && m.roles.includes('trekker'))) {
			throw new AppError('conflict', 'error.lastTrekker');
		}
	}

	private async findMember(doetankId: string, userId: string): Promise<MemberRow> {
		const member = (await listMembers(this.db, doetankId)).find((m) => m.userId === userId);
		if (!member) throw new AppError('not_found', 'error.memberNotFound');
		return member;
	}
}
