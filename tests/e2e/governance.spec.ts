import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import * as Y from 'yjs';
import { acceptInvitation, login } from './helpers';

/** Demo accounts (src/lib/server/demo/seed.ts); the network coach follows every Doetank. */
const DEMO_PASSWORD = 'doetank-demo';
const PHONE = { width: 375, height: 740 };

async function as(browser: Browser, who: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
	const context = await browser.newContext({ viewport });
	const page = await context.newPage();
	await login(page, `${who}@demo.doetank.nl`, DEMO_PASSWORD);
	return page;
}

/** The probleemdefinitie as the database holds it (a day far ahead gives the latest state). */
async function storedText(page: Page, doetankId: string): Promise<string> {
	const res = await page.request.get(`/api/v1/doetanks/${doetankId}/history/2999-12-31`);
	const doc = new Y.Doc();
	Y.applyUpdate(doc, new Uint8Array(await res.body()));
	return doc.getXmlFragment('probleemdefinitie').toString();
}

/** Writes at the end of the live probleemdefinitie (one input event, as a paste: typing is tested elsewhere) and waits until the server has stored it. */
async function typeLive(page: Page, doetankId: string, text: string): Promise<void> {
	const editor = page.getByRole('textbox', { name: 'Probleemdefinitie' });
	await editor.click();
	await page.keyboard.press('ControlOrMeta+End');
	await page.keyboard.insertText(text);
	await expect.poll(() => storedText(page, doetankId), { timeout: 10_000 }).toContain(text);
}

async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).analyze();
	const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
	expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test('a terugkoppelmoment from submission to approval, then the move to fase 1 that the coach sees', async ({
	browser
}) => {
	test.setTimeout(150_000);
	const name = `Poorten ${Date.now()}`;

	// The trekker starts a Doetank and adds a lid and the opdrachtgever.
	const trekker = await as(browser, 'trekker');
	await trekker.getByRole('button', { name: 'Nieuwe Doetank' }).click();
	await trekker.getByLabel('Naam').fill(name);
	await trekker.getByLabel('Onderwerp').fill('Gezinnen met schulden krijgen boete op boete.');
	await trekker.getByLabel('Beoogd doel').fill('Eén aanpak voor innen bij gezinnen die niet kunnen betalen.');
	await trekker.getByRole('button', { name: 'Doetank starten' }).click();
	await expect(trekker).toHaveURL(/\/doetanks\/[a-z0-9]+$/);
	const doetankUrl = trekker.url();
	const doetankId = doetankUrl.split('/').pop()!;
	const add = trekker.locator('form[action="?/addMember"]');
	for (const [email, role, person] of [
		['lid@demo.doetank.nl', 'Lid', 'Lars Lid'],
		['opdrachtgever@demo.doetank.nl', 'Opdrachtgever', 'Olga Opdrachtgever']
	] as const) {
		await add.getByLabel('E-mailadres').fill(email);
		for (const r of ['Lid', 'Opdrachtgever'])
			await add.getByRole('checkbox', { name: r, exact: true }).setChecked(r === role);
		await add.getByRole('button', { name: 'Uitnodigen' }).click();
		// The answer does not tell whether the address has an account, nor whose it is.
		await expect(trekker.getByText('Als er een account met dit e-mailadres is')).toBeVisible();
		await expect(trekker.getByText(person)).toHaveCount(0);
	}

	// Both accept the invitation from their inbox; only then are they members.
	const lid = await as(browser, 'lid');
	await lid.goto('/inbox');
	await lid.getByRole('link', { name: new RegExp(`nodigt je uit voor de Doetank ${name}`) }).click();
	await lid.getByRole('button', { name: 'Meedoen' }).click();
	await expect(lid).toHaveURL(new RegExp(`/doetanks/${doetankId}$`));
	const invitedOg = await as(browser, 'opdrachtgever');
	await acceptInvitation(invitedOg.request, doetankId);
	await invitedOg.context().close();

	// A member writes the probleemdefinitie live, plans the terugkoppelmoment and submits it.
	await lid.goto(`/doetanks/${doetankId}/werkruimte`);
	await typeLive(lid, doetankId, 'Gezinnen met schulden krijgen boetes op boetes.');
	const work = await lid.context().newPage();
	await work.goto(`/doetanks/${doetankId}/terugkoppelmomenten`);
	await work.getByLabel('Titel').fill('Probleemdefinitie');
	await work.getByLabel('Datum').fill('2027-03-01');
	await expect(work.getByRole('checkbox', { name: 'Probleemdefinitie' })).toBeChecked();
	await work.getByRole('button', { name: 'Plannen' }).click();
	await expect(work.getByRole('heading', { level: 1, name: 'Probleemdefinitie' })).toBeVisible();
	const checkpointUrl = work.url();
	await work.getByRole('button', { name: 'Nu indienen' }).click();
	await expect(work.getByText('Ronde 1 is ingediend en vastgelegd.')).toBeVisible();

	// The opdrachtgever (on a phone) finds it in the inbox and sees the frozen version,
	// while the member keeps editing live.
	const og = await as(browser, 'opdrachtgever', PHONE);
	// On a phone the unread count shows on the folded menu's button, and again on Inbox inside it.
	await og.getByRole('button', { name: /Menu.*\d+ ongelezen/ }).click();
	await expect(og.getByRole('link', { name: /Inbox.*\d+ ongelezen/ })).toBeVisible();
	await og.getByRole('link', { name: /Inbox/ }).click();
	await expectAccessible(og);
	await og.getByRole('link', { name: new RegExp(`${name}: "Probleemdefinitie" is ingediend`) }).click();
	await expect(og).toHaveURL(checkpointUrl);
	await typeLive(lid, doetankId, ' Vooral jonge gezinnen in de bijstand.');
	await og.reload();
	const frozen = og.locator('pre.frozen');
	await expect(frozen).toHaveText('Gezinnen met schulden krijgen boetes op boetes.');
	await expect(og.getByText('Ronde 1', { exact: true }).first()).toBeVisible();
	await expectAccessible(og);
	const live = await og.context().newPage();
	await live.goto(`/doetanks/${doetankId}/werkruimte`);
	await expect(live.getByRole('textbox', { name: 'Probleemdefinitie' })).toContainText(
		'Vooral jonge gezinnen in de bijstand.'
	);
	await live.close();

	// She asks for changes with a comment.
	await og.getByLabel('Opmerking').fill('Voor wie is het precies een probleem?');
	await og.getByRole('button', { name: 'Aanpassing vragen' }).click();
	await expect(og.getByText('Je vraag om aanpassing is verstuurd.')).toBeVisible();
	await expect(og.getByText('Aanpassing gevraagd', { exact: true }).first()).toBeVisible();

	// The member reads the comment in the inbox and resubmits.
	await work.goto('/inbox');
	await expect(
		work.getByRole('link', {
			name: /vraagt aanpassingen bij "Probleemdefinitie": Voor wie is het precies een probleem\?/
		})
	).toBeVisible();
	await work.goto(checkpointUrl);
	await work.getByRole('button', { name: 'Aangepaste versie indienen' }).click();
	await expect(work.getByText('Ronde 2 is ingediend en vastgelegd.')).toBeVisible();

	// The opdrachtgever sees what changed since round 1, and approves.
	await og.goto(checkpointUrl);
	await expect(og.getByRole('heading', { name: 'Ronde 2', exact: true })).toBeVisible();
	const diff = og.getByRole('group', { name: 'Verschil per regel' });
	await expect(og.getByText('Wat is er veranderd sinds ronde 1')).toBeVisible();
	await expect(diff.locator('ins')).toContainText('Vooral jonge gezinnen in de bijstand.');
	await expect(diff.locator('del')).toContainText('Gezinnen met schulden krijgen boetes op boetes.');
	await expectAccessible(og);
	await og.getByRole('button', { name: 'Goedkeuren' }).click();
	await expect(og.getByText('Goedgekeurd.', { exact: true })).toBeVisible();
	await expect(og.getByText(/^Goedgekeurd door Olga/)).toBeVisible();
	await expect(og.getByRole('button', { name: 'Goedkeuren' })).toHaveCount(0);

	// Both rounds are versions in the workspace's history, with their own outcome and frozen text.
	await work.goto(`/doetanks/${doetankId}/werkruimte`);
	await work.getByRole('button', { name: 'Geschiedenis' }).first().click();
	const versions = work
		.getByRole('dialog', { name: 'Geschiedenis: Probleemdefinitie' })
		.getByRole('list', { name: 'Terugkoppelmomenten' });
	await expect(
		versions.getByRole('button', { name: /^‘Probleemdefinitie’, ronde 2 Goedgekeurd, ingediend op/ })
	).toBeVisible();
	await versions.getByRole('button', { name: /^‘Probleemdefinitie’, ronde 1 Aanpassing gevraagd/ }).click();
	await expect(work.getByRole('heading', { name: 'Versie van ‘Probleemdefinitie’, ronde 1' })).toBeFocused();
	await expect(work.getByRole('dialog').getByText('Gezinnen met schulden krijgen boetes op boetes.')).toBeVisible();

	// The trekker sees what the gate to fase 1 still needs, and settles it through the agreement.
	await trekker.goto(`/doetanks/${doetankId}/fase`);
	const gate = trekker.getByRole('region', { name: 'Naar Fase 1 · ontwerpen & uitproberen' });
	await expect(gate.getByText('De poort is nog dicht: 2 voorwaarden ontbreken.')).toBeVisible();
	await expect(gate.getByText('Er is nog geen opdrachtgeversafspraak.', { exact: false })).toBeVisible();
	await expect(gate.getByRole('button', { name: /Naar Fase 1/ })).toHaveCount(0);
	await trekker.goto(`/doetanks/${doetankId}/afspraak`);
	await trekker.getByLabel('Randvoorwaarden', { exact: true }).fill('Acht uur per week voor de kernleden.');
	await trekker.getByLabel('Spelregels', { exact: true }).fill('Elke maand bijpraten met de opdrachtgever.');
	await trekker.getByLabel('Geplande terugkoppelmomenten').fill('1 maart: probleemdefinitie. 1 juni: business case.');
	await trekker.getByLabel('Besluitvormer', { exact: true }).fill('Directeur Werk en Inkomen');
	await trekker.getByRole('button', { name: 'Afspraak opslaan' }).click();
	await expect(trekker.getByText('Opgeslagen als versie 1.')).toBeVisible();

	// The opdrachtgever finds the saved version waiting in her inbox, follows it and confirms.
	await og.goto('/inbox');
	const waiting = og
		.getByRole('listitem')
		.filter({ hasText: `${name}: versie 1 van de opdrachtgeversafspraak wacht op jouw bevestiging.` });
	await expect(waiting.getByText('nieuw', { exact: true })).toBeVisible();
	// Both rounds she reviewed are done: not new any more, and only the agreement counts as unread.
	const reviewed = og.getByRole('listitem').filter({ hasText: `${name}: "Probleemdefinitie" is ingediend` });
	await expect(reviewed).toHaveCount(2);
	await expect(reviewed.getByText('nieuw', { exact: true })).toHaveCount(0);
	// Counted within this Doetank: other specs of the same worker may leave her other unread items.
	await expect(og.getByRole('listitem').filter({ hasText: name }).getByText('nieuw', { exact: true })).toHaveCount(1);
	await waiting.getByRole('link').click();
	await expect(og).toHaveURL(`${doetankUrl}/afspraak`);
	await og.getByRole('button', { name: 'Ik bevestig versie 1' }).click();
	await expect(og.getByText('Versie 1 is bevestigd.', { exact: true })).toBeVisible();
	await og.goto('/inbox');
	await expect(waiting).toBeVisible();
	await expect(waiting.getByText('nieuw', { exact: true })).toHaveCount(0);
	await og.goto(`/doetanks/${doetankId}/afspraak`);
	await expectAccessible(og);

	await trekker.goto(`/doetanks/${doetankId}/fase`);
	await expect(gate.getByText('De poort is open.')).toBeVisible();
	await expect(
		gate.getByText('De bevestigde afspraak noemt de besluitvormer: Directeur Werk en Inkomen.')
	).toBeVisible();
	await gate.getByRole('button', { name: 'Naar Fase 1 · ontwerpen & uitproberen' }).click();
	const confirm = trekker.getByRole('dialog', { name: 'Naar Fase 1 · ontwerpen & uitproberen?' });
	await expect(confirm).toContainText('kan niet worden teruggedraaid');
	await confirm.getByRole('button', { name: 'Naar Fase 1 · ontwerpen & uitproberen' }).click();
	await expect(trekker.getByText('De Doetank is nu in Fase 1 · ontwerpen & uitproberen.')).toBeVisible();
	await trekker.goto(doetankUrl);
	await expect(
		trekker
			.getByRole('region', { name: 'Werkwijze' })
			.getByText('van Fase 0 · ontdekking naar Fase 1 · ontwerpen & uitproberen')
	).toBeVisible();

	// The network coach's feed shows the transition.
	const coach = await as(browser, 'coach');
	await coach.goto('/inbox');
	const feed = coach.getByRole('region', { name: 'Faseovergangen in het netwerk' });
	await expect(feed.getByRole('listitem').first()).toContainText(
		`${name}: van Fase 0 · ontdekking naar Fase 1 · ontwerpen & uitproberen`
	);

	for (const page of [trekker, lid, og, coach]) await page.context().close();
});
