import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from './helpers/csv';
import {
	ApiClient,
	addMember,
	expectApiError,
	login,
	newAccount,
	register,
	type DoetankDetail
} from './helpers/client';
import { startServer, type TestServer } from './helpers/server';
import { nextDashboardChange } from './helpers/sse';

interface Row {
	id: string;
	phase: string;
	signals: { key: string; message: string; text: string }[];
	nextCheckpoint: { title: string; day: string } | null;
	openActions: number;
}

let server: TestServer;
let base: string;
let admin: ApiClient;
let networkCoach: ApiClient;
let trekker: Awaited<ReturnType<typeof register>>;
let coach: Awaited<ReturnType<typeof register>>;
let ops: Awaited<ReturnType<typeof register>>;
let doetankId: string;

beforeAll(async () => {
	server = await startServer({ demo: true });
	base = server.baseUrl;
	admin = await login(base, 'beheerder@demo.doetank.nl', 'doetank-demo');
	networkCoach = await login(base, 'coach@demo.doetank.nl', 'doetank-demo');
	trekker = await register(base, newAccount('Trekker'));
	coach = await register(base, newAccount('Coach'));
	ops = await register(base, newAccount('Opdrachtgever'));
	doetankId = (
		await trekker.client.post<DoetankDetail>('/api/v1/doetanks', {
			name: 'Gemonitord',
			onderwerp: 'Stil, "maar" goed',
			beoogdDoel: 'Een signaal, en weer weg'
		})
	).body.doetank.id;
	await addMember(trekker.client, doetankId, coach.client, { email: coach.account.email, roles: ['coach'] });
});

afterAll(async () => {
	await server?.stop();
});

const rows = async (client: ApiClient) => {
	const res = await client.get<{ rows: Row[] }>('/api/v1/monitoring/dashboard');
	expect(res.status, res.text).toBe(200);
	return res.body.rows;
};

describe('coach dashboard over HTTP', () => {
	it('lists a Doetank for its own coach and for admins only', async () => {
		expect((await rows(coach.client)).map((r) => r.id)).toEqual([doetankId]);
		expect((await rows(admin)).map((r) => r.id)).toContain(doetankId);
		expect((await rows(networkCoach)).map((r) => r.id)).not.toContain(doetankId);
		expect(await rows(trekker.client)).toEqual([]);
		expectApiError(await new ApiClient(base).get('/api/v1/monitoring/dashboard'), 401, 'unauthenticated');
	});

	it('flags the missing opdrachtgever and clears it live when one joins', async () => {
		const row = (await rows(coach.client)).find((r) => r.id === doetankId)!;
		expect(row.signals.map((s) => s.key)).toEqual(['noOpdrachtgever', 'noConfirmedAgreement']);
		expect(row.signals[0]).toMatchObject({
			message: 'signal.noOpdrachtgever.explain',
			text: 'Er is geen opdrachtgever in de Doetank.'
		});
		const stream = await nextDashboardChange(base, coach.client.sessionId);
		await addMember(trekker.client, doetankId, ops.client, { email: ops.account.email, roles: ['opdrachtgever'] });
		await stream.wait;
		stream.close();
		expect((await rows(coach.client)).find((r) => r.id === doetankId)!.signals.map((s) => s.key)).toEqual([
			'noConfirmedAgreement'
		]);
	});

	it('announces a new terugkoppelmoment and shows it as the next one', async () => {
		const stream = await nextDashboardChange(base, coach.client.sessionId);
		const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
		const created = await trekker.client.post(`/api/v1/doetanks/${doetankId}/checkpoints`, {
			title: 'Eerste terugkoppeling',
			plannedDay: day,
			subjects: ['probleemdefinitie']
		});
		expect(created.status, created.text).toBe(201);
		await stream.wait;
		stream.close();
		expect((await rows(coach.client)).find((r) => r.id === doetankId)!.nextCheckpoint).toEqual({
			title: 'Eerste terugkoppeling',
			day
		});
	});

	it('lets only the Doetank coach or an admin note bijzonderheden, and exports the overview as CSV', async () => {
		expectApiError(
			await trekker.client.put(`/api/v1/doetanks/${doetankId}/note`, { bijzonderheden: 'x' }),
			403,
			'forbidden'
		);
		expectApiError(
			await coach.client.put(`/api/v1/doetanks/${doetankId}/note`, { bijzonderheden: 5 }),
			422,
			'validation_failed'
		);
		expect(
			(
				await coach.client.put(`/api/v1/doetanks/${doetankId}/note`, {
					bijzonderheden: 'Wacht op de wethouder, "na de zomer"'
				})
			).status
		).toBe(204);
		expectApiError(await trekker.client.get('/api/v1/network/overview'), 403, 'forbidden');
		const overview = await networkCoach.get<{ doetanks: { id: string; bijzonderheden: string; canNote: boolean }[] }>(
			'/api/v1/network/overview'
		);
		expect(overview.body.doetanks.find((d) => d.id === doetankId)).toMatchObject({
			bijzonderheden: 'Wacht op de wethouder, "na de zomer"',
			canNote: false
		});
		const csv = await admin.get('/api/v1/network/overview.csv', { headers: { 'accept-language': 'en' } });
		expect(csv.headers.get('content-type')).toContain('text/csv');
		const [header, ...lines] = parseCsv(csv.text);
		expect(header).toEqual([
			'Doetank',
			'Subject (onderwerp)',
			'Intended goal (beoogd doel)',
			'Phase',
			'Notes (bijzonderheden)'
		]);
		expect(lines.find((l) => l[0] === 'Gemonitord')).toEqual([
			'Gemonitord',
			'Stil, "maar" goed',
			'Een signaal, en weer weg',
			'Phase 0 · discovery',
			'Wacht op de wethouder, "na de zomer"'
		]);
		expect(lines.length).toBe(overview.body.doetanks.length);
	});

	it('lets only an admin change the thresholds, within bounds', async () => {
		const settings = {
			probleemdefinitieWeeks: 4,
			inactiveDays: 10,
			activeWindowDays: 20,
			minActiveCore: 2,
			maxPhaseMonths: 3
		};
		expectApiError(await networkCoach.put('/api/v1/monitoring/settings', settings), 403, 'forbidden');
		const bad = expectApiError(
			await admin.put('/api/v1/monitoring/settings', { ...settings, minActiveCore: 0 }),
			422,
			'validation_failed'
		);
		expect(Object.keys(bad.fields ?? {})).toEqual(['minActiveCore']);
		expect((await admin.put('/api/v1/monitoring/settings', settings)).status).toBe(200);
		expect(
			(await coach.client.get<{ settings: typeof settings }>('/api/v1/monitoring/settings')).body.settings
		).toEqual(settings);
	});
});
