import type { Awareness } from 'y-protocols/awareness';
import { isEditor, type DoetankRole } from '$lib/domain/roles';

/**
 * The awareness state every workspace client publishes (Tiptap's caret reads `user.name`/`user.color`).
 * The sync server replaces `user` with what the session says, and adds `watching` for read-only
 * roles, before anyone else sees it (server/sync/awareness.ts).
 */
export interface PresenceState {
	user: { id: string; name: string; color: string; watching?: boolean };
	section: string | null;
	typing: boolean;
}

/** One person in the workspace, however many tabs or devices they have open. */
export interface PresentUser {
	id: string;
	name: string;
	color: string;
	section: string | null;
	typing: boolean;
	/** Holds only read-only roles (or none): shown as "kijkt mee". */
	watching: boolean;
	isMe: boolean;
}

export interface MemberRoles {
	id: string;
	roles: readonly DoetankRole[];
}

function isPresenceState(value: unknown): value is PresenceState {
	const user = (value as { user?: Record<string, unknown> } | null)?.user;
	return typeof user?.id === 'string' && typeof user.name === 'string' && typeof user.color === 'string';
}

/**
 * Groups awareness states by user, the current user first, then by name. Whether someone only
 * watches is what the sync server marked; a state without its mark (from an older server) is
 * judged by the member list the page was given, never by what a client claims.
 */
export function presentUsers(
	states: Iterable<[number, unknown]>,
	members: readonly MemberRoles[],
	me: { id: string; clientId: number }
): PresentUser[] {
	const roles = new Map(members.map((m) => [m.id, m.roles]));
	const byUser = new Map<string, PresentUser>();
	for (const [clientId, state] of states) {
		if (!isPresenceState(state)) continue;
		const { id, name, color } = state.user;
		const seen = byUser.get(id);
		// The current tab decides where "I" am; for others any tab that types counts.
		if (seen && !(id === me.id && clientId === me.clientId)) {
			seen.typing ||= Boolean(state.typing);
			seen.section ??= state.section ?? null;
			continue;
		}
		byUser.set(id, {
			id,
			name,
			color,
			section: state.section ?? null,
			typing: Boolean(state.typing) || Boolean(seen?.typing),
			watching: typeof state.user.watching === 'boolean' ? state.user.watching : !isEditor(roles.get(id) ?? []),
			isMe: id === me.id
		});
	}
	return [...byUser.values()].sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name, 'nl'));
}

/**
 * Call when a new connection opens, before the client's presence goes out on it. At the close the
 * server (and through it the others) removed this client's entry at its last clock, and an entry at
 * a clock already seen is ignored: the clock moves on, or the others would not see this client again
 * until awareness renews it, up to 18 s later (y-websocket issue 122). Likewise the others' entries,
 * dropped here at the close, come back at clocks this client still remembers: those are forgotten.
 */
export function rejoinPresence(awareness: Awareness): void {
	for (const id of [...awareness.meta.keys()]) {
		if (id !== awareness.clientID && !awareness.states.has(id)) awareness.meta.delete(id);
	}
	const own = awareness.getLocalState();
	if (own !== null) awareness.setLocalState(own);
}
