import { expect, test } from './fixtures';
import { login } from './helpers';

const DEMO_PASSWORD = 'doetank-demo';

for (const viewport of [
	{ width: 1280, height: 800 },
	{ width: 375, height: 740 }
]) {
	test(`a phase move asks first and names what follows; cancel keeps the phase (${viewport.width} px)`, async ({
		page
	}) => {
		await page.setViewportSize(viewport);
		await login(page, 'trekker@demo.doetank.nl', DEMO_PASSWORD, null);
		const created = await page.request.post('/api/v1/doetanks', {
			data: { name: `Stopt ${Date.now().toString(36)}`, onderwerp: 'Even proberen', beoogdDoel: 'Leren stoppen' }
		});
		const { id, name } = (await created.json()).doetank as { id: string; name: string };
		await page.goto(`/doetanks/${id}/fase`);
		const stop = page.getByRole('region', { name: 'Naar Gestopt' });
		await stop.getByLabel('Reden van stoppen').selectOption('onvoldoende_tijd');
		await stop.getByLabel('Toelichting').fill('Niemand had er tijd voor.');
		await stop.getByRole('button', { name: 'Naar Gestopt' }).click();

		const dialog = page.getByRole('dialog', { name: 'Naar Gestopt?' });
		await expect(dialog).toBeVisible();
		await expect(dialog).toContainText(`${name} gaat naar Gestopt. Dat is een eindfase`);
		await expect(dialog).toContainText('kan niet worden teruggedraaid');
		await dialog.getByRole('button', { name: 'Annuleren' }).click();
		await expect(dialog).toBeHidden();
		await page.reload();
		await expect(page.getByText('Huidige fase:')).toContainText('Fase 0');
		const api = await (await page.request.get(`/api/v1/doetanks/${id}/phase`)).json();
		expect(api.phase ?? api.overview?.phase).toBe('fase_0');

		await stop.getByLabel('Reden van stoppen').selectOption('onvoldoende_tijd');
		await stop.getByLabel('Toelichting').fill('Niemand had er tijd voor.');
		await stop.getByRole('button', { name: 'Naar Gestopt' }).click();
		await dialog.getByRole('button', { name: 'Naar Gestopt' }).click();
		await expect(page.getByText('De Doetank is nu in Gestopt.')).toBeVisible();
		await page.screenshot({ path: `test-results/confirm-phase-${viewport.width}.png` });
	});
}

test('revoking the calendar link asks first and says the calendars stop updating', async ({ page }) => {
	await login(page, 'lid@demo.doetank.nl', DEMO_PASSWORD, null);
	await page.goto('/inbox');
	await page.getByRole('button', { name: 'Agenda-link maken' }).click();
	await expect(page.getByLabel('Jouw agenda-link')).toHaveValue(/\/calendar\//);
	const url = await page.getByLabel('Jouw agenda-link').inputValue();

	await page.getByRole('button', { name: 'Link intrekken' }).click();
	const dialog = page.getByRole('dialog', { name: 'Agenda-link intrekken?' });
	await expect(dialog).toContainText('De link stopt meteen');
	await dialog.getByRole('button', { name: 'Annuleren' }).click();
	expect((await page.request.get(url)).status()).toBe(200);

	await page.getByRole('button', { name: 'Link intrekken' }).click();
	await dialog.getByRole('button', { name: 'Link intrekken' }).click();
	await expect(page.getByText('De agenda-link werkt niet meer.')).toBeVisible();
	expect((await page.request.get(url)).status()).toBe(404);
});
