import { createClient } from '@libsql/client';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_RESPONSES } from '../../src/lib/domain/instruments/vragenlijst.fixture';
import {
	addMember,
	ApiClient,
	expectApiError,
	login,
	newAccount,
	register,
	sessionHandle,
	type DoetankDetail,
	type Registered
} from './helpers/client';
import { parseCsv } from './helpers/csv';
import { freePort } from '../../scripts/free-port.mjs';
import { startServer, type TestServer } from './helpers/server';

/**
 * Issue 14, each reproduction as a test against the production build (`node build/main.js`).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEMO_ADMIN = { email: 'beheerder@demo.doetank.nl', password: 'doetank-demo' };
const TOKEN = 'metrics-token-for-the-security-test';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `node build/main.js` with `env` until it exits (it is expected to refuse to start). */
function runUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(ROOT, 'build', 'main.js')], {
			cwd: ROOT,
			env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', LOG_LEVEL: 'silent', ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (c: Buffer) => (output += c.toString()));
		child.stderr.on('data', (c: Buffer) => (output += c.toString()));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`the server did not exit; it should have refused to start:\n${output}`));
		}, 20_000);
		child.once('exit', (code) => {
			clearTimeout(timer);
			resolve({ code, output });
		});
	});
}

/** A form post as a browser sends it from this site (SvelteKit form actions answer with a redirect). */
function postForm(base: string, url: string, fields: Record<string, string>, cookie?: string): Promise<Response> {
	return fetch(new URL(url, base), {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: base,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...(cookie ? { cookie: `doetank_session=${cookie}` } : {})
		},
		body: new URLSearchParams(fields).toString()
	});
}

function pageWith(base: string, url: string, session?: string | null): Promise<Response> {
	return fetch(new URL(url, base), {
		redirect: 'manual',
		headers: session ? { cookie: `doetank_session=${session}` } : {}
	});
}

describe('safe defaults: loopback, the demo only where it is safe', () => {
	let dir: string;
	let databaseUrl: string;
	let demoSession: string;

	beforeAll(async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'doetank-sec-demo-'));
		databaseUrl = `file:${path.join(dir, 'db.sqlite')}`;
	});
	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it('with nothing configured listens on loopback only and serves the demo there', async () => {
		const server = await startServer({ env: { HOST: '', DEMO: '', DATABASE_URL: databaseUrl } });
		try {
			const admin = await login(server.baseUrl, DEMO_ADMIN.email, DEMO_ADMIN.password);
			demoSession = admin.sessionId!;
			expect(await (await pageWith(server.baseUrl, '/login')).text()).toContain(DEMO_ADMIN.password);
			const port = new URL(server.baseUrl).port;
			const outside = Object.values(networkInterfaces())
				.flat()
				.find((a) => a && a.family === 'IPv4' && !a.internal);
			if (outside) {
				const reached = await fetch(`http://${outside.address}:${port}/healthz`, {
					signal: AbortSignal.timeout(2_000)
				}).then(
					() => true,
					() => false
				);
				expect(reached, `reachable on ${outside.address}`).toBe(false);
			}
		} finally {
			await server.stop();
		}
	});

	it('refuses to start reachable from other machines without ORIGIN, or with the demo database without DEMO=1', async () => {
		const port = String(await freePort());
		const noOrigin = await runUntilExit({ HOST: '0.0.0.0', PORT: port, DATABASE_URL: databaseUrl });
		expect(noOrigin.code).toBe(78);
		expect(noOrigin.output).toContain('ORIGIN');
		const demo = await runUntilExit({
			HOST: '0.0.0.0',
			PORT: port,
			ORIGIN: `http://localhost:${port}`,
			DATABASE_URL: databaseUrl
		});
		expect(demo.code).not.toBe(0);
		expect(demo.output).toContain('DEMO=0');
	});

	it('with DEMO=0 the demo admin cannot log in (401 as for any wrong login), its session ends and the banner is gone', async () => {
		const server = await startServer({ env: { DEMO: '0', DATABASE_URL: databaseUrl } });
		try {
			const base = server.baseUrl;
			const demo = await new ApiClient(base).post('/api/v1/session', DEMO_ADMIN);
			const unknown = await new ApiClient(base).post('/api/v1/session', {
				email: 'niemand@example.test',
				password: DEMO_ADMIN.password
			});
			expectApiError(demo, 401, 'unauthenticated');
			expect(demo.text).toBe(unknown.text);
			expectApiError(await ApiClient.withSession(base, demoSession).get('/api/v1/session'), 401, 'unauthenticated');
			const loginPage = await (await pageWith(base, '/login')).text();
			expect(loginPage).not.toContain(DEMO_ADMIN.password);
			expect(loginPage).not.toContain('demo-banner');
		} finally {
			await server.stop();
		}
	});
});

describe('the web app under attack', () => {
	let server: TestServer;
	let base: string;
	let admin: Registered;
	let trekker: Registered;

	beforeAll(async () => {
		server = await startServer({ env: { SSE_MAX_STREAMS_PER_USER: '4' } });
		base = server.baseUrl;
		admin = await register(base, newAccount('Beheerder'));
		trekker = await register(base, newAccount('Trekker'));
	});
	afterAll(async () => {
		await server?.stop();
	});

	describe('session tokens', () => {
		it('keeps no raw token in the database or in any response; the list shows handles that revoke', async () => {
			const laptop = await register(base, newAccount('Twee apparaten'));
			const phone = await login(base, laptop.account.email, laptop.account.password);
			// The server's own database file, read beside it (WAL allows a second reader).
			const reader = createClient({ url: server.databaseUrl });
			try {
				const stored = (await reader.execute('SELECT id FROM sessions')).rows.map((r) => String(r.id));
				expect(stored).not.toContain(laptop.client.sessionId);
				expect(stored).not.toContain(phone.sessionId);
				expect(stored).toContain(sessionHandle(phone.sessionId!));
			} finally {
				reader.close();
			}
			for (const page of ['/api/v1/me/sessions', '/account', '/api/v1/session']) {
				const res = await laptop.client.get(page);
				expect(res.status, page).toBe(200);
				expect(res.text, page).not.toContain(laptop.client.sessionId!);
				expect(res.text, page).not.toContain(phone.sessionId!);
			}
			const phoneToken = phone.sessionId!;
			const handle = sessionHandle(phoneToken);
			expectApiError(await ApiClient.withSession(base, handle).get('/api/v1/session'), 401, 'unauthenticated');
			expect((await laptop.client.delete(`/api/v1/me/sessions/${handle}`)).status).toBe(204);
			expectApiError(await phone.get('/api/v1/session'), 401, 'unauthenticated');

			// The ended session's cookie leads to the login page, which says why.
			const away = await pageWith(base, '/doetanks', phoneToken);
			expect(away.status).toBe(303);
			expect(away.headers.get('location')).toContain('ended=1');
			const text = await (await pageWith(base, away.headers.get('location')!)).text();
			expect(text).toContain('Je sessie is beëindigd');
		});
	});

	describe('redirects after login', () => {
		it.each(['/\t/evil.example', '//evil.example', '/\\evil.example', 'https://evil.example/'])(
			'stays on the site for redirectTo=%j',
			async (target) => {
				const account = await register(base, newAccount('Redirect'));
				const res = await postForm(base, '/login', {
					email: account.account.email,
					password: account.account.password,
					redirectTo: target
				});
				expect(res.status).toBe(303);
				const location = res.headers.get('location')!;
				expect(new URL(location, base).origin).toBe(new URL(base).origin);
				expect(location).toBe('/doetanks');
			}
		);

		it('answers a control character in redirectTo without a 500, on the page and after login', async () => {
			for (const url of ['/login?redirectTo=%0D', '/register?redirectTo=%0A']) {
				expect((await pageWith(base, url)).status, url).toBe(200);
			}
			for (const target of ['\r', '/doetanks\r\nSet-Cookie: x=y']) {
				const account = await register(base, newAccount('Regeleinde'));
				const res = await postForm(base, '/login', {
					email: account.account.email,
					password: account.account.password,
					redirectTo: target
				});
				expect(res.status, JSON.stringify(target)).toBe(303);
				expect(res.headers.get('location')).toBe('/doetanks');
			}
		});
	});

	describe('CSV exports', () => {
		const NAME = '=HYPERLINK("http://evil.example","klik")';
		const WAVE = '@SUM(1+1)';
		let doetankId: string;

		beforeAll(async () => {
			const created = await trekker.client.post<DoetankDetail>('/api/v1/doetanks', {
				name: NAME,
				onderwerp: '+31 6 1234',
				beoogdDoel: '-2+3'
			});
			expect(created.status, created.text).toBe(201);
			doetankId = created.body.doetank.id;
			const leden = [];
			for (const label of ['Lid A', 'Lid B', 'Lid C']) {
				const lid = await register(base, newAccount(label));
				await addMember(trekker.client, doetankId, lid.client, { email: lid.account.email, roles: ['lid'] });
				leden.push(lid);
			}
			const closesOn = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
			const wave = await admin.client.post<{ wave: { id: string } }>('/api/v1/questionnaire/waves', {
				name: WAVE,
				closesOn,
				doetankIds: [doetankId]
			});
			expect(wave.status, wave.text).toBe(201);
			for (const [i, lid] of leden.entries()) {
				const res = await lid.client.post(`/api/v1/questionnaire/waves/${wave.body.wave.id}/responses`, {
					doetankId,
					answers: FIXTURE_RESPONSES[i]
				});
				expect(res.status, res.text).toBe(201);
			}
			waveId = wave.body.wave.id;
		});
		let waveId: string;

		/** The raw bytes: Response.text() would drop the byte order mark. */
		async function download(url: string): Promise<string> {
			const res = await fetch(new URL(url, base), {
				headers: { cookie: `doetank_session=${admin.client.sessionId}` }
			});
			expect(res.status, url).toBe(200);
			expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
			const bytes = new Uint8Array(await res.arrayBuffer());
			expect([...bytes.slice(0, 3)], `${url} starts with a UTF-8 BOM`).toEqual([0xef, 0xbb, 0xbf]);
			return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
		}

		it.each([
			['overview.csv', (): string => '/api/v1/network/overview.csv', [NAME, '+31 6 1234', '-2+3']],
			['answers.csv', (): string => `/api/v1/questionnaire/waves/${waveId}/answers.csv`, [NAME, WAVE]],
			['report.csv', (): string => '/api/v1/report.csv?from=2020-01-01&to=2099-12-31', [WAVE]]
		] as const)('%s neutralises formula cells and opens in columns in Dutch Excel', async (_name, url, injected) => {
			const csv = await download(url());
			const rows = parseCsv(csv);
			expect(rows[0]!.length).toBeGreaterThan(2);
			const cells = rows.flat();
			for (const value of injected) {
				expect(cells).toContain(`'${value}`);
				expect(cells).not.toContain(value);
			}
			expect(cells.every((c) => !/^[=+\-@\t\r]/.test(c))).toBe(true);
		});

		it('writes numbers with a decimal comma and headers in the reader’s language', async () => {
			const csv = await download(`/api/v1/questionnaire/waves/${waveId}/answers.csv`);
			const [header, ...rows] = parseCsv(csv);
			expect(header!.slice(0, 2)).toEqual(['Meting', 'Doetank']);
			const scales = header!.map((h, i) => (h.startsWith('schaal.') ? i : -1)).filter((i) => i >= 0);
			expect(scales.length).toBeGreaterThan(0);
			const values = rows.flatMap((r) => scales.map((i) => r[i]!)).filter((v) => v !== '');
			expect(values.some((v) => v.includes(','))).toBe(true);
			expect(values.every((v) => /^-?\d+(,\d+)?$/.test(v))).toBe(true);
		});
	});

	describe('consent to join', () => {
		it('adding by e-mail makes no membership until the person accepts, and tells nothing about the address', async () => {
			const created = await trekker.client.post<DoetankDetail>('/api/v1/doetanks', {
				name: 'Toestemming',
				onderwerp: 'o',
				beoogdDoel: 'd'
			});
			const id = created.body.doetank.id;
			const target = await register(base, newAccount('Gevraagd'));
			const path = `/api/v1/doetanks/${id}/members`;
			const known = await trekker.client.post(path, { email: target.account.email, roles: ['lid'] });
			const unknown = await trekker.client.post(path, { email: 'bestaat-niet@example.test', roles: ['lid'] });
			expect([known.status, unknown.status]).toEqual([202, 202]);
			expect(known.text).toBe(unknown.text);
			expect(known.text).not.toContain(target.account.name);

			const members = await trekker.client.get<{ members: { userId: string }[] }>(path);
			expect(members.body.members.map((m) => m.userId)).not.toContain(target.id);
			const mine = await target.client.get<{ mine: { id: string }[] }>('/api/v1/doetanks');
			expect(mine.body.mine.map((d) => d.id)).not.toContain(id);
			expectApiError(await target.client.get(`/api/v1/doetanks/${id}`), 403, 'forbidden');

			const inbox = await target.client.get<{ items: { kind: string; link: string; doetankId: string }[] }>(
				'/api/v1/me/inbox'
			);
			const item = inbox.body.items.find((i) => i.kind === 'member_invited' && i.doetankId === id)!;
			expect(item.link).not.toContain('@');
			// The link is personal: someone else who gets hold of it cannot join with it.
			const other = await register(base, newAccount('Meelezer'));
			expectApiError(
				await other.client.post(`/api/v1${item.link.replace('/invite/', '/invitations/')}`),
				404,
				'not_found'
			);

			const accepted = await target.client.post(`/api/v1${item.link.replace('/invite/', '/invitations/')}`);
			expect(accepted.status, accepted.text).toBe(201);
			expect((await target.client.get(`/api/v1/doetanks/${id}`)).status).toBe(200);
		});
	});

	describe('cross-site requests', () => {
		it('refuses logout and API writes from a foreign Origin whatever the content type', async () => {
			const victim = await register(base, newAccount('Slachtoffer'));
			const cookie = `doetank_session=${victim.client.sessionId}`;
			const foreignLogout = await fetch(`${base}/logout`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: 'http://evil.example', cookie }
			});
			expect(foreignLogout.status).toBe(403);
			const crossSite = await fetch(`${base}/logout`, {
				method: 'POST',
				redirect: 'manual',
				headers: { 'sec-fetch-site': 'cross-site', cookie }
			});
			expect(crossSite.status).toBe(403);
			expect((await victim.client.get('/api/v1/session')).status).toBe(200);

			const json = await victim.client.post(
				'/api/v1/doetanks',
				{ name: 'x', onderwerp: 'o', beoogdDoel: 'd' },
				{ headers: { origin: 'http://evil.example' } }
			);
			expectApiError(json, 403, 'forbidden');
			const text = await fetch(`${base}/api/v1/doetanks`, {
				method: 'POST',
				headers: { origin: 'http://evil.example', cookie, 'content-type': 'text/plain' },
				body: JSON.stringify({ name: 'x', onderwerp: 'o', beoogdDoel: 'd' })
			});
			expect(text.status).toBe(403);

			const own = await fetch(`${base}/logout`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: base, cookie }
			});
			expect(own.status).toBe(303);
			expect((await victim.client.get('/api/v1/session')).status).toBe(401);
		});
	});

	describe('headers', () => {
		it('sends a nonce CSP without unsafe-inline scripts, frame-ancestors none, nosniff and same-origin referrers', async () => {
			for (const [url, session] of [
				['/login', null],
				['/register', null],
				['/doetanks', trekker.client.sessionId],
				['/account', trekker.client.sessionId],
				['/rapportage', admin.client.sessionId]
			] as const) {
				const res = await pageWith(base, url, session);
				expect(res.status, url).toBe(200);
				const csp = res.headers.get('content-security-policy') ?? '';
				const script = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
				expect(script, url).toMatch(/'nonce-[^']+'/);
				expect(script, url).not.toContain('unsafe-inline');
				expect(csp, url).toContain("frame-ancestors 'none'");
				expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
				expect(res.headers.get('referrer-policy'), url).toBe('same-origin');
			}
			const api = await trekker.client.get('/api/v1/session');
			expect(api.headers.get('x-content-type-options')).toBe('nosniff');
			expect(api.headers.get('referrer-policy')).toBe('same-origin');
		});
	});

	describe('operations', () => {
		it('hides /metrics without METRICS_TOKEN (404)', async () => {
			expect((await fetch(`${base}/metrics`)).status).toBe(404);
			expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
		});

		it('answers 413 for a body over the size limit and no 500 for POST /lang without a form', async () => {
			const big = await trekker.client.request('POST', '/api/v1/doetanks', {
				raw: JSON.stringify({ name: 'x'.repeat(600 * 1024), onderwerp: 'o', beoogdDoel: 'd' })
			});
			expectApiError(big, 413, 'payload_too_large');
			const lang = await fetch(`${base}/lang`, { method: 'POST', redirect: 'manual', headers: { origin: base } });
			expect(lang.status).toBe(303);
			const json = await fetch(`${base}/lang`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: base, 'content-type': 'application/json' },
				body: '{"lang":"en"}'
			});
			expect(json.status).toBe(303);
		});
	});

	describe('live streams', () => {
		it('refuses a user’s streams past the cap and /healthz stays fast while 200 are asked for', async () => {
			const controllers: AbortController[] = [];
			// Held until the end: fetch cancels the body of a Response that is garbage collected, which
			// would give its slot back in the middle of the burst (seen as 8 × 200 on a busy machine).
			const held: Response[] = [];
			const open = (): Promise<number> => {
				const controller = new AbortController();
				controllers.push(controller);
				return fetch(`${base}/api/v1/monitoring/events`, {
					headers: { cookie: `doetank_session=${admin.client.sessionId}`, accept: 'text/event-stream' },
					signal: controller.signal
				}).then((res) => {
					if (res.status !== 200) void res.body?.cancel();
					else held.push(res);
					return res.status;
				});
			};
			try {
				const statuses = await Promise.all(Array.from({ length: 200 }, open));
				expect(statuses.filter((s) => s === 200)).toHaveLength(4);
				expect(statuses.filter((s) => s === 429)).toHaveLength(196);

				const timings: number[] = [];
				for (let i = 0; i < 7; i++) {
					const started = performance.now();
					const res = await fetch(`${base}/healthz`);
					expect(res.status).toBe(200);
					timings.push(performance.now() - started);
					await sleep(300);
				}
				timings.sort((a, b) => a - b);
				expect(timings[3], `median of ${timings.map((t) => t.toFixed(1)).join(', ')} ms`).toBeLessThan(100);
			} finally {
				for (const c of controllers) c.abort();
			}
			// Closing a stream gives its slot back.
			let status = 0;
			for (let i = 0; i < 50 && status !== 200; i++) {
				await sleep(100);
				status = await open();
				controllers.at(-1)!.abort();
			}
			expect(status).toBe(200);
		});
	});

	describe('health', () => {
		it('answers 503 when the database refuses writes, though reads still work', async () => {
			const writer = createClient({ url: server.databaseUrl });
			try {
				// Stands in for a read-only file or a full disk: every write of the health check fails.
				await writer.execute(`CREATE TRIGGER refuse_writes BEFORE UPDATE ON app_meta
					BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END`);
				await writer.execute(`CREATE TRIGGER refuse_inserts BEFORE INSERT ON app_meta
					BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END`);
				expect((await trekker.client.get('/api/v1/doetanks')).status).toBe(200);
				const res = await fetch(`${base}/healthz`);
				expect(res.status).toBe(503);
				expect(await res.json()).toEqual({ status: 'unavailable' });
			} finally {
				await writer.execute('DROP TRIGGER IF EXISTS refuse_writes');
				await writer.execute('DROP TRIGGER IF EXISTS refuse_inserts');
				writer.close();
			}
			expect((await fetch(`${base}/healthz`)).status).toBe(200);
		});
	});
});

describe('login throttle', () => {
	let server: TestServer;
	let base: string;

	beforeAll(async () => {
		// The client address comes from X-Forwarded-For here, so each test can play its own IP.
		server = await startServer({
			env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1', METRICS_TOKEN: TOKEN }
		});
		base = server.baseUrl;
	});
	afterAll(async () => {
		await server?.stop();
	});

	const attempt = (email: string, password: string, ip: string) =>
		new ApiClient(base, { 'x-forwarded-for': ip }).post('/api/v1/session', { email, password });

	it('gives an unknown account and a wrong password the same 401', async () => {
		const user = await register(base, newAccount('Bekend'), undefined, { 'x-forwarded-for': '10.0.0.1' });
		const wrong = await attempt(user.account.email, 'niet-het-wachtwoord', '10.0.0.1');
		const unknown = await attempt('onbekend@example.test', 'niet-het-wachtwoord', '10.0.0.1');
		expectApiError(wrong, 401, 'unauthenticated');
		expect(unknown.status).toBe(401);
		expect(unknown.text).toBe(wrong.text);
	});

	it('evaluates at most 5 of 40 parallel wrong passwords for one account; the rest get 429', async () => {
		const user = await register(base, newAccount('Doelwit'), undefined, { 'x-forwarded-for': '10.0.1.1' });
		const results = await Promise.all(
			Array.from({ length: 40 }, (_, i) => attempt(user.account.email, `fout-${i}`, `10.0.1.${(i % 40) + 2}`))
		);
		const statuses = results.map((r) => r.status);
		expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(35);
		expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
		// Locked now, even with the right password.
		expect((await attempt(user.account.email, user.account.password, '10.0.1.99')).status).toBe(429);
	});

	it('evaluates at most 50 of 120 parallel attempts from one address', async () => {
		const results = await Promise.all(
			Array.from({ length: 120 }, (_, i) => attempt(`gok-${i}@example.test`, 'geraden', '10.0.2.1'))
		);
		const statuses = results.map((r) => r.status);
		expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(50);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(70);
	});

	it('serves /metrics only for the bearer token (404 otherwise)', async () => {
		expect((await fetch(`${base}/metrics`)).status).toBe(404);
		expect(
			(await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong-token-of-some-length' } })).status
		).toBe(404);
		const ok = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
		expect(ok.status).toBe(200);
		expect(await ok.text()).toContain('process_resident_memory_bytes');
	});
});
