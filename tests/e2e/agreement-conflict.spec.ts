import { expect, test } from './fixtures';
import { login } from './helpers';

const DEMO_PASSWORD = 'doetank-demo';

test('when someone else saved the agreement meanwhile, both versions are shown and the typed text is kept', async ({
	browser
}) => {
	const url = '/doetanks/kennisbehoud/afspraak';
	const contexts = [await browser.newContext(), await browser.newContext()];
	const trekker = await contexts[0]!.newPage();
	const lid = await contexts[1]!.newPage();
	await login(trekker, 'trekker@demo.doetank.nl', DEMO_PASSWORD, null);
	await login(lid, 'lid@demo.doetank.nl', DEMO_PASSWORD, null);
	await trekker.goto(url);
	await lid.goto(url);
	const before = (await (await lid.request.get('/api/v1/doetanks/kennisbehoud/agreement')).json()).agreement
		.version as number;

	await trekker.getByLabel('Randvoorwaarden', { exact: true }).fill('Tekst van de trekker.');
	await trekker.getByRole('button', { name: 'Afspraak opslaan' }).click();
	await expect(trekker.getByText(`Opgeslagen als versie ${before + 1}.`)).toBeVisible();

	// The lid still has the page from before that save.
	const field = lid.getByLabel('Randvoorwaarden', { exact: true });
	await field.fill('Tekst van het lid.');
	await lid.getByRole('button', { name: 'Afspraak opslaan' }).click();
	const conflict = lid.getByRole('region', { name: 'Twee versies: kies wat blijft' });
	await expect(conflict).toBeVisible();
	await expect(lid.getByText('Laad de pagina opnieuw')).toHaveCount(0);
	const yours = conflict.getByRole('region', { name: 'Jouw tekst (nog niet opgeslagen)' });
	await expect(yours.getByText('Tekst van het lid.')).toBeVisible();
	const theirs = conflict.getByRole('region', {
		name: new RegExp(`^Versie ${before + 1}, opgeslagen door Tineke Trekker`)
	});
	await expect(theirs.getByText('Tekst van de trekker.')).toBeVisible();
	await expect(field).toHaveValue('Tekst van het lid.');

	// Saving again replaces the newer version on purpose.
	await lid.getByRole('button', { name: 'Afspraak opslaan' }).click();
	await expect(lid.getByText(`Opgeslagen als versie ${before + 2}.`)).toBeVisible();
	await expect(conflict).toHaveCount(0);
	const stored = (await (await lid.request.get('/api/v1/doetanks/kennisbehoud/agreement')).json()).agreement;
	expect(stored).toMatchObject({ version: before + 2, randvoorwaarden: 'Tekst van het lid.' });
	await Promise.all(contexts.map((c) => c.close()));
});
