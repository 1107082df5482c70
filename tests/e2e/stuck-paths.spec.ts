import { expect, test } from './fixtures';
import { login } from './helpers';

const DEMO_PASSWORD = 'doetank-demo';

test('the gate list links to where each missing thing is done, and a past terugkoppelmoment is flagged', async ({
	page
}) => {
	await login(page, 'trekker@demo.doetank.nl', DEMO_PASSWORD, null);
	const created = await page.request.post('/api/v1/doetanks', {
		data: { name: `Poort ${Date.now().toString(36)}`, onderwerp: 'Poort', beoogdDoel: 'Door de poort' }
	});
	const { id } = (await created.json()).doetank as { id: string };
	await page.goto(`/doetanks/${id}/fase`);
	const gate = page.getByRole('region', { name: 'Naar Fase 1 · ontwerpen & uitproberen' });
	await expect(gate.getByRole('link', { name: 'Nodig een opdrachtgever uit' })).toHaveAttribute(
		'href',
		`/doetanks/${id}#invite-title`
	);
	await expect(gate.getByRole('link', { name: 'Naar de opdrachtgeversafspraak' }).first()).toHaveAttribute(
		'href',
		`/doetanks/${id}/afspraak`
	);
	await expect(gate.getByRole('link', { name: 'Naar de terugkoppelmomenten' }).first()).toHaveAttribute(
		'href',
		`/doetanks/${id}/terugkoppelmomenten`
	);
	await gate.getByRole('link', { name: 'Nodig een opdrachtgever uit' }).click();
	await expect(page.getByRole('heading', { name: 'Uitnodigen met een link' })).toBeInViewport();

	await page.goto(`/doetanks/${id}/terugkoppelmomenten`);
	const day = page.getByLabel('Datum', { exact: false }).first();
	await day.fill('2020-01-15');
	await expect(page.getByText('Let op: deze datum ligt in het verleden.')).toBeVisible();
	await day.fill('2099-01-15');
	await expect(page.getByText('Let op: deze datum ligt in het verleden.')).toHaveCount(0);
});

test('a member of one Doetank in the café goes from the café link straight to its workspace', async ({
	browser,
	page
}) => {
	const coach = await browser.newContext();
	await coach.request.post('/api/v1/session', { data: { email: 'coach@demo.doetank.nl', password: DEMO_PASSWORD } });
	const res = await coach.request.post('/api/v1/cafes', {
		data: { title: `Café ${Date.now().toString(36)}`, day: '2026-12-10', doetankIds: ['kennisbehoud'] }
	});
	const { code } = (await res.json()).cafe as { code: string };
	await coach.close();
	await login(page, 'lid@demo.doetank.nl', DEMO_PASSWORD, null);
	await page.goto(`/cafe/${code}`);
	await expect(page).toHaveURL(/\/doetanks\/kennisbehoud\/werkruimte$/);
});

test('after "Aanpassing gevraagd" the checkpoint page links to the werkruimte', async ({ browser, page }) => {
	await login(page, 'trekker@demo.doetank.nl', DEMO_PASSWORD, null);
	const base = '/api/v1/doetanks/kennisbehoud/checkpoints';
	const created = await page.request.post(base, {
		data: { title: `Aanpassen ${Date.now().toString(36)}`, plannedDay: '2099-02-01', subjects: ['probleemdefinitie'] }
	});
	expect(created.status()).toBe(201);
	const { id } = (await created.json()).checkpoint as { id: string };
	expect((await page.request.post(`${base}/${id}/submissions`)).status()).toBe(201);
	const url = `/doetanks/kennisbehoud/terugkoppelmomenten/${id}`;
	// Before a request for changes there is nothing to adjust yet.
	await page.goto(url);
	await expect(page.getByRole('link', { name: 'Pas het aan in de werkruimte' })).toHaveCount(0);

	const og = await browser.newContext();
	await og.request.post('/api/v1/session', {
		data: { email: 'opdrachtgever@demo.doetank.nl', password: DEMO_PASSWORD }
	});
	const review = await og.request.post(`${base}/${id}/reviews`, {
		data: { decision: 'request_changes', comment: 'Noem de doelgroep.' }
	});
	expect(review.status()).toBe(201);
	await og.close();

	await page.goto(url);
	const link = page.getByRole('link', { name: 'Pas het aan in de werkruimte' });
	await expect(link).toHaveAttribute('href', '/doetanks/kennisbehoud/werkruimte');
	await link.click();
	await expect(page).toHaveURL(/\/doetanks\/kennisbehoud\/werkruimte$/);
});
