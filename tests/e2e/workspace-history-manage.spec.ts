import { axeSerious } from './business-case-helpers';
import { expect, test } from './fixtures';
import { openWorkspaceAs } from './workspace-helpers';

// The second demo Doetank: Tineke is trekker there, Olga opdrachtgever (read-only in the workspace).
const DOETANK = 'maatschappelijk_rekenkameronderzoek';

test('a writer renames a named version (and can undo it) and deletes one after confirming; a reader cannot', async ({
	browser
}) => {
	const tineke = await openWorkspaceAs(browser, 'trekker', DOETANK);
	// The list loads after the dialog opens; meanwhile the naming form must stay where it is (a
	// centred dialog moved it up under the pointer as the list came in). The list is held back here.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await tineke.page.route('**/history/versions', async (route) => {
		if (route.request().method() === 'GET') await held;
		await route.continue();
	});
	await tineke.page.getByRole('button', { name: 'Geschiedenis' }).click();
	const dialog = tineke.page.getByRole('dialog', { name: 'Geschiedenis: Probleemdefinitie' });
	const save = dialog.getByRole('button', { name: 'Versie bewaren' });
	await expect(dialog.getByText('De versies worden geladen…')).toBeVisible();
	const before = await save.boundingBox();
	release();
	await expect(dialog.getByText('De versies worden geladen…')).toBeHidden();
	expect(await save.boundingBox()).toEqual(before);
	await tineke.page.unroute('**/history/versions');
	await dialog.getByLabel('Naam voor de versie van nu').fill('vóór de café-sessie');
	await save.click();
	const status = dialog.getByRole('status');
	await expect(status).toHaveText('De versie ‘vóór de café-sessie’ is bewaard.');
	const moments = dialog.getByRole('list', { name: 'Tijdens het werk' }).getByRole('button');
	await moments.filter({ hasText: 'vóór de café-sessie' }).click();

	// Rename, then undo the rename from the message.
	const manage = dialog.getByRole('group', { name: 'Benoemde versie ‘vóór de café-sessie’' });
	await manage.getByRole('button', { name: 'Naam wijzigen' }).click();
	await dialog.getByLabel('Nieuwe naam van de versie').fill('na de pauze');
	await dialog.getByRole('button', { name: 'Naam opslaan' }).click();
	await expect(status).toContainText('De versie heet nu ‘na de pauze’.');
	await expect(moments.filter({ hasText: 'na de pauze' })).toHaveCount(1);
	expect(await axeSerious(tineke.page)).toEqual([]);
	await status.getByRole('button', { name: 'Ongedaan maken' }).click();
	await expect(status).toContainText('De versie heet nu ‘vóór de café-sessie’.');
	await expect(moments.filter({ hasText: 'na de pauze' })).toHaveCount(0);

	// Delete: first a question (cancel keeps it), then gone for good.
	await moments.filter({ hasText: 'vóór de café-sessie' }).click();
	await manage.getByRole('button', { name: 'Versie verwijderen' }).click();
	const question = dialog.getByRole('group', { name: /^De versie ‘vóór de café-sessie’ verwijderen\?/ });
	await expect(question.getByRole('button', { name: 'Annuleren' })).toBeFocused();
	await question.getByRole('button', { name: 'Annuleren' }).click();
	await expect(moments.filter({ hasText: 'vóór de café-sessie' })).toHaveCount(1);
	await manage.getByRole('button', { name: 'Versie verwijderen' }).click();
	await dialog.getByRole('button', { name: 'Ja, versie verwijderen' }).click();
	await expect(status).toHaveText('De versie ‘vóór de café-sessie’ is verwijderd.');
	await expect(moments.filter({ hasText: 'vóór de café-sessie' })).toHaveCount(0);

	// Olga reads the history but has nothing to rename or delete, and the API refuses her (403).
	await tineke.page.keyboard.press('Escape');
	await tineke.page.getByRole('button', { name: 'Geschiedenis' }).click();
	await dialog.getByLabel('Naam voor de versie van nu').fill('voor Olga');
	await dialog.getByRole('button', { name: 'Versie bewaren' }).click();
	await expect(status).toHaveText('De versie ‘voor Olga’ is bewaard.');
	const olga = await openWorkspaceAs(browser, 'opdrachtgever', DOETANK);
	await olga.page.getByRole('button', { name: 'Geschiedenis' }).click();
	const olgaDialog = olga.page.getByRole('dialog', { name: 'Geschiedenis: Probleemdefinitie' });
	await olgaDialog.getByRole('button', { name: /voor Olga/ }).click();
	await expect(olgaDialog.getByRole('button', { name: 'Naam wijzigen' })).toHaveCount(0);
	await expect(olgaDialog.getByRole('button', { name: 'Versie verwijderen' })).toHaveCount(0);
	const listed = await olga.page.request.get(`/api/v1/doetanks/${DOETANK}/history/versions`);
	const named = ((await listed.json()) as { versions: { id: string; name: string | null }[] }).versions.find(
		(v) => v.name === 'voor Olga'
	);
	const url = `/api/v1/doetanks/${DOETANK}/history/versions/${named!.id}`;
	expect((await olga.page.request.put(url, { data: { name: 'stiekem' } })).status()).toBe(403);
	expect((await olga.page.request.delete(url)).status()).toBe(403);

	await Promise.all([tineke.context.close(), olga.context.close()]);
});
