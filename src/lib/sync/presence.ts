import { isEditor, type DoetankRole } from '$lib/domain/roles';

/** The awareness state every workspace client publishes (Tiptap's caret reads `user.name`/`user.color`). */
export interface PresenceState {
	user: { id: string; name: string; color: string };
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
 * watches comes from the member list the server gave, not from what their client claims.
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
			watching: !isEditor(roles.get(id) ?? []),
			isMe: id === me.id
		});
	}
	return [...byUser.values()].sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name, 'nl'));
}
