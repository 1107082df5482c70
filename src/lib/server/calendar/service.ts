import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Actor } from '$lib/domain/policy';
import { filterActions, readActions, type ActionSnapshot } from '$lib/domain/workspace';
import type { Locale } from '$lib/i18n';
import { requireNetwork } from '../authz';
import { calendarFeedOf, deleteCalendarFeed, findCalendarFeed, replaceCalendarFeed } from '../db/calendar';
import { checkpointsOfMember, type CheckpointRow } from '../db/checkpoints';
import type { Database } from '../db/client';
import { listDoetanksOf } from '../db/doetanks';
import { loadStoredDocument } from '../documents/stored';

export interface FeedData {
	locale: Locale;
	checkpoints: CheckpointRow[];
	actions: { doetankId: string; doetankName: string; action: ActionSnapshot }[];
}

const hashToken = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

export const feedPath = (token: string) => `/calendar/${token}.ics`;

/**
 * The personal iCalendar feed: the terugkoppelmomenten of the user's Doetanks and their own open
 * actions with a due day. The link holds a secret token (only its hash is stored); making a new
 * link or revoking it stops the old one at once.
 */
export class CalendarService {
	constructor(private readonly db: Database) {}

	async status(actor: Actor | null): Promise<{ active: boolean; createdAt: number | null; locale: Locale | null }> {
		const me = requireNetwork(actor, 'inbox.use');
		const feed = await calendarFeedOf(this.db, me.id);
		return { active: feed !== null, createdAt: feed?.createdAt ?? null, locale: feed?.locale ?? null };
	}

	/** A new secret link (replacing any earlier one); the token is shown only now. */
	async create(actor: Actor | null, locale: Locale): Promise<{ token: string; path: string; createdAt: number }> {
		const me = requireNetwork(actor, 'inbox.use');
		const token = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
		const createdAt = await replaceCalendarFeed(this.db, me.id, hashToken(token), locale);
		return { token, path: feedPath(token), createdAt };
	}

	async revoke(actor: Actor | null): Promise<void> {
		const me = requireNetwork(actor, 'inbox.use');
		await deleteCalendarFeed(this.db, me.id);
	}

	/** What the feed of this token shows, or null for an unknown or revoked token. */
	async feed(token: string): Promise<FeedData | null> {
		const feed = await findCalendarFeed(this.db, hashToken(token));
		if (!feed) return null;
		const actions: FeedData['actions'] = [];
		for (const doetank of await listDoetanksOf(this.db, feed.userId)) {
			const doc = await loadStoredDocument(this.db, doetank.id);
			for (const action of filterActions(readActions(doc), { mine: feed.userId, open: true })) {
				if (action.due) actions.push({ doetankId: doetank.id, doetankName: doetank.name, action });
			}
			doc.destroy();
		}
		return { locale: feed.locale, checkpoints: await checkpointsOfMember(this.db, feed.userId), actions };
	}
}
