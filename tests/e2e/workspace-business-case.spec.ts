import { expect, test } from './fixtures';
import {
	axeSerious,
	expectField,
	field,
	FIELDS,
	openBusinessCases,
	sidewaysScroll,
	VIEWPORTS,
	write
} from './business-case-helpers';
import { openWorkspaceAs } from './workspace-helpers';

// Kennisbehoud, the first demo Doetank: Tineke is trekker, Lars lid, Mila meekijker.
const DOETANK = 'kennisbehoud';

test('business cases: live fields for everyone, pilot and personal canvases, print view and Markdown with every field', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const tineke = await openWorkspaceAs(browser, 'trekker', DOETANK);
	const lars = await openWorkspaceAs(browser, 'lid', DOETANK);
	const mila = await openWorkspaceAs(browser, 'meekijker', DOETANK);
	// The canvas's editors are made when its tab is first shown, not with the workspace.
	await expect(tineke.page.getByRole('textbox', { name: 'Kosten', exact: true, includeHidden: true })).toHaveCount(0);
	for (const { page } of [tineke, lars, mila]) await openBusinessCases(page);
	const stamp = Date.now();

	// A field Tineke writes appears for Lars and for Mila, who only watches.
	await expect(tineke.page.getByRole('tab', { name: 'Doetank als geheel', selected: true })).toBeVisible();
	await write(tineke.page, 'Kosten', `Twee dagdelen per week ${stamp}`);
	await expectField(lars.page, 'Kosten', `Twee dagdelen per week ${stamp}`);
	await expectField(mila.page, 'Kosten', `Twee dagdelen per week ${stamp}`);
	await expect(
		lars.page
			.getByRole('list', { name: 'Nu in de werkruimte' })
			.getByText('Tineke Trekker, bij Business cases', { exact: true })
	).toBeAttached();

	// Every field of the canvas takes text, and the strategy is one of the method's.
	for (const { label } of FIELDS) await write(tineke.page, label, `${label} tekst ${stamp}`);
	const strategy = 'meer opbrengst met hetzelfde budget';
	await tineke.page.getByRole('radio', { name: strategy }).check();
	await expect(lars.page.getByRole('radio', { name: strategy })).toBeChecked();
	await expectField(lars.page, 'Q6 Kwalitatieve outcome', `Q6 Kwalitatieve outcome tekst ${stamp}`);

	// The meekijker sees it all, with no way to change anything.
	await expectField(mila.page, 'Baten', `Baten tekst ${stamp}`);
	await expect(field(mila.page, 'Baten')).toHaveAttribute('contenteditable', 'false');
	await expect(mila.page.getByText(strategy)).toBeVisible();
	await expect(mila.page.getByRole('radio')).toHaveCount(0);
	for (const name of ['Pilotorganisatie toevoegen', 'Mijn eigen business case maken', 'Verwijderen']) {
		await expect(mila.page.getByRole('button', { name })).toHaveCount(0);
	}
	// She can look through the history, but not put a version back.
	await mila.page.getByRole('button', { name: 'Geschiedenis' }).click();
	const history = mila.page.getByRole('dialog', { name: 'Geschiedenis: Doetank als geheel' });
	// Today's day version: an earlier test's edits on this Doetank may have left an automatic one too.
	await history
		.getByRole('list', { name: 'Per dag' })
		.getByRole('button', { name: /^vandaag/i })
		.click();
	await expect(history.getByRole('group', { name: 'Kosten', exact: true })).toContainText('Kosten tekst');
	await expect(history.getByRole('button', { name: 'Deze versie terugzetten' })).toHaveCount(0);
	await mila.page.keyboard.press('Escape');

	// A pilot organisation: made, renamed and removed, live for the others; the removal can be undone.
	await tineke.page.getByRole('button', { name: 'Pilotorganisatie toevoegen' }).click();
	await tineke.page.getByLabel('Naam van de pilotorganisatie').fill('Gemeente Utrecht');
	await tineke.page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
	await expect(tineke.page.getByRole('tab', { name: 'Pilot: Gemeente Utrecht', selected: true })).toBeFocused();
	await write(tineke.page, 'Interventie', `Wijkteams in Utrecht ${stamp}`);
	await lars.page.getByRole('tab', { name: 'Pilot: Gemeente Utrecht' }).click();
	await expectField(lars.page, 'Interventie', `Wijkteams in Utrecht ${stamp}`);
	// Tineke sees on the tab that Lars has this canvas open.
	await expect(
		tineke.page.getByRole('tab', { name: 'Pilot: Gemeente Utrecht' }).locator('[title="Lars Lid"]')
	).toBeVisible();

	await tineke.page.getByRole('button', { name: 'Naam wijzigen' }).click();
	await tineke.page.getByLabel('Naam van de pilotorganisatie').fill('Gemeente Zeist');
	await tineke.page.getByRole('button', { name: 'Naam opslaan' }).click();
	await expect(lars.page.getByRole('tab', { name: 'Pilot: Gemeente Zeist', selected: true })).toBeVisible();

	await tineke.page.getByRole('button', { name: 'Verwijderen', exact: true }).click();
	await expect(tineke.page.getByText('‘Pilot: Gemeente Zeist’ verwijderen?', { exact: false })).toBeVisible();
	await tineke.page.getByRole('button', { name: 'Ja, verwijderen' }).click();
	for (const { page } of [tineke, lars]) {
		await expect(page.getByRole('tab', { name: 'Pilot: Gemeente Zeist' })).toHaveCount(0);
		await expect(page.getByRole('tab', { name: 'Doetank als geheel', selected: true })).toBeVisible();
	}
	const notice = tineke.page.getByRole('group', { name: 'Melding' });
	await expect(notice).toContainText('‘Pilot: Gemeente Zeist’ is verwijderd.');
	await notice.getByRole('button', { name: 'Ongedaan maken' }).click();
	await expect(notice).toContainText('Ongedaan gemaakt.');
	await lars.page.getByRole('tab', { name: 'Pilot: Gemeente Zeist' }).click();
	await expectField(lars.page, 'Interventie', `Wijkteams in Utrecht ${stamp}`);

	// Level 4: the solution for the public sector and society, one per Doetank, live like the others and never removed.
	await tineke.page.getByRole('tab', { name: 'Oplossing voor publieke sector en samenleving' }).click();
	await expect(
		tineke.page.getByText('BC van de oplossing van de Doetank voor de publieke sector/samenleving')
	).toBeVisible();
	await write(tineke.page, 'Baten', `Minder schulden in heel Nederland ${stamp}`);
	await mila.page.getByRole('tab', { name: 'Oplossing voor publieke sector en samenleving' }).click();
	await expectField(mila.page, 'Baten', `Minder schulden in heel Nederland ${stamp}`);
	for (const name of ['Verwijderen', 'Naam wijzigen']) {
		await expect(tineke.page.getByRole('button', { name, exact: true })).toHaveCount(0);
	}

	// A personal canvas, made on demand: "mijn eigen" for Lars, his name for the others; he can remove it.
	await lars.page.getByRole('button', { name: 'Mijn eigen business case maken' }).click();
	await expect(lars.page.getByRole('tab', { name: 'Mijn eigen business case', selected: true })).toBeVisible();
	await expect(lars.page.getByRole('button', { name: 'Mijn eigen business case maken' })).toHaveCount(0);
	await write(lars.page, 'Baten', `Minder dubbel werk ${stamp}`);
	await tineke.page.getByRole('tab', { name: 'Van Lars Lid' }).click();
	await expectField(tineke.page, 'Baten', `Minder dubbel werk ${stamp}`);
	await expect(tineke.page.getByRole('button', { name: 'Verwijderen', exact: true })).toHaveCount(0);
	await lars.page.getByRole('button', { name: 'Verwijderen', exact: true }).click();
	await lars.page.getByRole('button', { name: 'Ja, verwijderen' }).click();
	for (const { page } of [tineke, lars])
		await expect(page.getByRole('tab', { name: /Lars Lid|Mijn eigen business case$/ })).toHaveCount(0);

	// The print view holds every field under its label, and the strategy.
	await tineke.page.goto(`/doetanks/${DOETANK}/werkruimte/business-case/doetank/print`);
	const sheet = tineke.page.getByRole('article', { name: 'Business case Kennisbehoud · Doetank als geheel' });
	for (const { label } of FIELDS) {
		await expect(sheet.getByRole('group', { name: label, exact: true })).toContainText(`${label} tekst ${stamp}`);
	}
	await expect(sheet.getByRole('group', { name: 'Productiviteitsstrategie' })).toContainText(strategy);
	// Without a canvas id: every canvas, each on its own sheet.
	await tineke.page.goto(`/doetanks/${DOETANK}/werkruimte/business-case/print`);
	await expect(tineke.page.getByRole('article')).toHaveCount(3);
	await expect(
		tineke.page.getByRole('article', {
			name: 'Business case Kennisbehoud · Oplossing voor publieke sector en samenleving'
		})
	).toContainText(`Minder schulden in heel Nederland ${stamp}`);
	await expect(
		tineke.page.getByRole('article', { name: 'Business case Kennisbehoud · Pilot: Gemeente Zeist' })
	).toContainText(`Wijkteams in Utrecht ${stamp}`);

	// The Markdown download has every field under its label, with its text.
	const res = await mila.page.request.get(`/doetanks/${DOETANK}/werkruimte/business-case/doetank/export.md`);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toBe('text/markdown; charset=utf-8');
	expect(res.headers()['content-disposition']).toBe(
		'attachment; filename="business-case-kennisbehoud-doetank-als-geheel.md"'
	);
	const markdown = await res.text();
	for (const { label } of FIELDS) expect(markdown).toContain(`${label} tekst ${stamp}`);
	for (const label of [
		'## DoeTank:',
		'### T · Technologie',
		'## Q1 Kwantitatieve inputs',
		'## Productiviteitsstrategie'
	])
		expect(markdown).toContain(`\n${label}\n`);
	expect(markdown).toContain(`**${strategy}**`);

	// Only for those who may read the workspace, and only for canvases that exist.
	const get = (path: string) => tineke.page.request.get(`/doetanks/${path}`, { maxRedirects: 0 });
	expect((await get('train_je_collega/werkruimte/business-case/doetank/export.md')).status()).toBe(403);
	expect((await get('train_je_collega/werkruimte/business-case/print')).status()).toBe(403);
	expect((await get(`${DOETANK}/werkruimte/business-case/pilot%3Aweg/export.md`)).status()).toBe(404);
	expect((await get(`${DOETANK}/werkruimte/business-case/pilot%3Aweg/print`)).status()).toBe(404);
	const anonymous = await browser.newContext();
	const loggedOut = await anonymous.request.get(`/doetanks/${DOETANK}/werkruimte/business-case/doetank/export.md`, {
		maxRedirects: 0
	});
	expect(loggedOut.status()).toBe(303);
	expect(loggedOut.headers().location).toMatch(/^\/login\?redirectTo=/);
	await anonymous.close();

	await Promise.all([tineke.context.close(), lars.context.close(), mila.context.close()]);
});

for (const viewport of VIEWPORTS) {
	test(`the business-case panel at ${viewport.width} px: no serious axe findings, no sideways scrolling`, async ({
		browser
	}) => {
		const writer = await openWorkspaceAs(browser, 'trekker', 'maatschappelijk_rekenkameronderzoek', { viewport });
		const watcher = await openWorkspaceAs(browser, 'opdrachtgever', 'maatschappelijk_rekenkameronderzoek', {
			viewport
		});
		for (const { page } of [writer, watcher]) {
			await openBusinessCases(page);
			await expect(field(page, 'Kosten')).toBeVisible();
			expect(await axeSerious(page)).toEqual([]);
			expect(await sidewaysScroll(page)).toBe(false);
		}
		// The formatting bar of a field leaves its label and the instrument's explanation above it readable.
		const cell = writer.page.getByRole('group', { name: 'Business case', exact: true });
		await field(writer.page, 'Business case').click();
		const bar = cell.getByRole('toolbar', { name: 'Opmaak' });
		await expect(bar).toBeVisible();
		const barBox = (await bar.boundingBox())!;
		for (const above of [cell.getByRole('heading', { name: 'Business case', exact: true }), cell.locator('.hint')]) {
			const box = (await above.boundingBox())!;
			expect(box.y + box.height, await above.innerText()).toBeLessThanOrEqual(barBox.y);
			expect(
				await above.evaluate((el) => {
					const r = el.getBoundingClientRect();
					return (
						document.elementFromPoint(r.left + 4, r.top + r.height / 2) === el ||
						el.contains(document.elementFromPoint(r.left + 4, r.top + r.height / 2))
					);
				})
			).toBe(true);
		}
		await writer.page.screenshot({ path: test.info().outputPath(`toolbar-${viewport.width}.png`) });
		// While writing in a field, with its formatting bar, and with the naming form open.
		await field(writer.page, 'Q3 Kwantitatieve outputs').click();
		await expect(writer.page.getByRole('toolbar', { name: 'Opmaak' })).toBeVisible();
		await writer.page.getByRole('button', { name: 'Pilotorganisatie toevoegen' }).click();
		expect(await axeSerious(writer.page)).toEqual([]);
		expect(await sidewaysScroll(writer.page)).toBe(false);
		await Promise.all([writer.context.close(), watcher.context.close()]);
	});
}
