import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_EXPECTED, FIXTURE_RESPONSES } from '../../src/lib/domain/instruments/vragenlijst.fixture';
import { csvNumber, parseCsv } from './helpers/csv';
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

interface Figure {
	mean: number | null;
	n: number;
}
interface GroupResult {
	respondents: number;
	visible: boolean;
	scales: Record<string, Figure>;
	single: Record<string, Figure>;
}
interface WaveResults {
	wave: { id: string; name: string; doetanks: { id: string; responses: number }[] };
	overall: GroupResult;
	doetanks: { id: string; name: string; result: GroupResult }[];
	remarks: string[];
}

let server: TestServer;
let base: string;
let admin: ApiClient;
let coach: ApiClient;
let trekker: ApiClient;
const leden: ApiClient[] = [];
let doetankId: string;
let waveId: string;
const closesOn = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
	server = await startServer({ demo: true });
	base = server.baseUrl;
	admin = await login(base, 'beheerder@demo.doetank.nl', 'doetank-demo');
	coach = await login(base, 'coach@demo.doetank.nl', 'doetank-demo');
	const owner = await register(base, newAccount('Trekker'));
	trekker = owner.client;
	const created = await trekker.post<DoetankDetail>('/api/v1/doetanks', {
		name: 'Meting',
		onderwerp: 'Leren meten',
		beoogdDoel: 'Een voor- en nameting'
	});
	doetankId = created.body.doetank.id;
	for (const label of ['Lid A', 'Lid B', 'Lid C']) {
		const lid = await register(base, newAccount(label));
		await addMember(trekker, doetankId, lid.client, { email: lid.account.email, roles: ['lid'] });
		leden.push(lid.client);
	}
});

afterAll(async () => {
	await server?.stop();
});

const respond = (client: ApiClient, answers: unknown, extra: Record<string, unknown> = {}) =>
	client.post(`/api/v1/questionnaire/waves/${waveId}/responses`, { doetankId, answers, ...extra });
const results = async () => {
	const res = await coach.get<WaveResults>(`/api/v1/questionnaire/waves/${waveId}/results`);
	expect(res.status, res.text).toBe(200);
	return res.body.doetanks.find((d) => d.id === doetankId)!.result;
};

describe('questionnaire waves over HTTP', () => {
	it('lets only an admin open a wave', async () => {
		const input = { name: 'Voormeting', closesOn, doetankIds: [doetankId] };
		expectApiError(await coach.post('/api/v1/questionnaire/waves', input), 403, 'forbidden');
		expectApiError(await new ApiClient(base).post('/api/v1/questionnaire/waves', input), 401, 'unauthenticated');
		const bad = expectApiError(
			await admin.post('/api/v1/questionnaire/waves', { ...input, closesOn: '2020-01-01', doetankIds: [] }),
			422,
			'validation_failed'
		);
		expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['doetankIds']);
		expectApiError(
			await admin.post('/api/v1/questionnaire/waves', { ...input, closesOn: '2020-01-01' }),
			422,
			'validation_failed'
		);
		const res = await admin.post<{ wave: { id: string; name: string } }>('/api/v1/questionnaire/waves', input);
		expect(res.status, res.text).toBe(201);
		waveId = res.body.wave.id;
		const list = await coach.get<{ waves: { id: string }[] }>('/api/v1/questionnaire/waves');
		expect(list.body.waves.map((w) => w.id)).toContain(waveId);
		expectApiError(await leden[0]!.get('/api/v1/questionnaire/waves'), 403, 'forbidden');
	});

	it('shows the open questionnaire to the leden and the trekker, not to the coach', async () => {
		const mine = await leden[0]!.get<{ questionnaires: { waveId: string; doetankId: string; responded: boolean }[] }>(
			'/api/v1/questionnaire/open'
		);
		expect(mine.body.questionnaires).toEqual([expect.objectContaining({ waveId, doetankId, responded: false })]);
		expect((await coach.get<{ questionnaires: unknown[] }>('/api/v1/questionnaire/open')).body.questionnaires).toEqual(
			[]
		);
		expectApiError(await respond(coach, FIXTURE_RESPONSES[0]), 403, 'forbidden');
	});

	it('refuses malformed and out-of-range answers', async () => {
		expectApiError(
			await leden[0]!.post(`/api/v1/questionnaire/waves/${waveId}/responses`, undefined, { raw: '{"doetankId":' }),
			400,
			'bad_request'
		);
		const range = expectApiError(
			await respond(leden[0]!, { 'individuele_prestaties.D': 101 }),
			422,
			'validation_failed'
		);
		expect(range.fields?.answers).toBeTruthy();
		expectApiError(await respond(leden[0]!, {}), 422, 'validation_failed');
		expectApiError(
			await leden[0]!.post('/api/v1/questionnaire/waves/nope/responses', { doetankId, answers: FIXTURE_RESPONSES[0] }),
			404,
			'not_found'
		);
	});

	it('keeps a Doetank hidden with 2 responses and shows the hand-computed means with 3', async () => {
		const first = await respond(leden[0]!, FIXTURE_RESPONSES[0], { remarks: 'Meer tijd, graag', contactName: 'Lid A' });
		expect(first.status, first.text).toBe(201);
		expect(first.text).toBe('');
		expectApiError(await respond(leden[0]!, FIXTURE_RESPONSES[0]), 409, 'conflict');
		expect((await respond(leden[1]!, FIXTURE_RESPONSES[1])).status).toBe(201);
		const hidden = await results();
		expect(hidden).toMatchObject({ respondents: 2, visible: false });
		expect(hidden.scales.innovatief_werkgedrag!.mean).toBeNull();

		expect((await respond(leden[2]!, FIXTURE_RESPONSES[2])).status).toBe(201);
		const shown = await results();
		expect(shown).toMatchObject({ respondents: 3, visible: true });
		for (const [scale, value] of Object.entries(FIXTURE_EXPECTED.group)) {
			if (value === null) expect(shown.scales[scale]!.mean, scale).toBeNull();
			else expect(shown.scales[scale]!.mean, scale).toBeCloseTo(value, 10);
		}
		const doetankView = await leden[0]!.get<{ waves: { id: string; result: GroupResult }[] }>(
			`/api/v1/doetanks/${doetankId}/questionnaire`
		);
		expect(doetankView.body.waves[0]!.result.scales.leergedrag!.mean).toBeCloseTo(
			FIXTURE_EXPECTED.group.leergedrag,
			10
		);
		expectApiError(
			await (await register(base, newAccount('Buiten'))).client.get(`/api/v1/doetanks/${doetankId}/questionnaire`),
			403,
			'forbidden'
		);
	});

	it('exports anonymous CSV to the admin only; contacts are a separate list', async () => {
		expectApiError(await coach.get(`/api/v1/questionnaire/waves/${waveId}/answers.csv`), 403, 'forbidden');
		const res = await admin.get(`/api/v1/questionnaire/waves/${waveId}/answers.csv`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/csv');
		const [header, ...rows] = parseCsv(res.text);
		expect(rows).toHaveLength(3);
		const col = header!.indexOf('schaal.individuele_taakprestaties');
		const mean = rows.reduce((sum, r) => sum + csvNumber(r[col]!), 0) / rows.length;
		expect(mean).toBeCloseTo(FIXTURE_EXPECTED.group.individuele_taakprestaties, 10);
		expect(res.text).not.toContain('Lid A');
		const contacts = await admin.get<{ names: string[] }>(`/api/v1/questionnaire/waves/${waveId}/contacts`);
		expect(contacts.body.names).toEqual(['Lid A']);
		expectApiError(await coach.get(`/api/v1/questionnaire/waves/${waveId}/contacts`), 403, 'forbidden');
	});

	it('serves the instrument for automation clients', async () => {
		const res = await leden[0]!.get<{ sections: { items: { id: string }[] }[]; minRespondents: number }>(
			'/api/v1/questionnaire/instrument'
		);
		expect(res.status).toBe(200);
		expect(res.body.sections.flatMap((s) => s.items)).toHaveLength(50);
		expect(res.body.minRespondents).toBe(3);
		expectApiError(await new ApiClient(base).get('/api/v1/questionnaire/instrument'), 401, 'unauthenticated');
		expectApiError(await leden[0]!.delete('/api/v1/questionnaire/instrument'), 405, 'method_not_allowed');
	});
});
