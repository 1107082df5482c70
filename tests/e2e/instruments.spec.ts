import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { FIXTURE_RESPONSES } from '../../src/lib/domain/instruments/vragenlijst.fixture';
import { acceptInvitation, addMember, login, PASSWORD, uniqueEmail } from './helpers';

const DEMO_PASSWORD = 'doetank-demo';

/** A new account in its own browser context, registered over the API (the cookie lands in the context). */
async function account(
	browser: Browser,
	name: string
): Promise<{ context: BrowserContext; page: Page; email: string }> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, '-'));
	const res = await page.request.post('/api/v1/users', { data: { email, name, password: PASSWORD } });
	expect(res.status()).toBe(201);
	return { context, page, email };
}

/** What a phone camera would read from the element: its screenshot, decoded as a QR code. */
async function scanQr(element: Locator): Promise<string | null> {
	const png = PNG.sync.read(await element.screenshot());
	return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

async function seriousViolations(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help}`);
}

/** Fills the questionnaire as in the fixture: codes on the radios, 'nvt' for a null in section 7, numbers typed. */
async function answer(page: Page, answers: Record<string, number | null | undefined>) {
	for (const [id, value] of Object.entries(answers)) {
		const field = page.locator(`[name="${id}"]`);
		if ((await field.first().getAttribute('type')) === 'number') {
			if (value !== null && value !== undefined) await field.fill(String(value));
			continue;
		}
		if (value === null || value === undefined) {
			if (id.startsWith('overige_vragen.')) await page.locator(`[name="${id}"][value="nvt"]`).check();
			continue;
		}
		await page.locator(`[name="${id}"][value="${value}"]`).check();
	}
}

test('three members answer the vragenlijst; the results stay hidden at two and show the hand-computed means at three', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const owner = await account(browser, 'Tess Trekker');
	const created = await owner.page.request.post('/api/v1/doetanks', {
		data: { name: 'Meten en monitoren', onderwerp: 'Leren meten', beoogdDoel: 'Een voor- en nameting' }
	});
	const doetankId = (await created.json()).doetank.id as string;
	const leden = [];
	for (const name of ['Lid Een', 'Lid Twee', 'Lid Drie']) {
		const lid = await account(browser, name);
		await addMember(owner.page.request, doetankId, lid.page.request, { email: lid.email, roles: ['lid'] });
		leden.push(lid);
	}

	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await login(admin, 'beheerder@demo.doetank.nl', DEMO_PASSWORD);
	await admin.getByRole('link', { name: 'Vragenlijst' }).click();
	await admin.getByLabel('Naam van de meting').fill('Voormeting');
	await admin
		.getByLabel('Laatste dag om in te vullen')
		.fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
	await admin.getByRole('checkbox', { name: 'Meten en monitoren' }).check();
	await admin.getByRole('button', { name: 'Meting openen' }).click();
	await expect(admin.getByText('Meting Voormeting is geopend.')).toBeVisible();

	for (const [i, lid] of leden.entries()) {
		await lid.page.goto('/doetanks');
		await lid.page.getByRole('link', { name: 'Vragenlijst Voormeting voor Meten en monitoren invullen' }).click();
		await expect(lid.page.getByRole('heading', { level: 1 })).toContainText('Vragenlijst Doetankleden');
		if (i === 0) expect(await seriousViolations(lid.page)).toEqual([]);
		await answer(lid.page, FIXTURE_RESPONSES[i]!);
		await lid.page.getByRole('button', { name: 'Antwoorden versturen' }).click();
		await expect(lid.page.getByText('Hartelijk dank voor het invullen van de vragen!')).toBeVisible();
		await expect(lid.page.getByText('Ingevuld')).toBeVisible();

		await admin.goto('/vragenlijst');
		await admin.getByRole('link', { name: 'Voormeting' }).click();
		const section = admin.getByRole('region', { name: 'Meten en monitoren' });
		await expect(section.getByText(`Reacties: ${i + 1}`)).toBeVisible();
		if (i < 2) {
			await expect(
				section.getByText(
					`Nog verborgen: ${i + 1} ${i === 0 ? 'reactie' : 'reacties'}, minimaal 3 nodig om resultaten te tonen.`
				)
			).toBeVisible();
			await expect(section.getByRole('table')).toHaveCount(0);
			await expect(section.getByRole('img')).toHaveCount(0);
		}
	}

	// The means computed by hand in vragenlijst.fixture.ts, with two decimals.
	const section = admin.getByRole('region', { name: 'Meten en monitoren' });
	const table = section.getByRole('table', { name: 'Schaalgemiddelden: Meten en monitoren' });
	const expected: [string, string][] = [
		['Innovatief werkgedrag', '4,00'],
		['Ervaren psychologische veiligheid', '3,86'],
		['Leergedrag', '3,63'],
		['(Individuele) werkprestaties', '5,50'],
		['Individuele taakprestaties', '3,83'],
		['Professionalisering', '–'],
		['Team innovativiteit', '3,92']
	];
	for (const [scale, mean] of expected) {
		await expect(table.getByRole('row', { name: scale }).getByRole('cell').first()).toHaveText(mean);
	}
	// One Chart.js canvas per answer range (a 1–7 mean is not drawn on a 1–5 axis); each is announced
	// as one image naming its range, and has actually been drawn on.
	const charts = section.getByRole('img');
	await expect(charts).toHaveCount(2);
	for (const [min, max] of [
		[1, 5],
		[1, 7]
	]) {
		const chart = section.getByRole('img', {
			name: `Staafdiagram van de schalen van ${min} tot ${max}: de schaalgemiddelden van Meten en monitoren naast de referentie 2012. De tabel hieronder geeft dezelfde cijfers.`
		});
		await expect(chart).toBeVisible();
		await expect
			.poll(() =>
				chart.evaluate((canvas: HTMLCanvasElement) => {
					const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
					return data.some((channel, i) => i % 4 === 3 && channel > 0);
				})
			)
			.toBe(true);
	}
	expect(await seriousViolations(admin)).toEqual([]);

	// A member sees the Doetank's group figures, never a single answer.
	await leden[0]!.page.goto(`/doetanks/${doetankId}/vragenlijst`);
	await expect(leden[0]!.page.getByRole('row', { name: 'Leergedrag' }).getByRole('cell').first()).toHaveText('3,63');
	await Promise.all([owner.context.close(), adminContext.close(), ...leden.map((l) => l.context.close())]);
});

test('an attendee joins a café by code on a phone and lands in the workspace; the facilitator sees them active within seconds', async ({
	browser
}) => {
	test.setTimeout(60_000);
	const member = await account(browser, 'Cas Cafégast');
	const doetankName = `Café-Doetank ${Date.now().toString(36)}`;
	const created = await member.page.request.post('/api/v1/doetanks', {
		data: { name: doetankName, onderwerp: 'Samen werken in het café', beoogdDoel: 'Een gevulde actielijst' }
	});
	const doetankId = (await created.json()).doetank.id as string;

	const facilitatorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const facilitator = await facilitatorContext.newPage();
	await login(facilitator, 'coach@demo.doetank.nl', DEMO_PASSWORD);
	await facilitator.getByRole('link', { name: 'Café', exact: true }).click();
	await facilitator.getByLabel('Titel').fill('Café Doetanks aan zet');
	await facilitator.getByLabel('Datum').fill(new Date().toISOString().slice(0, 10));
	await facilitator.getByRole('checkbox', { name: doetankName }).check();
	await facilitator.getByRole('button', { name: 'Café aanmaken' }).click();
	await expect(facilitator.getByRole('heading', { level: 1, name: 'Café Doetanks aan zet' })).toBeVisible();
	await facilitator.getByRole('button', { name: 'Café starten' }).click();
	await expect(facilitator.getByText('Het café loopt')).toBeVisible();
	const code = (await facilitator.locator('.code-value').textContent())!.trim();
	expect(code).toMatch(/^[A-Z2-9]{6}$/);
	// The QR code on the projector leads a phone to the café's join page.
	const joinUrl = new URL(`/cafe/${code}`, facilitator.url()).href;
	expect(await scanQr(facilitator.getByRole('img', { name: `QR-code om mee te doen: ${joinUrl}` }))).toBe(joinUrl);
	const card = facilitator.getByRole('region', { name: doetankName });
	await expect(card.getByText('Nu actief: 0')).toBeVisible();

	// The attendee, on a phone.
	const phoneContext = await browser.newContext({
		viewport: { width: 375, height: 740 },
		isMobile: true,
		hasTouch: true
	});
	const phone = await phoneContext.newPage();
	await login(phone, member.email, PASSWORD);
	await phone.getByRole('button', { name: 'Menu' }).click();
	await phone.getByRole('link', { name: 'Café', exact: true }).click();
	expect(await seriousViolations(phone)).toEqual([]);
	await phone.getByLabel('Code').fill(code.toLowerCase());
	await phone.getByRole('button', { name: 'Meedoen' }).click();
	await expect(phone).toHaveURL(new RegExp(`/doetanks/${doetankId}/werkruimte`));
	await expect(phone.getByRole('status').first()).toContainText('Verbonden');
	const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);

	// Within a few seconds the facilitator's live view shows the attendee as active.
	await expect(card.getByText('Nu actief: 1')).toBeVisible({ timeout: 5_000 });
	await expect(card.getByText('Cas Cafégast')).toBeVisible();
	await expect(card.getByText('Aangemeld: 1')).toBeVisible();
	expect(await seriousViolations(facilitator)).toEqual([]);

	// After the end the attendee evaluates the café; one evaluation stays hidden from the facilitator.
	await facilitator.getByRole('button', { name: 'Café afsluiten en evaluatie openen' }).click();
	await expect(facilitator.getByText('Het café is afgelopen')).toBeVisible();
	await phone.goto('/cafe');
	await phone.getByRole('link', { name: 'Evaluatie invullen' }).click();
	await phone.getByLabel('9. Alles bij elkaar genomen').fill('8');
	await phone.getByRole('group', { name: 'Netwerken' }).getByLabel('precies genoeg aandacht').check();
	await phone.getByRole('combobox', { name: 'Prioriteit van Inspiratie opdoen' }).selectOption('1');
	await phone.getByRole('button', { name: 'Evaluatie versturen' }).click();
	await expect(phone.getByText('Hartelijk dank voor uw bijdrage!')).toBeVisible();
	await facilitator.getByRole('link', { name: 'Resultaten van de evaluatie' }).click();
	await expect(
		facilitator.getByRole('status').filter({ hasText: 'Nog geen resultaten: 1 evaluatie ontvangen.' })
	).toBeVisible();
	await expect(facilitator.locator('.grade')).toHaveCount(0);
	await Promise.all([member.context.close(), facilitatorContext.close(), phoneContext.close()]);
});

test('the coach dashboard flags a demo Doetank without opdrachtgever and clears the flag live once one joins', async ({
	browser
}) => {
	const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
	const page = await context.newPage();
	await login(page, 'coach@demo.doetank.nl', DEMO_PASSWORD, null);
	await page.goto('/coach');
	await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
	const card = page.getByRole('article', { name: 'Slim en verantwoord innen' });
	await expect(card.getByText('Er is geen opdrachtgever in de Doetank.')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);

	await page.getByLabel('Signaal').selectOption('noOpdrachtgever');
	await page.getByRole('button', { name: 'Toepassen' }).click();
	await expect(page).toHaveURL(/signaal=noOpdrachtgever/);
	await expect(card).toBeVisible();
	await expect(page.getByRole('article', { name: 'Kennisbehoud' })).toHaveCount(0);

	// The missing step: the coach adds the opdrachtgever; the open dashboard updates by itself.
	const og = await browser.newContext();
	const ogPage = await og.newPage();
	await login(ogPage, 'opdrachtgever@demo.doetank.nl', DEMO_PASSWORD);
	const invited = await page.request.post('/api/v1/doetanks/slim_en_verantwoord_innen/members', {
		data: { email: 'opdrachtgever@demo.doetank.nl', roles: ['opdrachtgever'] }
	});
	expect(invited.status()).toBe(202);
	await acceptInvitation(og.request, 'slim_en_verantwoord_innen');
	await og.close();
	await expect(card).toHaveCount(0, { timeout: 10_000 });
	await page.goto('/coach');
	await expect(
		page
			.getByRole('article', { name: 'Slim en verantwoord innen' })
			.getByText('Er is geen opdrachtgever in de Doetank.')
	).toHaveCount(0);
	await expect(
		page.getByRole('article', { name: 'Slim en verantwoord innen' }).getByText('Geen bevestigde afspraak')
	).toBeVisible();
	await context.close();
});
