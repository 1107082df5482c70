import { expect, test } from './fixtures';
import { login } from './helpers';

const DEMO_PASSWORD = 'doetank-demo';

for (const viewport of [
	{ width: 1280, height: 800 },
	{ width: 375, height: 740 }
]) {
	test(`a Doetank's timeline page lists its recorded moves, reached from the phase page (${viewport.width} px)`, async ({
		page
	}) => {
		await page.setViewportSize(viewport);
		await login(page, 'trekker@demo.doetank.nl', DEMO_PASSWORD);
		await page.goto('/doetanks/kennisbehoud/fase');
		await page.getByRole('link', { name: 'Volledige tijdlijn van de Doetank' }).click();
		await expect(page).toHaveURL(/\/doetanks\/kennisbehoud\/tijdlijn$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Tijdlijn van de Doetank' })).toBeVisible();
		const items = page.getByRole('listitem');
		// The demo seed recorded fase 0 → 1 → 2; newest first.
		await expect(items.filter({ hasText: 'Van Fase 1 · ontwerpen & uitproberen naar Fase 2' })).toHaveCount(1);
		await expect(items.filter({ hasText: 'Van Fase 0 · ontdekking naar Fase 1' })).toHaveCount(1);
		await expect(items.filter({ hasText: 'Bea Beheerder' })).toHaveCount(2);
		expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
		await page.screenshot({ path: `test-results/audit-${viewport.width}.png` });
	});
}

test('someone outside the Doetank gets no timeline page', async ({ page }) => {
	await login(page, 'meekijker@demo.doetank.nl', DEMO_PASSWORD);
	const res = await page.goto('/doetanks/vaktherapie/tijdlijn');
	expect(res?.status()).toBe(403);
});
