import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { encodeSaved, MESSAGE_SAVED } from '../../server/sync/protocol';
import { addAction, canvasField, createPilotCanvas, probleemdefinitie } from '../../src/lib/domain/workspace';
import { p, text, writeTiptap } from '../../src/lib/domain/workspace/tiptap-fixture';
import { FIXTURE_EXPECTED, FIXTURE_RESPONSES } from '../../src/lib/domain/instruments/vragenlijst.fixture';
import { csvNumber, parseCsv } from './helpers/csv';
import {
	ApiClient,
	addMember,
	expectApiError,
	newAccount,
	register,
	type DoetankDetail,
	type Registered
} from './helpers/client';
import { startServer, type TestServer } from './helpers/server';
import { connectPeer, sessionOf, until } from './helpers/sync-client';

interface Report {
	period: { from: string; to: string };
	doe: {
		started: number;
		perPhase: Record<string, number>;
		completed: number;
		stopped: number;
		stopReasons: { reason: string; count: number }[];
		activeDoetankers: number;
		activeProbleemeigenaren: number;
		cafes: number;
		cafeAttendance: number;
		approvals: number;
	};
	leer: {
		waves: {
			id: string;
			name: string;
			respondents: number;
			visible: boolean;
			scales: { scaleId: string; mean: number | null }[];
		}[];
		changes: unknown[];
	};
	verander: { inFase2: number; pilots: number; organisations: { name: string; pilots: number }[] };
	effect: { businessCases: { doetankName: string; name: string; level: string; q5: string; q6: string }[] };
}

/** A fresh network with no demo data, so every count of the report is known. */
let server: TestServer;
let base: string;
let admin: Registered;
let coach: Registered;
let trekker: Registered;
let owner: Registered;
const leden: Registered[] = [];
const ids: Record<'alfa' | 'beta' | 'gamma', string> = { alfa: '', beta: '', gamma: '' };
const dayOf = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(ms);
const today = dayOf(Date.now());
const PERIOD = `from=${dayOf(Date.now() - 7 * 86_400_000)}&to=${today}`;
const later = dayOf(Date.now() + 10 * 86_400_000);

const ok = async <T>(res: Promise<{ status: number; text: string; body: T }>, status = 201): Promise<T> => {
	const r = await res;
	expect(r.status, r.text).toBe(status);
	return r.body;
};

/** Edits a Doetank's document as `who` over the sync endpoint, and waits until the server has it. */
async function edit(who: Registered, doetankId: string, change: (doc: Y.Doc) => void): Promise<void> {
	const peer = connectPeer(base, sessionOf(who), doetankId);
	try {
		await until(() => peer.provider.synced, 'first sync');
		change(peer.doc);
		// The server echoes a `saved` probe once everything sent before it is durable.
		await new Promise<void>((resolve) => {
			peer.provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
				if (decoding.readVarUint(decoder) === 1) resolve();
			};
			peer.provider.ws!.send(encodeSaved(1));
		});
	} finally {
		peer.provider.destroy();
	}
}

async function report(client: ApiClient, query = PERIOD): Promise<Report> {
	return (await ok(client.get<{ report: Report }>(`/api/v1/report?${query}`), 200)).report;
}

beforeAll(async () => {
	server = await startServer();
	base = server.baseUrl;
	admin = await register(base, newAccount('Beheerder'));
	coach = await register(base, newAccount('Netwerkcoach'));
	await ok(admin.client.put(`/api/v1/users/${coach.id}/network-role`, { networkRole: 'coach' }), 200);
	trekker = await register(base, newAccount('Trekker'));
	owner = await register(base, newAccount('Opdrachtgever'));
	for (const name of Object.keys(ids) as (keyof typeof ids)[]) {
		ids[name] = (
			await ok(trekker.client.post<DoetankDetail>('/api/v1/doetanks', { name, onderwerp: 'o', beoogdDoel: 'd' }))
		).doetank.id;
	}
	for (const [i, label] of ['Lid A', 'Lid B', 'Lid C'].entries()) {
		const lid = await register(base, newAccount(label));
		await addMember(trekker.client, ids.alfa, lid.client, {
			email: lid.account.email,
			roles: ['lid'],
			directStake: i === 0
		});
		leden.push(lid);
	}
	await addMember(trekker.client, ids.alfa, owner.client, { email: owner.account.email, roles: ['opdrachtgever'] });

	// Doe-resultaat: edits by three Doetankers; Lid A and the trekker have a direct stake, Lid B not.
	await edit(leden[0]!, ids.alfa, (doc) => writeTiptap(probleemdefinitie(doc), [p(text('Gezinnen wachten te lang'))]));
	await edit(leden[1]!, ids.alfa, (doc) => addAction(doc, { title: 'Bel de wethouder' }, leden[1]!.id));
	await edit(trekker, ids.alfa, (doc) => {
		const id = createPilotCanvas(doc, 'Gemeente Zeist');
		writeTiptap(canvasField(doc, id, 'q5_kwantitatieve_outcome'), [p(text('20% minder bezwaren, "gemeten"'))]);
		writeTiptap(canvasField(doc, id, 'q6_kwalitatieve_outcome'), [p(text('Rust bij de balie'))]);
	});

	// Phases: alfa to fase 2 (an admin passes the gates), beta stopped with a reason, gamma completed.
	const move = (client: ApiClient, id: string, body: Record<string, unknown>) =>
		ok(client.post(`/api/v1/doetanks/${id}/transitions`, body));
	const override = { override: true, justification: 'Testnetwerk' };
	await move(admin.client, ids.alfa, { to: 'fase_1', ...override });
	await move(admin.client, ids.alfa, { to: 'fase_2', ...override });
	await move(trekker.client, ids.beta, { to: 'gestopt', reasonCategory: 'onvoldoende_tijd', explanation: 'Geen uren' });
	await move(admin.client, ids.gamma, { to: 'fase_1', ...override });
	await move(admin.client, ids.gamma, { to: 'afgerond', resultSummary: 'Klaar', ...override });

	// An approved terugkoppelmoment.
	const { checkpoint } = await ok(
		trekker.client.post<{ checkpoint: { id: string } }>(`/api/v1/doetanks/${ids.alfa}/checkpoints`, {
			title: 'Eerste',
			plannedDay: later,
			subjects: ['probleemdefinitie']
		})
	);
	await ok(trekker.client.post(`/api/v1/doetanks/${ids.alfa}/checkpoints/${checkpoint.id}/submissions`));
	await ok(
		owner.client.post(`/api/v1/doetanks/${ids.alfa}/checkpoints/${checkpoint.id}/reviews`, { decision: 'approve' })
	);

	// A café with one attendee.
	const { cafe } = await ok(
		coach.client.post<{ cafe: { id: string; code: string } }>('/api/v1/cafes', {
			title: 'Café',
			day: today,
			doetankIds: [ids.alfa]
		})
	);
	await ok(coach.client.post(`/api/v1/cafes/${cafe.id}/start`), 200);
	await ok(leden[2]!.client.post('/api/v1/cafes/join', { code: cafe.code }), 200);

	// Leerresultaat: a wave with the three fixture responses.
	const { wave } = await ok(
		admin.client.post<{ wave: { id: string } }>('/api/v1/questionnaire/waves', {
			name: 'Voormeting',
			closesOn: later,
			doetankIds: [ids.alfa]
		})
	);
	for (const [i, lid] of leden.entries()) {
		await ok(
			lid.client.post(`/api/v1/questionnaire/waves/${wave.id}/responses`, {
				doetankId: ids.alfa,
				answers: FIXTURE_RESPONSES[i]
			})
		);
	}
}, 60_000);

afterAll(async () => {
	await server?.stop();
});

describe('Meten & Monitoren report over HTTP', () => {
	it('counts the fixture network exactly', async () => {
		const r = await report(coach.client);
		expect(r.doe).toEqual({
			started: 3,
			perPhase: { fase_0: 0, fase_1: 0, fase_2: 1, afgerond: 1, gestopt: 1 },
			completed: 1,
			stopped: 1,
			stopReasons: [{ reason: 'onvoldoende_tijd', count: 1 }],
			activeDoetankers: 3,
			// The trekker (a creator has a direct stake) and Lid A; Lid B edited without a stake.
			activeProbleemeigenaren: 2,
			cafes: 1,
			cafeAttendance: 1,
			approvals: 1
		});
		expect(r.leer.waves).toHaveLength(1);
		expect(r.leer.waves[0]).toMatchObject({ name: 'Voormeting', respondents: 3, visible: true });
		const means = Object.fromEntries(r.leer.waves[0]!.scales.map((s) => [s.scaleId, s.mean]));
		for (const [scale, expected] of Object.entries(FIXTURE_EXPECTED.group)) {
			if (expected === null) expect(means[scale]).toBeNull();
			else expect(means[scale]).toBeCloseTo(expected, 10);
		}
		expect(r.leer.changes).toEqual([]);
		expect(r.verander).toEqual({ inFase2: 1, pilots: 1, organisations: [{ name: 'Gemeente Zeist', pilots: 1 }] });
		expect(r.effect.businessCases).toEqual([
			expect.objectContaining({
				doetankName: 'alfa',
				level: 'pilot',
				name: 'Gemeente Zeist',
				q5: '20% minder bezwaren, "gemeten"',
				q6: 'Rust bij de balie'
			})
		]);
	});

	it('reports nothing for a period before the network existed', async () => {
		const r = await report(admin.client, 'from=2020-01-01&to=2020-12-31');
		expect(r.doe.started).toBe(0);
		expect(Object.values(r.doe.perPhase)).toEqual([0, 0, 0, 0, 0]);
		expect(r.doe.activeDoetankers).toBe(0);
		expect(r.leer.waves).toEqual([]);
		expect(r.verander.pilots).toBe(0);
		expect(r.effect.businessCases).toEqual([]);
	});

	it('exports a CSV that parses back to the same numbers', async () => {
		const r = await report(admin.client);
		const res = await admin.client.get(`/api/v1/report.csv?${PERIOD}`);
		expect(res.status, res.text).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/csv');
		expect(res.headers.get('content-disposition')).toContain(`rapportage-${r.period.from}-${r.period.to}.csv`);
		const [header, ...rows] = parseCsv(res.text);
		expect(header).toEqual(['Onderdeel', 'Maat', 'Item', 'Detail', 'Waarde']);
		const value = (section: string, measure: string, item = '', detail = '') => {
			const found = rows.filter(
				(row) => row[0] === section && row[1] === measure && row[2] === item && row[3] === detail
			);
			expect(found, `${section} ${measure} ${item} ${detail}`).toHaveLength(1);
			return found[0]![4]!;
		};
		const number = (...key: Parameters<typeof value>) => csvNumber(value(...key));
		expect([value('period', 'from'), value('period', 'to')]).toEqual([r.period.from, r.period.to]);
		for (const measure of [
			'started',
			'completed',
			'stopped',
			'activeDoetankers',
			'activeProbleemeigenaren',
			'cafes',
			'cafeAttendance',
			'approvals'
		] as const) {
			expect(number('doe', measure), measure).toBe(r.doe[measure]);
		}
		for (const [phase, n] of Object.entries(r.doe.perPhase)) expect(number('doe', 'phase', phase)).toBe(n);
		expect(number('doe', 'stopReason', 'onvoldoende_tijd')).toBe(1);
		expect(number('leer', 'respondents', 'Voormeting')).toBe(3);
		for (const s of r.leer.waves[0]!.scales) {
			if (s.mean === null) expect(value('leer', 'mean', 'Voormeting', s.scaleId)).toBe('');
			else expect(number('leer', 'mean', 'Voormeting', s.scaleId)).toBe(s.mean);
		}
		expect(number('verander', 'inFase2')).toBe(r.verander.inFase2);
		expect(number('verander', 'pilots')).toBe(r.verander.pilots);
		expect(number('verander', 'organisation', 'Gemeente Zeist')).toBe(1);
		expect(value('effect', 'q5', 'alfa', 'Gemeente Zeist')).toBe('20% minder bezwaren, "gemeten"');
		expect(value('effect', 'q6', 'alfa', 'Gemeente Zeist')).toBe('Rust bij de balie');
	});

	it('exports Markdown with the figures and outcomes of the page, in the reader’s language', async () => {
		const r = await report(admin.client);
		const res = await admin.client.get(`/api/v1/report.md?${PERIOD}`);
		expect(res.status, res.text).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/markdown');
		expect(res.headers.get('content-disposition')).toContain(`rapportage-${r.period.from}-${r.period.to}.md`);
		const md = res.text;
		expect(md).toMatch(/^# Rapportage Meten & Monitoren\n/);
		for (const heading of ['## Doe-resultaat', '## Leerresultaat', '## Veranderresultaat', '## Effectresultaat'])
			expect(md).toContain(heading);
		expect(md).toContain(`| Doetanks gestart | ${r.doe.started} |`);
		expect(md).toContain(`| Gemeente Zeist | 1 |`);
		expect(md).toContain('### alfa · Gemeente Zeist');
		expect(md).toContain('20% minder bezwaren, "gemeten"');
		expect(md).toContain('Rust bij de balie');
		expectApiError(await trekker.client.get(`/api/v1/report.md?${PERIOD}`), 403, 'forbidden');
	});

	it('is for network admins and coaches only, over a valid period', async () => {
		expectApiError(await trekker.client.get(`/api/v1/report?${PERIOD}`), 403, 'forbidden');
		expectApiError(await trekker.client.get(`/api/v1/report.csv?${PERIOD}`), 403, 'forbidden');
		expectApiError(await new ApiClient(base).get(`/api/v1/report?${PERIOD}`), 401, 'unauthenticated');
		const missing = expectApiError(await admin.client.get('/api/v1/report?from=2026-01-01'), 422, 'validation_failed');
		expect(Object.keys(missing.fields ?? {})).toEqual(['to']);
		const reversed = expectApiError(
			await admin.client.get('/api/v1/report?from=2026-02-01&to=2026-01-01'),
			422,
			'validation_failed'
		);
		expect(Object.keys(reversed.fields ?? {})).toEqual(['to']);
		expectApiError(await admin.client.post(`/api/v1/report?${PERIOD}`), 405, 'method_not_allowed');
	});
});
