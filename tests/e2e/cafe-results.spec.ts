import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { login } from './helpers';

const DEMO_PASSWORD = 'doetank-demo';
const demo = (key: string) => `${key}@demo.doetank.nl`;

/** A demo account signed in over the API in its own context. */
async function signedIn(browser: Browser, key: string) {
	const context = await browser.newContext();
	const res = await context.request.post('/api/v1/session', { data: { email: demo(key), password: DEMO_PASSWORD } });
	expect(res.status()).toBe(200);
	return context;
}

/** A café for Kennisbehoud, ended, with one evaluation per given attendee (none for null), over the API. */
async function endedCafe(browser: Browser, evaluations: [key: string, answers: object | null][]): Promise<string> {
	const coach = await signedIn(browser, 'coach');
	const created = await coach.request.post('/api/v1/cafes', {
		data: { title: `Café ${Date.now().toString(36)}`, day: '2026-11-20', doetankIds: ['kennisbehoud'] }
	});
	expect(created.status()).toBe(201);
	const cafe = (await created.json()).cafe as { id: string; code: string };
	const attendees = [];
	for (const [key] of evaluations) {
		const context = await signedIn(browser, key);
		const joined = await context.request.post('/api/v1/cafes/join', { data: { code: cafe.code } });
		expect(joined.status()).toBe(200);
		attendees.push(context);
	}
	expect((await coach.request.post(`/api/v1/cafes/${cafe.id}/end`)).status()).toBe(200);
	for (const [i, [, answers]] of evaluations.entries()) {
		if (answers === null) continue;
		const res = await attendees[i]!.request.post(`/api/v1/cafes/${cafe.id}/evaluation`, { data: { answers } });
		expect(res.status()).toBe(201);
	}
	await Promise.all([coach.close(), ...attendees.map((c) => c.close())]);
	return cafe.id;
}

const evaluation = (organisation: string, grade: number, q3: object, attention: Record<string, string>) => ({
	'cafe.q1': organisation,
	'cafe.q2': 'Beleidsmedewerker',
	'cafe.q3': q3,
	'cafe.q9': attention,
	'cafe.q10': grade
});

async function violations(page: Page) {
	return (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('café results stay hidden at two evaluations and show no attendee names', async ({ browser, page }) => {
	const id = await endedCafe(browser, [
		['trekker', evaluation('Gemeente Zeist', 8, { choice: 'ja', text: 'Sneller vergunnen' }, {})],
		['lid', evaluation('Belastingdienst', 6, { choice: 'nee' }, {})]
	]);
	await login(page, demo('coach'), DEMO_PASSWORD, null);
	await page.goto(`/cafes/${id}/resultaten`);
	await expect(page.getByRole('status')).toContainText('Nog geen resultaten: 2 evaluaties ontvangen.');
	const body = page.locator('main');
	for (const hidden of ['Gemeente Zeist', 'Belastingdienst', 'Sneller vergunnen', 'Tineke Trekker', 'Lars Lid'])
		await expect(body).not.toContainText(hidden);
	const api = await (await page.request.get(`/api/v1/cafes/${id}/results`)).text();
	expect(api).not.toMatch(/Zeist|Belastingdienst|Sneller|Tineke|Lars/);
});

test('café results at three evaluations: the attention table laid out at 1280 and 375 px, question 3 with its text', async ({
	browser,
	page
}) => {
	test.setTimeout(60_000);
	const id = await endedCafe(browser, [
		[
			'trekker',
			evaluation(
				'Gemeente Zeist',
				8,
				{ choice: 'ja', text: 'Sneller vergunnen' },
				{ netwerken: 'te_weinig', inspiratie_opdoen: 'precies_genoeg' }
			)
		],
		['lid', evaluation('Belastingdienst', 6, { choice: 'nee' }, { netwerken: 'precies_genoeg' })],
		['opdrachtgever', evaluation('Amersfoort', 7, { choice: 'nee_van_plan' }, { netwerken: 'te_veel' })]
	]);
	await login(page, demo('coach'), DEMO_PASSWORD, null);
	for (const width of [1280, 375]) {
		await page.setViewportSize({ width, height: 800 });
		await page.goto(`/cafes/${id}/resultaten`);
		await expect(page.locator('.grade strong')).toHaveText('7,0');
		await page.screenshot({ path: `test-results/cafe-results-${width}.png`, fullPage: true });
		const table = page.getByRole('table', { name: 'Kregen de functies voldoende aandacht?' });
		// Every column header sits over its own column, and each count under its header.
		const headers = table.getByRole('columnheader');
		await expect(headers).toHaveCount(6);
		const boxes = await Promise.all((await headers.all()).map((h) => h.boundingBox()));
		for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x).toBeGreaterThan(boxes[i - 1]!.x);
		const row = table.getByRole('row', { name: /^Netwerken/ });
		const cells = await Promise.all((await row.getByRole('cell').all()).map((c) => c.boundingBox()));
		expect(cells).toHaveLength(5);
		for (let i = 0; i < cells.length; i++) {
			const header = boxes[i + 1]!;
			expect(Math.abs(cells[i]!.x - header.x)).toBeLessThan(2);
			expect(Math.abs(cells[i]!.width - header.width)).toBeLessThan(2);
		}
		await expect(row.getByRole('cell')).toHaveText(['1', '1', '1', '0', '0,00']);
		// Question 3 keeps what was written after "Ja, namelijk".
		const q3 = page.getByRole('region', { name: /Zit u momenteel in een Doetank/ });
		await expect(q3.getByRole('row', { name: /Ja, namelijk/ })).toContainText('Sneller vergunnen');
		await expect(q3.getByRole('row', { name: /Ja, namelijk/ }).getByRole('cell')).toHaveText('1');
		expect(await overflow(page)).toBeLessThanOrEqual(0);
		expect(await violations(page)).toEqual([]);
	}
	await expect(page.locator('main')).not.toContainText(/Tineke|Lars|Olga/);
	const csv = await (await page.request.get(`/api/v1/cafes/${id}/results.csv`)).text();
	expect(csv).toContain('Sneller vergunnen');
	expect(csv).not.toMatch(/Tineke|Lars|Olga/);
});

test('on a phone the menu takes one row until opened, and question 8 of the evaluation stays inside its box', async ({
	browser,
	page
}) => {
	const id = await endedCafe(browser, [['meekijker', null]]);
	await page.setViewportSize({ width: 375, height: 800 });
	await login(page, demo('meekijker'), DEMO_PASSWORD, null);
	await page.goto(`/cafes/${id}/evaluatie`);
	const header = await page.getByRole('banner').boundingBox();
	expect(header!.height).toBeLessThan(160);
	await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden();
	await page.getByRole('button', { name: 'Menu' }).click();
	await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Inbox' })).toBeVisible();
	await page.getByRole('button', { name: 'Menu' }).click();

	const q8 = page.getByRole('group', { name: /^7\. Kunt u aangeven wat voor u de belangrijkste functies/ });
	const box = (await q8.locator('xpath=ancestor::section[1]').boundingBox())!;
	const legend = (await q8.locator('legend').first().boundingBox())!;
	expect(legend.x).toBeGreaterThanOrEqual(box.x);
	expect(legend.x + legend.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
	expect(legend.y).toBeGreaterThanOrEqual(box.y);
	// A bordered fieldset draws its border through the middle of a legend that wraps over several lines.
	const borderThroughLegend = await q8.evaluate((fieldset) => {
		const style = getComputedStyle(fieldset);
		const legendHeight = fieldset.querySelector('legend')!.getBoundingClientRect().height;
		return style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) > 0 && legendHeight > 40;
	});
	expect(borderThroughLegend).toBe(false);
	expect(await overflow(page)).toBeLessThanOrEqual(0);
	expect(await violations(page)).toEqual([]);
	await q8.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/cafe-evaluation-375.png' });
});
