import { createHash } from 'node:crypto';
import { expect } from 'vitest';

export const SESSION_COOKIE = 'doetank_session';

export type DoetankRole = 'trekker' | 'lid' | 'coach' | 'opdrachtgever' | 'besluitvormer' | 'meekijker';
export type NetworkRole = 'admin' | 'coach' | 'member';

export interface ApiErrorBody {
	error: { code: string; message: string; fields?: Record<string, string> };
}

export interface SessionBody {
	user: { id: string; email: string; name: string; networkRole: NetworkRole };
	expiresAt: string;
}

export interface RegisterBody {
	user: { id: string; email: string; name: string };
	doetankId: string | null;
}

export interface DoetankRow {
	id: string;
	name: string;
	onderwerp: string;
	beoogdDoel: string;
	phase: string;
	isDemo: boolean;
	createdAt: number;
	memberCount: number;
}

export interface Member {
	userId: string;
	name: string;
	email: string;
	roles: DoetankRole[];
	lidType: 'kern' | 'schil' | null;
	directStake: boolean;
	joinedAt: number;
}

export interface DoetankDetail {
	doetank: DoetankRow;
	roles: DoetankRole[];
	members: Member[];
	permissions: { update: boolean; manageMembers: boolean; invite: boolean; editWorkspace: boolean };
}

export interface DoetankList {
	mine: Array<DoetankRow & { roles: DoetankRole[] }>;
	all: Array<DoetankRow & { roles: DoetankRole[] }> | null;
}

export interface InvitationBody {
	token: string;
	path: string;
	url: string;
	expiresAt: string;
	roles: DoetankRole[];
}

export interface SessionSummary {
	id: string;
	createdAt: number;
	expiresAt: number;
	userAgent: string;
	ip: string;
	current: boolean;
}

export interface ApiResponse<T> {
	status: number;
	headers: Headers;
	/** Raw response text. */
	text: string;
	/** Parsed JSON when the response was JSON, otherwise undefined. */
	body: T;
}

export interface RequestOptions {
	/** Serialised with JSON.stringify and sent as application/json. */
	json?: unknown;
	/** Sent verbatim as application/json (for malformed bodies). */
	raw?: string;
	headers?: Record<string, string>;
}

/**
 * A tiny HTTP client that keeps the session cookie like a browser would: it stores
 * `doetank_session` from Set-Cookie, sends it back and forgets it when the server clears it.
 */
export class ApiClient {
	private session: string | null = null;

	constructor(
		readonly baseUrl: string,
		private readonly defaultHeaders: Record<string, string> = {}
	) {}

	/** The session id (cookie value) this client holds, or null. */
	get sessionId(): string | null {
		return this.session;
	}

	/** A new client holding the given session id (e.g. to replay an old cookie). */
	static withSession(baseUrl: string, sessionId: string | null, headers: Record<string, string> = {}): ApiClient {
		const client = new ApiClient(baseUrl, headers);
		client.session = sessionId;
		return client;
	}

	async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
		const headers: Record<string, string> = {
			accept: 'application/json',
			origin: this.baseUrl,
			...this.defaultHeaders
		};
		let body: string | undefined;
		if (options.raw !== undefined) {
			body = options.raw;
			headers['content-type'] = 'application/json';
		} else if (options.json !== undefined) {
			body = JSON.stringify(options.json);
			headers['content-type'] = 'application/json';
		}
		if (this.session) headers.cookie = `${SESSION_COOKIE}=${this.session}`;
		Object.assign(headers, options.headers);

		const res = await fetch(new URL(path, this.baseUrl), { method, headers, body, redirect: 'manual' });
		this.storeCookie(res.headers);
		const text = await res.text();
		const isJson = (res.headers.get('content-type') ?? '').includes('application/json');
		const parsed: unknown = isJson && text.length > 0 ? JSON.parse(text) : undefined;
		return { status: res.status, headers: res.headers, text, body: parsed as T };
	}

	get<T = unknown>(path: string, options?: RequestOptions) {
		return this.request<T>('GET', path, options);
	}
	post<T = unknown>(path: string, json?: unknown, options?: RequestOptions) {
		return this.request<T>('POST', path, { ...options, json });
	}
	put<T = unknown>(path: string, json?: unknown, options?: RequestOptions) {
		return this.request<T>('PUT', path, { ...options, json });
	}
	delete<T = unknown>(path: string, options?: RequestOptions) {
		return this.request<T>('DELETE', path, options);
	}

	private storeCookie(headers: Headers): void {
		for (const line of headers.getSetCookie()) {
			const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
			const eq = pair.indexOf('=');
			if (eq < 0 || pair.slice(0, eq) !== SESSION_COOKIE) continue;
			const value = pair.slice(eq + 1);
			const expired = attributes.some(
				(a) => /^max-age=(0|-\d+)$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) <= Date.now())
			);
			this.session = value === '' || expired ? null : value;
		}
	}
}

export interface Account {
	email: string;
	name: string;
	password: string;
}

let counter = 0;
/** A unique account description; nothing is sent to the server. */
export function newAccount(label: string): Account {
	counter += 1;
	const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
	return {
		email: `${slug}-${counter}-${Date.now().toString(36)}@example.test`,
		name: `${label} ${counter}`,
		password: `wachtwoord-${slug}-${counter}`
	};
}

export interface Registered {
	client: ApiClient;
	id: string;
	account: Account;
}

/** Registers an account over the API (optionally with an invitation) and returns a logged-in client. */
export async function register(
	baseUrl: string,
	account: Account,
	invitation?: string,
	headers: Record<string, string> = {}
): Promise<Registered & { doetankId: string | null }> {
	const client = new ApiClient(baseUrl, headers);
	const res = await client.post<RegisterBody>('/api/v1/users', { ...account, ...(invitation ? { invitation } : {}) });
	expect(res.status, res.text).toBe(201);
	expect(client.sessionId).toBeTruthy();
	return { client, id: res.body.user.id, account, doetankId: res.body.doetankId };
}

/** Logs in over the API and returns a client holding the new session. */
export async function login(baseUrl: string, email: string, password: string): Promise<ApiClient> {
	const client = new ApiClient(baseUrl);
	const res = await client.post('/api/v1/session', { email, password });
	expect(res.status, res.text).toBe(200);
	expect(client.sessionId).toBeTruthy();
	return client;
}

/** Asserts the API error envelope `{ error: { code, message, fields? } }` and nothing else. */
export function expectApiError(res: ApiResponse<unknown>, status: number, code: string): ApiErrorBody['error'] {
	expect(res.status, res.text).toBe(status);
	expect(res.headers.get('content-type') ?? '').toContain('application/json');
	const body = res.body as ApiErrorBody;
	expect(Object.keys(body)).toEqual(['error']);
	expect(body.error.code).toBe(code);
	expect(typeof body.error.message).toBe('string');
	expect(body.error.message.length).toBeGreaterThan(0);
	const allowed = ['code', 'message', 'fields'];
	expect(Object.keys(body.error).every((k) => allowed.includes(k))).toBe(true);
	if (body.error.fields !== undefined) {
		for (const text of Object.values(body.error.fields)) expect(typeof text).toBe('string');
	}
	return body.error;
}

export const sortRoles = (roles: readonly DoetankRole[]): DoetankRole[] => [...roles].sort();

export interface MemberBody {
	email: string;
	roles: DoetankRole[];
	lidType?: 'kern' | 'schil' | null;
	directStake?: boolean;
}

/**
 * The invitation to `doetankId` waiting in `member`'s inbox, accepted through its link (the way a
 * person joins since adding by e-mail asks for consent). Returns the accept response.
 */
export async function acceptInvitation(member: ApiClient, doetankId: string): Promise<ApiResponse<unknown>> {
	const inbox = await member.get<{ items: { kind: string; doetankId: string | null; link: string }[] }>(
		'/api/v1/me/inbox'
	);
	expect(inbox.status, inbox.text).toBe(200);
	const item = inbox.body.items.find((i) => i.kind === 'member_invited' && i.doetankId === doetankId);
	expect(item, `an invitation to ${doetankId} in the inbox`).toBeDefined();
	expect(item!.link).toMatch(/^\/invite\/[a-z0-9]+$/);
	return member.post(`/api/v1/invitations/${item!.link.slice('/invite/'.length)}`);
}

/** `owner` invites `member` by e-mail (202) and `member` accepts from the inbox (201). */
export async function addMember(
	owner: ApiClient,
	doetankId: string,
	member: ApiClient,
	body: MemberBody
): Promise<void> {
	const invited = await owner.post(`/api/v1/doetanks/${doetankId}/members`, body);
	expect(invited.status, invited.text).toBe(202);
	const accepted = await acceptInvitation(member, doetankId);
	expect(accepted.status, accepted.text).toBe(201);
}

/** The handle the sessions list shows for a session token: its SHA-256 in hex. */
export function sessionHandle(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}
