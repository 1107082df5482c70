import { expect, test } from './fixtures';
import { login } from './helpers';

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

	await login(page, 'coach@demo.doetank.nl', DEMO_PASSWORD);
	await page.goto('/inbox');
	const item = page.getByRole('listitem').filter({ hasText: `de Doetank-vragenlijst "${name}" is gestart` });
	await expect(item).toHaveCount(1);
	await expect(item.getByText('nieuw', { exact: true })).toBeVisible();
	await item.getByRole('link').click();
	await expect(page).toHaveURL(/\/doetanks\/kennisbehoud\/vragenlijst$/);
	await expect(page.getByText(name).first()).toBeVisible();
});
