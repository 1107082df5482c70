import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/lib/domain/report/report';
import { canvasField, NETWORK_CANVAS_ID, NETWORK_ROOM, readCanvas } from '../../src/lib/domain/workspace';
import { p, text, writeTiptap } from '../../src/lib/domain/workspace/tiptap-fixture';
import { newAccount, register, type Registered } from './helpers/client';
import { startServer, type TestServer } from './helpers/server';
import { connectPeer, sessionOf, until, upgradeStatus, type SyncPeer } from './helpers/sync-client';

/**
 * The network's business case (level 5) in its own sync room: every member reads it, only network
 * coaches and admins write it, on the socket too; the report and the export read what was stored.
 */
const TOKEN = 'metrics-token-for-the-network-canvas-test';

describe('the network canvas room', () => {
	let server: TestServer;
	let admin: Registered;
	let coach: Registered;
	let member: Registered;
	const peers: SyncPeer[] = [];

	const field = (peer: SyncPeer, key: 'interventie' | 'baten' | 'kosten') =>
		readCanvas(peer.doc, NETWORK_CANVAS_ID)?.fields[key] ?? '';
	const write = (peer: SyncPeer, key: 'interventie' | 'baten' | 'kosten', words: string) =>
		writeTiptap(canvasField(peer.doc, NETWORK_CANVAS_ID, key), [p(text(words))]);
	const open = async (who: Registered): Promise<SyncPeer> => {
		const peer = connectPeer(server.baseUrl, sessionOf(who), NETWORK_ROOM);
		peers.push(peer);
		await until(() => peer.provider.synced && readCanvas(peer.doc, NETWORK_CANVAS_ID) !== null, 'synced canvas');
		return peer;
	};
	/** Updates the server dropped because their sender may only read (its own count, from /metrics). */
	const droppedReadOnly = async (): Promise<number> => {
		const res = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
		const match = /result="dropped_readonly"\} (\d+)$/m.exec(await res.text());
		return Number(match?.[1] ?? 0);
	};
	const refused = async (what: string, edit: () => void): Promise<void> => {
		const before = await droppedReadOnly();
		edit();
		const deadline = Date.now() + 10_000;
		while ((await droppedReadOnly()) === before) {
			if (Date.now() > deadline) throw new Error(`not refused: ${what}`);
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	};
	const report = async (): Promise<Report> => {
		const res = await admin.client.get<{ report: Report }>('/api/v1/report?from=2020-01-01&to=2099-12-31');
		expect(res.status, res.text).toBe(200);
		return res.body.report;
	};

	beforeAll(async () => {
		server = await startServer({ ramDisk: true, env: { METRICS_TOKEN: TOKEN } });
		// The first account of a fresh network is its admin.
		admin = await register(server.baseUrl, newAccount('Netwerkbeheerder'));
		coach = await register(server.baseUrl, newAccount('Netwerkcoach'));
		member = await register(server.baseUrl, newAccount('Gewoon lid'));
		const res = await admin.client.put(`/api/v1/users/${coach.id}/network-role`, { networkRole: 'coach' });
		expect(res.status, res.text).toBe(200);
	});
	afterAll(async () => {
		for (const peer of peers) peer.provider.destroy();
		await server?.stop();
	});

	it('needs a session, and admits every member', async () => {
		expect(await upgradeStatus(server.baseUrl, `/sync/${encodeURIComponent(NETWORK_ROOM)}`)).toBe(401);
		const cookie = { cookie: `doetank_session=${sessionOf(member)}` };
		expect(await upgradeStatus(server.baseUrl, `/sync/${encodeURIComponent(NETWORK_ROOM)}`, cookie)).toBe(101);
	});

	it("takes the coach's and admin's edits, refuses a member's, and the report and export hold the stored text", async () => {
		const [adminPeer, coachPeer, memberPeer] = [await open(admin), await open(coach), await open(member)];
		write(coachPeer, 'interventie', 'Doetanks in het hele land');
		await until(() => field(memberPeer, 'interventie') === 'Doetanks in het hele land', 'member reads the coach');
		write(adminPeer, 'kosten', 'Twee coaches');
		await until(() => field(coachPeer, 'kosten') === 'Twee coaches', 'coach reads the admin');

		await refused("the member's edit", () => write(memberPeer, 'baten', 'Ik schrijf stiekem mee'));
		write(coachPeer, 'interventie', 'Doetanks in elke provincie');
		await until(() => field(adminPeer, 'interventie') === 'Doetanks in elke provincie', 'admin reads the coach');
		await until(() => field(memberPeer, 'interventie') === 'Doetanks in elke provincie', 'member reads the coach');
		expect(field(adminPeer, 'baten')).toBe('');
		expect(field(coachPeer, 'baten')).toBe('');

		const network = (await report()).effect.network;
		expect(network?.fields).toMatchObject({
			interventie: 'Doetanks in elke provincie',
			kosten: 'Twee coaches',
			baten: ''
		});
		// Editing the network's canvas is not work in a Doetank.
		expect((await report()).doe.activeDoetankers).toBe(0);
		const md = await member.client.get('/netwerk/business-case/export.md');
		expect(md.status).toBe(200);
		expect(md.text).toContain('# Business case: Slimmernetwerk als project');
		expect(md.text).toContain('Doetanks in elke provincie');
		expect(md.text).not.toContain('stiekem');
	});

	it("makes a demoted coach's open socket read-only at once", async () => {
		const [adminPeer, coachPeer] = [await open(admin), await open(coach)];
		const res = await admin.client.put(`/api/v1/users/${coach.id}/network-role`, { networkRole: 'member' });
		expect(res.status, res.text).toBe(200);
		// The re-check re-marks the former coach's presence as watching once the socket is read-only.
		coachPeer.provider.awareness.setLocalStateField('section', 'business-cases');
		await until(
			() =>
				[...adminPeer.provider.awareness.getStates().values()].some(
					(s) => (s as { user?: { id?: string; watching?: boolean } }).user?.id === coach.id && s.user?.watching
				),
			'the former coach shown as watching'
		);
		await refused("the former coach's edit", () => write(coachPeer, 'baten', 'Nog even als coach'));
		write(adminPeer, 'kosten', 'Drie coaches');
		await until(() => field(coachPeer, 'kosten') === 'Drie coaches', 'the former coach reads the admin');
		await until(() => field(adminPeer, 'kosten') === 'Drie coaches', 'admin has its own edit');
		expect(field(adminPeer, 'baten')).toBe('');
		expect((await report()).effect.network?.fields.baten).toBe('');
	});
});
