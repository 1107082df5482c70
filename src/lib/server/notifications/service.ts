import type { InStatement } from '@libsql/client';
import { generateIdFromEntropySize } from 'lucia';
import * as Y from 'yjs';
import { NETWORK_TIME_ZONE } from '$lib/domain/calendar';
import type { Actor } from '$lib/domain/policy';
import type { DoetankRole } from '$lib/domain/roles';
import { actionsMap, filterActions, readActions, readActionText, todayIn } from '$lib/domain/workspace';
import type { InboxReadInput } from '$lib/validation/governance';
import { requireNetwork } from '../authz';
import type { Database } from '../db/client';
import { findDoetank, listDoetanksOf, listMembers } from '../db/doetanks';
import {
	countUnread,
	insertNotificationStatement,
	listNotifications,
	markRead,
	type NotificationKind,
	type NotificationParams,
	type NotificationRow
} from '../db/notifications';
import { loadStoredDocument } from '../documents/stored';
import { REMOTE_ORIGIN } from '../scale/bus';
import type { Logger } from '../logger';

export interface Inbox {
	unread: number;
	items: NotificationRow[];
}

export interface Notice {
	doetankId: string;
	kind: NotificationKind;
	params: NotificationParams;
	link: string;
}

const INBOX_SIZE = 100;

/** Who made a live change: the sync server applies updates with its connection as the origin. */
const authorOf = (origin: unknown): unknown => (origin as { identity?: { userId?: unknown } } | null)?.identity?.userId;

/**
 * The per-user inbox. Other services tell it what happened; overdue actions are worked out from the
 * stored documents whenever the inbox is read, and each appears once per action and due day.
 */
export class NotificationService {
	constructor(
		private readonly db: Database,
		private readonly log: Logger,
		private readonly timeZone = NETWORK_TIME_ZONE
	) {}

	async inbox(actor: Actor | null): Promise<Inbox> {
		const me = requireNetwork(actor, 'inbox.use');
		await this.addOverdue(me.id);
		const [items, unread] = await Promise.all([
			listNotifications(this.db, me.id, INBOX_SIZE),
			countUnread(this.db, me.id)
		]);
		return { unread, items };
	}

	/** For the header badge: 0 when logged out. */
	async unreadCount(actor: Actor | null): Promise<number> {
		return actor ? countUnread(this.db, actor.id) : 0;
	}

	async markRead(actor: Actor | null, input: InboxReadInput): Promise<number> {
		const me = requireNetwork(actor, 'inbox.use');
		return markRead(this.db, me.id, input.all ? null : (input.ids ?? []));
	}

	/**
	 * Statements that give one notice to every member holding one of `roles` (everyone when null)
	 * except `except`; the caller runs them in the batch of what happened, so both land or neither.
	 */
	async statementsFor(
		notice: Notice & { dedupeKey?: string },
		roles: readonly DoetankRole[] | null,
		except: string | null
	): Promise<InStatement[]> {
		const members = await listMembers(this.db, notice.doetankId);
		const to = members.filter((m) => m.userId !== except && (roles === null || m.roles.some((r) => roles.includes(r))));
		return this.statementsTo(
			to.map((m) => m.userId),
			notice
		);
	}

	/** Statements that give one notice to each of `userIds`; with a dedupe key, at most once per user. */
	statementsTo(userIds: readonly string[], notice: Notice & { dedupeKey?: string }): InStatement[] {
		const createdAt = Date.now();
		return userIds.map((userId) =>
			insertNotificationStatement({ id: generateIdFromEntropySize(10), userId, createdAt, ...notice })
		);
	}

	private async insert(userIds: readonly string[], notice: Notice & { dedupeKey?: string }): Promise<void> {
		await this.db.batch(this.statementsTo(userIds, notice), 'write');
	}

	/**
	 * Watches the actielijst of a live document: when an action gets a new owner, that member finds
	 * it in their inbox (not when they took it on themselves). Returns the function that stops watching.
	 */
	observeActions(doetankId: string, doc: Y.Doc): () => void {
		const actions = actionsMap(doc);
		const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
			// Another instance accepted this change and sent the notices already.
			if (transaction.origin === REMOTE_ORIGIN) return;
			const assigned = new Map<string, string>();
			for (const event of events) {
				if (event.target === actions) {
					event.changes.keys.forEach((change, key) => {
						const owner =
							change.action === 'delete' ? null : (actions.get(key) as Y.Map<unknown> | undefined)?.get?.('ownerId');
						if (typeof owner === 'string') assigned.set(key, owner);
					});
				} else if (
					event.target instanceof Y.Map &&
					event.target.parent === actions &&
					event.changes.keys.has('ownerId')
				) {
					const owner = event.target.get('ownerId');
					const id = event.target.get('id');
					if (typeof owner === 'string' && typeof id === 'string') assigned.set(id, owner);
				}
			}
			const author = authorOf(transaction.origin);
			for (const [actionId, ownerId] of assigned) {
				if (ownerId === author) continue;
				const item = actions.get(actionId);
				const title = item instanceof Y.Map ? readActionText(item as Y.Map<unknown>, 'title').trim() : '';
				this.assigned(doetankId, ownerId, title).catch((err: unknown) =>
					this.log.error({ err, doetankId, actionId }, 'action assignment notice failed')
				);
			}
		};
		actions.observeDeep(handler);
		return () => actions.unobserveDeep(handler);
	}

	private async assigned(doetankId: string, ownerId: string, title: string): Promise<void> {
		const [doetank, members] = await Promise.all([findDoetank(this.db, doetankId), listMembers(this.db, doetankId)]);
		// An owner id is whatever a client wrote into the document: only members get a notice.
		if (!doetank || !members.some((m) => m.userId === ownerId)) return;
		await this.insert([ownerId], {
			doetankId,
			kind: 'action_assigned',
			params: { doetank: doetank.name, action: title },
			link: `/doetanks/${doetankId}/werkruimte`
		});
	}

	/** Open actions of this user past their due day, in every Doetank they are in. */
	private async addOverdue(userId: string): Promise<void> {
		const today = todayIn(this.timeZone, new Date());
		for (const doetank of await listDoetanksOf(this.db, userId)) {
			const doc = await loadStoredDocument(this.db, doetank.id);
			const overdue = filterActions(readActions(doc), { mine: userId, overdueOn: today });
			doc.destroy();
			for (const action of overdue) {
				await this.insert([userId], {
					doetankId: doetank.id,
					kind: 'action_overdue',
					params: { doetank: doetank.name, action: action.title, due: action.due ?? '' },
					link: `/doetanks/${doetank.id}/werkruimte`,
					dedupeKey: `overdue:${doetank.id}:${action.id}:${action.due}`
				});
			}
		}
	}
}
