import { expect, test } from './fixtures';
import { login, register, uniqueEmail } from './helpers';

const DEMO_PASSWORD = 'doetank-demo';

test('a coach opens the report from the menu, chooses a period, and prints it without the site around it', async ({
	page
}) => {
	await login(page, 'coach@demo.doetank.nl', DEMO_PASSWORD);
	await page.getByRole('navigation').getByRole('link', { name: 'Rapportage' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Rapportage Meten & Monitoren' })).toBeVisible();
	for (const name of ['Doe-resultaat', 'Leerresultaat', 'Veranderresultaat', 'Effectresultaat']) {
		await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
	}

	await page.getByLabel('Van').fill('2020-01-01');
	await page.getByLabel('Tot en met').fill('2099-12-31');
	await page.getByRole('button', { name: 'Toon' }).click();
	await expect(page).toHaveURL(/from=2020-01-01&to=2099-12-31/);
	const api = await (await page.request.get('/api/v1/report?from=2020-01-01&to=2099-12-31')).json();
	await expect(page.getByRole('row', { name: 'Doetanks gestart' }).getByRole('cell')).toHaveText(
		String(api.report.doe.started)
	);
	await expect(page.getByRole('row', { name: 'Doetanks in fase 2' }).getByRole('cell')).toHaveText(
		String(api.report.verander.inFase2)
	);
	await expect(page.getByRole('link', { name: 'Als CSV' })).toHaveAttribute(
		'href',
		'/api/v1/report.csv?from=2020-01-01&to=2099-12-31'
	);

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: /./ }).first()).toBeHidden();
	await expect(page.getByRole('button', { name: 'Toon' })).toBeHidden();
	await expect(page.getByText('Periode 1 januari 2020 tot en met 31 december 2099')).toBeVisible();
	await page.emulateMedia({ media: 'screen' });

	await page.getByLabel('Van').fill('2026-02-01');
	await page.getByLabel('Tot en met').fill('2026-01-01');
	await page.getByRole('button', { name: 'Toon' }).click();
	await expect(page.getByText('Kies een einddatum op of na de begindatum.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Doe-resultaat' })).toHaveCount(0);
});

test('the report’s phase counts for the default period equal what /overzicht shows (demo network)', async ({
	page
}) => {
	await login(page, 'coach@demo.doetank.nl', DEMO_PASSWORD, null);
	await page.goto('/overzicht');
	const phases = [
		'Fase 0 · ontdekking',
		'Fase 1 · ontwerpen & uitproberen',
		'Fase 2 · reflectie & diffusie',
		'Afgerond',
		'Gestopt'
	];
	// The phase column of every row, as the overview shows it.
	const shown = (await page.getByRole('cell').allInnerTexts()).map((text) => text.trim());
	const overview = phases.map((phase) => shown.filter((cell) => cell === phase).length);
	expect(overview.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(13);
	await page.goto('/rapportage');
	for (const [i, phase] of phases.entries()) {
		await expect(
			page.getByRole('row', { name: `In ${phase} aan het eind van de periode` }).getByRole('cell')
		).toHaveText(String(overview[i]));
	}
});

test('a network member has no report', async ({ page }) => {
	await register(page, 'Gewoon lid', uniqueEmail('lid'));
	await expect(page.getByRole('navigation').getByRole('link', { name: 'Rapportage' })).toHaveCount(0);
	const res = await page.goto('/rapportage');
	expect(res?.status()).toBe(403);
});
