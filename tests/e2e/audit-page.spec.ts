import { expect, test } from './fixtures';
import { addMember, login } from './helpers';

const DEMO_PASSWORD = 'doetank-demo';

for (const viewport of [
	{ width: 1280, height: 800 },
	{ width: 375, height: 740 }
]) {
	test(`a Doetank's timeline page lists its recorded moves, reached from the phase page (${viewport.width} px)`, async ({
		page
	}) => {
		await page.setViewportSize(viewport);
		await login(page, 'trekker@demo.doetank.nl', DEMO_PASSWORD, null);
		await page.goto('/doetanks/kennisbehoud/fase');
		await page.getByRole('link', { name: 'Volledige tijdlijn van de Doetank' }).click();
		await expect(page).toHaveURL(/\/doetanks\/kennisbehoud\/tijdlijn$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Tijdlijn van de Doetank' })).toBeVisible();
		const items = page.getByRole('listitem');
		// The demo seed recorded fase 0 → 1 → 2; newest first.
		await expect(items.filter({ hasText: 'Van Fase 1 · ontwerpen & uitproberen naar Fase 2' })).toHaveCount(1);
		await expect(items.filter({ hasText: 'Van Fase 0 · ontdekking naar Fase 1' })).toHaveCount(1);
		await expect(items.filter({ hasText: /^Van .*Bea Beheerder/ })).toHaveCount(2);
		expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
		await page.screenshot({ path: `test-results/audit-${viewport.width}.png` });
	});
}

test('someone outside the Doetank gets no timeline page', async ({ page }) => {
	await login(page, 'meekijker@demo.doetank.nl', DEMO_PASSWORD, null);
	const res = await page.goto('/doetanks/vaktherapie/tijdlijn');
	expect(res?.status()).toBe(403);
});

test('the timeline shows who joined, whose roles changed and who was removed, and by whom', async ({
	browser,
	page
}) => {
	await login(page, 'trekker@demo.doetank.nl', DEMO_PASSWORD, null);
	const created = await page.request.post('/api/v1/doetanks', {
		data: { name: `Leden ${Date.now().toString(36)}`, onderwerp: 'Leden', beoogdDoel: 'Wisselende leden' }
	});
	const { id } = (await created.json()).doetank as { id: string };
	const lid = await browser.newContext();
	await lid.request.post('/api/v1/session', { data: { email: 'lid@demo.doetank.nl', password: DEMO_PASSWORD } });
	await addMember(page.request, id, lid.request, { email: 'lid@demo.doetank.nl', roles: ['lid'] });
	await lid.close();
	const { members } = (await (await page.request.get(`/api/v1/doetanks/${id}/members`)).json()) as {
		members: { userId: string; name: string }[];
	};
	const lars = members.find((m) => m.name === 'Lars Lid')!.userId;
	const changed = await page.request.put(`/api/v1/doetanks/${id}/members/${lars}`, {
		data: { roles: ['lid', 'meekijker'], lidType: 'schil' }
	});
	expect(changed.status()).toBe(200);
	expect((await page.request.delete(`/api/v1/doetanks/${id}/members/${lars}`)).status()).toBe(204);

	await page.goto(`/doetanks/${id}/tijdlijn`);
	const items = page.getByRole('main').getByRole('listitem');
	await expect(items.nth(0)).toContainText('Lars Lid is uit de Doetank gehaald');
	await expect(items.nth(0)).toContainText('Tineke Trekker');
	await expect(items.nth(1)).toContainText('Rollen van Lars Lid gewijzigd in Lid, Meekijker');
	await expect(items.nth(1)).toContainText('Tineke Trekker');
	await expect(items.nth(2)).toContainText('Lars Lid doet mee als Lid');
	await expect(items.nth(3)).toContainText('Tineke Trekker doet mee als Trekker');
});
