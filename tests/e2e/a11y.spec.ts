import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { login } from './helpers';

async function seriousViolations(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const viewport of [
	{ name: 'phone', width: 375, height: 740 },
	{ name: 'desktop', width: 1280, height: 800 }
]) {
	test.describe(`accessibility on ${viewport.name}`, () => {
		test.use({ viewport: { width: viewport.width, height: viewport.height } });

		test('login page', async ({ page }) => {
			await page.goto('/login');
			expect(await seriousViolations(page)).toEqual([]);
		});

		test('Doetank list and Doetank page', async ({ page }) => {
			await login(page, 'trekker@demo.doetank.nl', 'doetank-demo');
			expect(await seriousViolations(page)).toEqual([]);
			await page.getByRole('link', { name: 'Kennisbehoud', exact: true }).first().click();
			await expect(page.getByRole('heading', { level: 1, name: 'Kennisbehoud' })).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow).toBeLessThanOrEqual(0);
		});
	});
}
