import type { IncomingMessage } from 'node:http';
import { readCatchingUp } from '$lib/server/db/client';
import type { Services } from '$lib/server/services';

/** Why an upgrade is refused before it happens: the HTTP status and a short text. */
export class Refusal {
	constructor(
		readonly status: 400 | 401 | 403 | 404 | 429 | 503,
		readonly text: string
	) {}
}

/** Doetank ids are short generated tokens; anything longer is not one. */
const MAX_ID_LENGTH = 100;

/** The Doetank id of `/sync/<id>`; malformed paths and percent-encoding are refused, never thrown. */
export function doetankIdOf(url: string | undefined): string {
	let path;
	try {
		path = new URL(url ?? '/', 'http://localhost').pathname;
	} catch {
		throw new Refusal(400, 'Bad request');
	}
	let id;
	try {
		id = decodeURIComponent(path.slice('/sync/'.length));
	} catch {
		throw new Refusal(400, 'Bad request');
	}
	if (!id || id.includes('/') || id.length > MAX_ID_LENGTH) throw new Refusal(404, 'Not found');
	return id;
}

/**
 * Cross-site websocket hijacking: a browser sends the cookie with an upgrade from any page, so an
 * upgrade carrying `Origin` must come from the site itself: `ORIGIN` when set, otherwise the host
 * the request was sent to (the scheme may differ behind a TLS proxy, so only the host is compared
 * then). Without `Origin` (scripts, the benchmark; browsers always send it) the cookie decides alone.
 */
export function checkOrigin(req: IncomingMessage, siteOrigin: string | undefined): void {
	const origin = req.headers.origin;
	if (origin === undefined) return;
	let claimed;
	try {
		claimed = new URL(origin);
	} catch {
		throw new Refusal(403, 'Origin not allowed');
	}
	const allowed = siteOrigin ? claimed.origin === new URL(siteOrigin).origin : claimed.host === req.headers.host;
	if (!allowed) throw new Refusal(403, 'Origin not allowed');
}

type AuthServices = Pick<Services, 'lucia' | 'doetanks' | 'db'>;

export interface Admitted {
	userId: string;
	name: string;
	sessionId: string;
	doetankId: string;
	canWrite: boolean;
}

/** Authentication (session cookie) and authorization (may this user read the room: a Doetank's workspace or the network document). */
export async function admit(services: AuthServices, req: IncomingMessage, doetankId: string): Promise<Admitted> {
	const sessionId = services.lucia.readSessionCookie(req.headers.cookie ?? '');
	const { session, user } = sessionId ? await services.lucia.validateSession(sessionId) : { session: null, user: null };
	if (!session || !user) throw new Refusal(401, 'Log in first');
	const who = { id: user.id, networkRole: user.networkRole };
	// An embedded replica may not have pulled a membership just given on another instance.
	const access = await readCatchingUp(
		services.db,
		() => services.doetanks.roomAccess(who, doetankId),
		(result) => result.status === 200
	);
	if (access.status !== 200) throw new Refusal(access.status, 'No access');
	return { userId: user.id, name: user.name, sessionId: session.id, doetankId, canWrite: access.canWrite };
}
