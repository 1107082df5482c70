import { expect, test } from '@playwright/test';
import { openWorkspaceAs } from './workspace-helpers';

// Kennisbehoud is the first demo Doetank: Tineke is trekker, Lars lid there.
const DOETANK = 'kennisbehoud';

test('a member whose network drops leaves the others’ presence within 10 s; closing the tab is immediate', async ({
	browser
}) => {
	test.setTimeout(60_000);
	const tineke = await openWorkspaceAs(browser, 'trekker', DOETANK);
	const lars = await openWorkspaceAs(browser, 'lid', DOETANK);
	const present = tineke.page.getByRole('list', { name: 'Nu in de werkruimte' });
	const larsThere = present.getByText(/^Lars Lid, /);
	await expect(larsThere).toBeAttached();

	await lars.context.setOffline(true);
	const dropped = Date.now();
	await expect(larsThere).toHaveCount(0, { timeout: 10_000 });
	const gone = Date.now() - dropped;
	expect(gone, `Lars left Tineke's presence after ${gone} ms`).toBeLessThan(10_000);

	await lars.context.setOffline(false);
	await expect(larsThere).toBeAttached({ timeout: 15_000 });
	const closed = Date.now();
	await lars.context.close();
	await expect(larsThere).toHaveCount(0, { timeout: 3_000 });
	expect(Date.now() - closed).toBeLessThan(3_000);

	await tineke.context.close();
});
