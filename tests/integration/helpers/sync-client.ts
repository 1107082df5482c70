import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import type { Socket } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MESSAGE_SAVED } from '../../../server/sync/protocol';
import { addMember, register, newAccount, type DoetankDetail, type DoetankRole, type Registered } from './client';
import { startServer, type TestServer } from './server';

/** Standard close codes that ws itself produces (the sync server's own are in server/sync/protocol.ts). */
export const WS_CLOSE = { abnormal: 1006, invalidText: 1007, tooBig: 1009 } as const;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds; rejects with `what` after `ms`. */
export async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
		await sleep(10);
	}
}

const syncUrl = (baseUrl: string, doetankId: string) =>
	`${baseUrl.replace(/^http/, 'ws')}/sync/${encodeURIComponent(doetankId)}`;

const cookieHeader = (sessionId: string) => `doetank_session=${sessionId}`;

/** A real `ws` client that sends the session cookie on the upgrade, as a browser would. */
function cookieSocketClass(sessionId: string): typeof globalThis.WebSocket {
	class CookieSocket extends WebSocket {
		constructor(url: string, protocols?: string | string[]) {
			super(url, protocols, { headers: { cookie: cookieHeader(sessionId) } });
		}
	}
	return CookieSocket as unknown as typeof globalThis.WebSocket;
}

export interface SyncPeer {
	doc: Y.Doc;
	provider: WebsocketProvider;
}

/** The unmodified y-websocket provider on one Doetank, authenticated with a session cookie. */
export function connectPeer(baseUrl: string, sessionId: string, doetankId: string, doc = new Y.Doc()): SyncPeer {
	const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/sync`, doetankId, doc, {
		WebSocketPolyfill: cookieSocketClass(sessionId),
		disableBc: true,
		maxBackoffTime: 250
	});
	return { doc, provider };
}

/** Opens a raw `ws` socket on a Doetank; resolves once it is open. */
export function openRawSocket(baseUrl: string, sessionId: string, doetankId: string): Promise<WebSocket> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(syncUrl(baseUrl, doetankId), { headers: { cookie: cookieHeader(sessionId) } });
		ws.once('open', () => {
			ws.off('error', reject);
			resolve(ws);
		});
		ws.once('error', reject);
	});
}

/** The TCP socket under a `ws` client: pausing it stops reading, as a stalled browser tab would. */
export const tcpOf = (ws: WebSocket) => (ws as unknown as { _socket: Socket })._socket;

/** Resolves with the close code of a socket (1006 when the connection simply broke); rejects after `ms`. */
export function closeCode(ws: WebSocket, ms = 10_000): Promise<number> {
	if (ws.readyState === WebSocket.CLOSED) return Promise.resolve(WS_CLOSE.abnormal);
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`the socket was still open after ${ms} ms`)), ms);
		ws.once('close', (code) => {
			clearTimeout(timer);
			resolve(code);
		});
	});
}

/** An awareness update (y-protocols format) that sets `state` for `clientId` at `clock`. */
export function awarenessUpdate(clientId: number, clock: number, state: unknown): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 1);
	encoding.writeVarUint(encoder, clientId);
	encoding.writeVarUint(encoder, clock);
	encoding.writeVarString(encoder, JSON.stringify(state));
	return encoding.toUint8Array(encoder);
}

/** The number a server `saved` message echoes, or null for any other message. */
export function savedAnswer(message: Uint8Array): number | null {
	const decoder = decoding.createDecoder(message);
	return decoding.readVarUint(decoder) === MESSAGE_SAVED ? decoding.readVarUint(decoder) : null;
}

export interface SyncRoom {
	doetankId: string;
	owner: Registered;
	/** Members with the role lid (can edit). */
	members: Registered[];
}

/** Registers an owner, lets them create a Doetank over the API and adds `memberCount` editing members. */
export async function createRoom(baseUrl: string, label: string, memberCount: number): Promise<SyncRoom> {
	const owner = await register(baseUrl, newAccount(`${label} trekker`));
	const created = await owner.client.post<DoetankDetail>('/api/v1/doetanks', {
		name: label,
		onderwerp: 'Samen schrijven zonder verlies',
		beoogdDoel: 'Een werkplaats die niets kwijtraakt'
	});
	if (created.status !== 201) throw new Error(`creating a Doetank failed: ${created.status} ${created.text}`);
	const doetankId = created.body.doetank.id;
	const members: Registered[] = [];
	for (let i = 0; i < memberCount; i++) {
		const member = await register(baseUrl, newAccount(`${label} lid ${i}`));
		await addMember(owner.client, doetankId, member.client, {
			email: member.account.email,
			roles: ['lid'],
			lidType: 'kern'
		});
		members.push(member);
	}
	return { doetankId, owner, members };
}

/**
 * A server (database in RAM, the given settings) with a Doetank of `members` editing members besides
 * its owner, for the tests of the surrounding describe block; with `each`, fresh for every test.
 */
export function serverWithRoom(
	env: Record<string, string>,
	label: string,
	members: number,
	{ each = false } = {}
): { readonly server: TestServer; readonly room: SyncRoom } {
	const fixture = {} as { server: TestServer; room: SyncRoom };
	(each ? beforeEach : beforeAll)(async () => {
		fixture.server = await startServer({ ramDisk: true, env });
		fixture.room = await createRoom(fixture.server.baseUrl, label, members);
	});
	(each ? afterEach : afterAll)(async () => {
		await fixture.server?.stop();
	});
	return fixture;
}

/** The session id a registered account holds. */
export function sessionOf(who: Registered): string {
	const id = who.client.sessionId;
	if (!id) throw new Error(`${who.account.email} holds no session`);
	return id;
}

/** Resident memory of a process in bytes: `VmRSS` or, with `peak`, the high-water mark `VmHWM`. */
export function residentBytes(pid: number, peak = false): number {
	const field = peak ? 'VmHWM' : 'VmRSS';
	const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
	return Number(match[1]) * 1024;
}

/** The HTTP status an upgrade request to `path` gets (101 when the server switched protocols). */
export function upgradeStatus(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = request(new URL(path, baseUrl), {
			headers: {
				Connection: 'Upgrade',
				Upgrade: 'websocket',
				'Sec-WebSocket-Version': '13',
				'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
				...headers
			}
		});
		req.on('upgrade', (_res, socket) => {
			socket.destroy();
			resolve(101);
		});
		req.on('response', (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.on('error', reject);
		req.end();
	});
}

/** Adds a member with the given roles to a room's Doetank; returns them logged in. */
export async function addRoomMember(
	baseUrl: string,
	room: SyncRoom,
	label: string,
	roles: DoetankRole[]
): Promise<Registered> {
	const member = await register(baseUrl, newAccount(label));
	await addMember(room.owner.client, room.doetankId, member.client, {
		email: member.account.email,
		roles,
		...(roles.includes('lid') ? { lidType: 'kern' } : {})
	});
	return member;
}
