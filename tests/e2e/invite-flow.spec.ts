import { expect, test } from './fixtures';
import { register, uniqueEmail } from './helpers';

test('register, create a Doetank, invite by link; an outsider is refused on the page and the API', async ({
	browser
}) => {
	const ann = await browser.newContext();
	const annPage = await ann.newPage();
	await register(annPage, 'Ann Trekker', uniqueEmail('ann'));
	await expect(annPage).toHaveURL(/\/doetanks$/);

	await annPage.getByRole('button', { name: 'Nieuwe Doetank' }).click();
	await annPage.getByLabel('Naam').fill('Wachtlijsten jeugdzorg');
	await annPage.getByLabel('Onderwerp').fill('Gezinnen wachten maanden op een eerste gesprek.');
	await annPage.getByLabel('Beoogd doel').fill('Binnen twee weken een eerste gesprek voor elk gezin.');
	await annPage.getByRole('button', { name: 'Doetank starten' }).click();
	await expect(annPage).toHaveURL(/\/doetanks\/[a-z0-9]+$/);
	await expect(annPage.getByRole('heading', { level: 1, name: 'Wachtlijsten jeugdzorg' })).toBeVisible();
	const doetankUrl = annPage.url();

	const inviteForm = annPage.locator('form[action="?/invite"]');
	await inviteForm.getByRole('checkbox', { name: 'Lid' }).check();
	await inviteForm.getByLabel('Kern of schil').selectOption('schil');
	await inviteForm.getByRole('button', { name: 'Link maken' }).click();
	const link = await annPage.getByLabel('Link voor: Lid').inputValue();
	expect(link).toMatch(/\/invite\/[a-z0-9]+$/);
	// A second link, for another role, is listed above the first one; both stay on screen with their role.
	await inviteForm.getByRole('checkbox', { name: 'Lid' }).uncheck();
	await inviteForm.getByRole('checkbox', { name: 'Opdrachtgever' }).check();
	await inviteForm.getByRole('button', { name: 'Link maken' }).click();
	await expect(annPage.getByLabel('Link voor: Opdrachtgever')).toHaveValue(/\/invite\/[a-z0-9]+$/);
	await expect(annPage.getByLabel('Link voor: Lid')).toHaveValue(link);

	const bob = await browser.newContext();
	const bobPage = await bob.newPage();
	await bobPage.goto(link);
	await expect(bobPage.getByText('Wachtlijsten jeugdzorg')).toBeVisible();
	await bobPage.getByRole('link', { name: 'Registreren' }).click();
	await expect(bobPage.getByText('Je bent uitgenodigd voor Doetank Wachtlijsten jeugdzorg.')).toBeVisible();
	await bobPage.getByLabel('Naam').fill('Bob Lid');
	await bobPage.getByLabel('E-mailadres').fill(uniqueEmail('bob'));
	await bobPage.getByLabel('Wachtwoord').fill('een-lang-wachtwoord');
	await bobPage.getByRole('button', { name: 'Account aanmaken' }).click();
	await expect(bobPage).toHaveURL(doetankUrl);
	await expect(bobPage.getByText('Bob Lid')).toBeVisible();
	await bobPage.goto('/doetanks');
	await expect(bobPage.getByRole('link', { name: 'Wachtlijsten jeugdzorg' })).toBeVisible();

	// The link is spent: a second visitor is told so.
	const eve = await browser.newContext();
	const evePage = await eve.newPage();
	const spent = await evePage.goto(link);
	expect(spent?.status()).toBe(404);

	await register(evePage, 'Eve Buiten', uniqueEmail('eve'));
	const refused = await evePage.goto(doetankUrl);
	expect(refused?.status()).toBe(403);
	await expect(evePage.getByText('Je hebt geen toegang tot deze Doetank of actie.')).toBeVisible();
	const id = doetankUrl.split('/').pop();
	const api = await evePage.request.get(`/api/v1/doetanks/${id}`);
	expect(api.status()).toBe(403);
	expect((await api.json()).error.code).toBe('forbidden');

	await Promise.all([ann.close(), bob.close(), eve.close()]);
});

test('form errors are shown inline, in Dutch and in English', async ({ page }) => {
	await page.goto('/register');
	await expect(page.getByRole('heading', { name: 'Account aanmaken' })).toBeVisible();
	await page.getByLabel('Naam').fill('Kort');
	await page.getByLabel('E-mailadres').fill(uniqueEmail('kort'));
	await page.getByLabel('Wachtwoord').fill('kort');
	await page.getByRole('button', { name: 'Account aanmaken' }).click();
	await expect(page.getByText('Gebruik minstens 10 tekens.')).toBeVisible();
	await expect(page.getByLabel('Wachtwoord')).toHaveAttribute('aria-invalid', 'true');

	await page.getByRole('button', { name: 'EN', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Create account' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('login shows the demo accounts and one generic error for bad credentials', async ({ page }) => {
	await page.goto('/login');
	await expect(page.getByRole('heading', { name: 'Demo-accounts' })).toBeVisible();
	await expect(page.getByText('Demonetwerk: voorbeeldgegevens')).toBeVisible();
	await page.getByLabel('E-mailadres').fill('niemand@e2e.test');
	await page.getByLabel('Wachtwoord').fill('verkeerd-wachtwoord');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByRole('alert')).toHaveText('E-mailadres of wachtwoord klopt niet.');

	await page.getByRole('button', { name: 'Vul in: trekker@demo.doetank.nl' }).click();
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(/\/doetanks$/);
	await expect(page.getByRole('link', { name: 'Kennisbehoud', exact: true })).toBeVisible();
});

test('a new account registered from a login page with a destination lands there, never on another site', async ({
	page
}) => {
	await page.goto(`/login?redirectTo=${encodeURIComponent('/account')}`);
	await page.getByRole('link', { name: 'Registreren' }).last().click();
	await expect(page).toHaveURL(/\/register\?redirectTo=%2Faccount/);
	await page.getByLabel('Naam').fill('Nieuwe Deelnemer');
	await page.getByLabel('E-mailadres').fill(uniqueEmail('cafe'));
	await page.getByLabel('Wachtwoord').fill('een-lang-wachtwoord');
	await page.getByRole('button', { name: 'Account aanmaken' }).click();
	await expect(page).toHaveURL(/\/account$/);

	await page.context().clearCookies();
	await page.goto(`/register?redirectTo=${encodeURIComponent('//elders.example/x')}`);
	await page.getByLabel('Naam').fill('Voorzichtig');
	await page.getByLabel('E-mailadres').fill(uniqueEmail('veilig'));
	await page.getByLabel('Wachtwoord').fill('een-lang-wachtwoord');
	await page.getByRole('button', { name: 'Account aanmaken' }).click();
	await expect(page).toHaveURL(/\/doetanks$/);
});
