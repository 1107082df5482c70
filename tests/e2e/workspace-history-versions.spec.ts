import { createClient } from '@libsql/client';
import { startServer, type TestServer } from '../integration/helpers/server';
import { axeSerious, sidewaysScroll, VIEWPORTS } from './business-case-helpers';
import { expect, test } from './fixtures';
import { editor, expectText, openWorkspaceAs } from './workspace-helpers';

// Tineke is trekker, Lars lid and Mila meekijker here.
const DOETANK = 'kennisbehoud';
/** Lowered from ten minutes, so an evening fits in a test. */
const INTERVAL_MS = 3_000;

const settle = () => new Promise((resolve) => setTimeout(resolve, 2 * INTERVAL_MS));

let own: TestServer;
test.beforeAll(async () => {
	own = await startServer({ demo: true, ramDisk: true, env: { HISTORY_VERSION_INTERVAL_MS: String(INTERVAL_MS) } });
});
test.afterAll(async () => own?.stop());

async function versionCount(kind: 'auto' | 'named'): Promise<number> {
	const db = createClient({ url: own.databaseUrl });
	try {
		const { rows } = await db.execute({
			sql: 'SELECT count(*) AS n FROM doc_versions WHERE doetank_id = ? AND kind = ?',
			args: [DOETANK, kind]
		});
		return Number(rows[0]!.n);
	} finally {
		db.close();
	}
}

test('an evening’s session gives several versions and a named one; restoring one is seen by the other member', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const options = { baseURL: own.baseUrl };
	const tineke = await openWorkspaceAs(browser, 'trekker', DOETANK, options);
	const lars = await openWorkspaceAs(browser, 'lid', DOETANK, options);
	const stamp = Date.now();
	const first = `Begin van de avond ${stamp}.`;

	// First stretch: Tineke writes (as one input event, like every write here: a text typed key by key
	// on a busy machine straddled cuts); an interval later the server cuts a version.
	await editor(tineke.page).click();
	await tineke.page.keyboard.press('ControlOrMeta+a');
	await tineke.page.keyboard.insertText(first);
	await expectText([tineke.page, lars.page], first);
	await expect.poll(() => versionCount('auto'), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
	// On a busy machine the typing may straddle a cut: let any last one land, then count.
	await settle();
	const afterFirst = await versionCount('auto');

	// Second stretch: both write; another version, with both as contributors.
	await editor(lars.page).click();
	await lars.page.keyboard.press('ControlOrMeta+End');
	await lars.page.keyboard.insertText(' Lars vult aan.');
	await expectText([tineke.page, lars.page], `${first} Lars vult aan.`);
	await tineke.page.keyboard.press('ControlOrMeta+End');
	await tineke.page.keyboard.insertText(' Tineke ook.');
	await expectText([tineke.page, lars.page], `${first} Lars vult aan. Tineke ook.`);
	await expect.poll(() => versionCount('auto'), { timeout: 20_000 }).toBeGreaterThan(afterFirst);
	await settle();
	const automatic = await versionCount('auto');

	// Tineke names the version of now.
	await tineke.page.getByRole('button', { name: 'Geschiedenis' }).click();
	const dialog = tineke.page.getByRole('dialog', { name: 'Geschiedenis: Probleemdefinitie' });
	await dialog.getByLabel('Naam voor de versie van nu').fill('vóór de café-sessie');
	await dialog.getByRole('button', { name: 'Versie bewaren' }).click();
	await expect(dialog.getByRole('status')).toHaveText('De versie ‘vóór de café-sessie’ is bewaard.');
	const moments = dialog.getByRole('list', { name: 'Tijdens het werk' }).getByRole('button');
	await expect(moments).toHaveCount(automatic + 1);
	await expect(moments.first()).toHaveAccessibleName(
		/^‘vóór de café-sessie’ \(vandaag om \d\d:\d\d\) benoemd door Tineke Trekker/
	);
	// Who worked on each version: the first stretch was Tineke's alone, Lars joined in the second.
	const firstStretch = moments.nth(1 + automatic - afterFirst);
	await expect(firstStretch).toHaveAccessibleName(/^vandaag om \d\d:\d\d door Tineke Trekker$/);
	await expect(moments.filter({ hasText: 'Lars Lid' })).not.toHaveCount(0);
	expect(await versionCount('named')).toBe(1);
	expect(await axeSerious(tineke.page)).toEqual([]);

	// The first version as it was, its diff with now, and restoring it for everyone.
	await firstStretch.click();
	await expect(dialog.getByText(first, { exact: true })).toBeVisible();
	await dialog.getByRole('button', { name: 'Verschillen' }).click();
	await expect(dialog.locator('ins')).toContainText('Lars vult aan.');
	await dialog.getByRole('button', { name: 'Deze versie terugzetten' }).click();
	await expect(dialog).toBeHidden();
	await expectText([tineke.page, lars.page], first);
	await expect(
		lars.page.getByText(/^Tineke Trekker heeft Probleemdefinitie teruggezet naar de versie van vandaag om \d\d:\d\d\.$/)
	).toBeVisible();

	// A meekijker sees the versions but cannot name one: no form, and the API refuses (403).
	// (On a phone: the list with its names fits, and axe finds nothing serious.)
	const mila = await openWorkspaceAs(browser, 'meekijker', DOETANK, { ...options, viewport: VIEWPORTS[0] });
	await mila.page.getByRole('button', { name: 'Geschiedenis' }).click();
	const milaDialog = mila.page.getByRole('dialog', { name: 'Geschiedenis: Probleemdefinitie' });
	// (The restore may have become a version of its own by now.)
	await expect(
		milaDialog.getByRole('button', {
			name: /^‘vóór de café-sessie’ \(vandaag om \d\d:\d\d\) benoemd door Tineke Trekker/
		})
	).toBeVisible();
	await expect(milaDialog.getByLabel('Naam voor de versie van nu')).toHaveCount(0);
	expect(await axeSerious(mila.page)).toEqual([]);
	expect(await sidewaysScroll(mila.page)).toBe(false);
	const refused = await mila.page.request.post(`/api/v1/doetanks/${DOETANK}/history/versions`, {
		data: { name: 'stiekem' }
	});
	expect(refused.status()).toBe(403);
	await mila.context.close();

	// The restore becomes a version of its own (an interval later, or when the last person leaves).
	await Promise.all([tineke.context.close(), lars.context.close()]);
	await expect.poll(() => versionCount('auto'), { timeout: 20_000 }).toBe(automatic + 1);
	expect(await versionCount('named')).toBe(1);
});
