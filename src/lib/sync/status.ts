import type { MessageKey, MessageParams } from '$lib/i18n';
import type { PersistenceState } from './messages';

export type Connection = 'connected' | 'connecting' | 'offline';
/** Why this page can no longer work on the document: reconnecting will not help. */
export type Ended = 'unauthenticated' | 'forbidden' | 'outdated' | 'tooLarge';

export interface SyncStatus {
	connection: Connection;
	synced: boolean;
	unsaved: number;
	persistence: PersistenceState;
	ended: Ended | null;
	loadedFromCache: boolean;
	/** The server refused a change of this tab: the document is at its size cap. */
	documentFull?: boolean;
	/** Labels of the sections whose changes wait to be saved; null when that is not known. */
	unsavedSections?: readonly string[] | null;
}

export type StatusTone = 'ok' | 'busy' | 'warn' | 'error';

/**
 * The always-visible status: a headline that changes only with the connection (it is announced to
 * screen readers) and a detail about saving that may change with every keystroke (it is not).
 */
export interface StatusLine {
	tone: StatusTone;
	key: MessageKey;
	detail: { key: MessageKey; params?: MessageParams } | null;
}

const ENDED: Record<Ended, MessageKey> = {
	forbidden: 'workspace.status.forbidden',
	unauthenticated: 'workspace.status.unauthenticated',
	outdated: 'workspace.status.outdated',
	tooLarge: 'workspace.status.tooLarge'
};

/** Which parts wait to be saved, not how many keystrokes. */
function unsavedDetail(unsaved: number, sections: readonly string[] | null | undefined): StatusLine['detail'] {
	if (unsaved <= 0) return null;
	if (!sections?.length) return { key: 'workspace.status.unsavedSomewhere' };
	return { key: 'workspace.status.unsaved', params: { sections: sections.join(', ') } };
}

export function statusLine(s: SyncStatus): StatusLine {
	const pending = unsavedDetail(s.unsaved, s.unsavedSections);
	if (s.ended) {
		return { tone: 'error', key: ENDED[s.ended], detail: pending };
	}
	if (s.documentFull) return { tone: 'error', key: 'workspace.status.documentFull', detail: pending };
	// Until the server has answered, what shows is this device's copy: say so when there is one.
	const local = pending ?? (s.loadedFromCache && !s.synced ? { key: 'workspace.status.fromCache' as const } : null);
	if (s.connection === 'offline') return { tone: 'warn', key: 'workspace.status.offline', detail: local };
	if (s.connection === 'connecting' || !s.synced)
		return { tone: 'busy', key: 'workspace.status.connecting', detail: local };
	if (s.persistence === 'failing') return { tone: 'warn', key: 'workspace.status.saveFailing', detail: pending };
	return { tone: 'ok', key: 'workspace.status.connected', detail: pending ?? { key: 'workspace.status.allSaved' } };
}
