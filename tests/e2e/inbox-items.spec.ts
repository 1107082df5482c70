import { expect, test } from './fixtures';
import { addMember, login } from './helpers';

const DEMO_PASSWORD = 'doetank-demo';

test('a coach finds a new vragenlijst meting of their Doetank in the inbox and follows it to the results', async ({
	browser,
	page
}) => {
	const admin = await browser.newContext();
	await admin.request.post('/api/v1/session', {
		data: { email: 'beheerder@demo.doetank.nl', password: DEMO_PASSWORD }
	});
	const name = `Meting ${Date.now().toString(36)}`;
	const wave = await admin.request.post('/api/v1/questionnaire/waves', {
		data: {
			name,
			closesOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
			doetankIds: ['kennisbehoud']
		}
	});
	expect(wave.status()).toBe(201);
	await admin.close();

	await login(page, 'coach@demo.doetank.nl', DEMO_PASSWORD, null);
	await page.goto('/inbox');
	const item = page.getByRole('listitem').filter({ hasText: `de Doetank-vragenlijst "${name}" is gestart` });
	await expect(item).toHaveCount(1);
	await expect(item.getByText('nieuw', { exact: true })).toBeVisible();
	await item.getByRole('link').click();
	await expect(page).toHaveURL(/\/doetanks\/kennisbehoud\/vragenlijst$/);
	await expect(page.getByText(name).first()).toBeVisible();
});

test('whoever invited someone finds in the inbox that the invitation was accepted', async ({ browser, page }) => {
	await login(page, 'trekker@demo.doetank.nl', DEMO_PASSWORD, null);
	const name = `Uitnodiging ${Date.now().toString(36)}`;
	const created = await page.request.post('/api/v1/doetanks', {
		data: { name, onderwerp: 'Uitnodigen', beoogdDoel: 'Iemand doet mee' }
	});
	const { id } = (await created.json()).doetank as { id: string };
	const lid = await browser.newContext();
	await lid.request.post('/api/v1/session', { data: { email: 'lid@demo.doetank.nl', password: DEMO_PASSWORD } });
	await addMember(page.request, id, lid.request, { email: 'lid@demo.doetank.nl', roles: ['lid'] });
	await lid.close();

	await page.goto('/inbox');
	const item = page
		.getByRole('listitem')
		.filter({ hasText: `Lars Lid heeft je uitnodiging aangenomen en doet nu mee in ${name}.` });
	await expect(item).toHaveCount(1);
	await expect(item.getByText('nieuw', { exact: true })).toBeVisible();
	await item.getByRole('link').click();
	await expect(page).toHaveURL(new RegExp(`/doetanks/${id}$`));
	await expect(page.getByText('Lars Lid').first()).toBeVisible();
});
