import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { FIXTURE_RESPONSES } from '../../src/lib/domain/instruments/vragenlijst.fixture';
import { addMember, login, PASSWORD, uniqueEmail } from './helpers';
import { connection, DEMO_PASSWORD, editor } from './workspace-helpers';

/**
 * Records every Content-Security-Policy violation of the context's pages: the DOM event (reported
 * to the console by an init script, which the CSP does not govern) and Chromium's own console errors.
 */
async function watchCsp(context: BrowserContext): Promise<string[]> {
	const found: string[] = [];
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`)
		);
	});
	const watch = (page: Page) =>
		page.on('console', (message) => {
			if (/CSP violation|Content Security Policy/i.test(message.text())) found.push(message.text());
		});
	context.pages().forEach(watch);
	context.on('page', watch);
	return found;
}

// The service worker is what these tests check; the config blocks it elsewhere.
test.use({ serviceWorkers: 'allow' });

test('the editor, the live connection, the chart and the service worker work under the CSP without a single violation', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const context = await browser.newContext();
	const violations = await watchCsp(context);
	const page = await context.newPage();

	// Three members answer a wave, so the results page draws its Chart.js chart.
	const owner = await context.request.post('/api/v1/users', {
		data: { email: uniqueEmail('csp-trekker'), name: 'CSP Trekker', password: PASSWORD }
	});
	expect(owner.status()).toBe(201);
	const created = await context.request.post('/api/v1/doetanks', {
		data: { name: 'Onder toezicht', onderwerp: 'Scripts', beoogdDoel: 'Alleen eigen scripts' }
	});
	const doetankId = ((await created.json()) as { doetank: { id: string } }).doetank.id;
	const leden: BrowserContext[] = [];
	for (const name of ['Een', 'Twee', 'Drie']) {
		const lid = await browser.newContext();
		const email = uniqueEmail(`csp-lid-${name.toLowerCase()}`);
		expect((await lid.request.post('/api/v1/users', { data: { email, name, password: PASSWORD } })).status()).toBe(201);
		await addMember(context.request, doetankId, lid.request, { email, roles: ['lid'] });
		leden.push(lid);
	}

	const admin = await browser.newContext();
	const adminViolations = await watchCsp(admin);
	const adminPage = await admin.newPage();
	await login(adminPage, 'beheerder@demo.doetank.nl', DEMO_PASSWORD, null);
	const wave = await admin.request.post('/api/v1/questionnaire/waves', {
		data: {
			name: 'CSP-meting',
			closesOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
			doetankIds: [doetankId]
		}
	});
	expect(wave.status()).toBe(201);
	const waveId = ((await wave.json()) as { wave: { id: string } }).wave.id;
	for (const [i, lid] of leden.entries()) {
		const res = await lid.request.post(`/api/v1/questionnaire/waves/${waveId}/responses`, {
			data: { doetankId, answers: FIXTURE_RESPONSES[i] }
		});
		expect(res.status()).toBe(201);
		await lid.close();
	}
	const results = await adminPage.goto(`/vragenlijst/${waveId}`);
	expect(results?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
	// One chart per answer range (1–5 and 1–7); Chart.js must have drawn on each.
	const charts = adminPage.getByRole('region', { name: 'Onder toezicht' }).getByRole('img');
	await expect(charts).toHaveCount(2);
	for (const chart of await charts.all()) {
		await expect(chart).toBeVisible();
		await expect
			.poll(() =>
				chart.evaluate((canvas: HTMLCanvasElement) => {
					const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
					return data.some((channel, i) => i % 4 === 3 && channel > 0);
				})
			)
			.toBe(true);
	}

	// The Tiptap editor over the live (websocket) connection.
	await page.goto(`/doetanks/${doetankId}/werkruimte`);
	await expect(connection(page)).toHaveText('Verbonden');
	await editor(page).click();
	await page.keyboard.type('Alleen scripts met een nonce.');
	await expect(editor(page)).toContainText('Alleen scripts met een nonce.');

	// The service worker registers and takes over.
	const active = await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active));
	expect(active).toBe(true);

	expect(violations).toEqual([]);
	expect(adminViolations).toEqual([]);

	// The watch itself works: an injected inline script is refused and reported.
	await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.injected = true';
		document.body.append(script);
	});
	await expect.poll(() => violations.length).toBeGreaterThan(0);
	expect(await page.evaluate(() => 'injected' in window)).toBe(false);
	await admin.close();
	await context.close();
});

test('no other site can frame the app (frame-ancestors none)', async ({ browser, baseURL }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	const refused: string[] = [];
	page.on('console', (m) => {
		if (/frame-ancestors/.test(m.text())) refused.push(m.text());
	});
	await page.goto('/healthz');
	await page.setContent(`<iframe title="app" src="${baseURL}/login"></iframe>`);
	await expect.poll(() => refused.length).toBeGreaterThan(0);
	expect(await page.frameLocator('iframe').locator('form').count()).toBe(0);
	await context.close();
});

test('a redirectTo that leaves the site is ignored after login', async ({ page, baseURL }) => {
	await page.goto('/login?redirectTo=%2F%09%2Fevil.example');
	await page.getByLabel('E-mailadres').fill('trekker@demo.doetank.nl');
	await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(`${baseURL}/doetanks`);
});
