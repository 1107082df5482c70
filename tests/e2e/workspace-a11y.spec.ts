import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openWorkspaceAs } from './workspace-helpers';

// Maatschappelijk rekenkameronderzoek: Tineke is trekker, Olga opdrachtgever there.
const DOETANK = 'maatschappelijk_rekenkameronderzoek';

async function seriousViolations(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const horizontalOverflow = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

for (const viewport of [
	{ name: 'phone', width: 375, height: 812 },
	{ name: 'desktop', width: 1280, height: 800 }
]) {
	test(`the workspace on a ${viewport.name} (${viewport.width} px): no serious axe violations, no sideways scrolling`, async ({
		browser
	}) => {
		const editorView = await openWorkspaceAs(browser, 'trekker', DOETANK, { viewport });
		const watcher = await openWorkspaceAs(browser, 'opdrachtgever', DOETANK, { viewport });
		const { page } = editorView;
		await expect(page.getByRole('toolbar', { name: 'Opmaak' })).toBeVisible();
		await expect(page.getByRole('list', { name: 'Nu in de werkruimte' }).getByRole('listitem')).toHaveCount(2);
		expect(await seriousViolations(page)).toEqual([]);
		expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

		// The tabs follow the arrow keys, and every section passes too.
		await page.getByRole('tab', { name: 'Probleemdefinitie' }).focus();
		for (const name of ['Business cases', 'Actielijst']) {
			await page.keyboard.press('ArrowRight');
			await expect(page.getByRole('tab', { name, selected: true })).toBeFocused();
			await expect(page.getByRole('tabpanel', { name })).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
			expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
		}

		// The read-only view of an opdrachtgever.
		await expect(watcher.page.getByText('Je kijkt mee (alleen lezen).')).toBeVisible();
		expect(await seriousViolations(watcher.page)).toEqual([]);
		expect(await horizontalOverflow(watcher.page)).toBeLessThanOrEqual(0);

		await Promise.all([editorView.context.close(), watcher.context.close()]);
	});
}
