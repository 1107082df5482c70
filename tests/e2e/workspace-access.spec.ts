import type { Browser } from '@playwright/test';
import { expect, test } from './fixtures';
import { addMember, PASSWORD, uniqueEmail } from './helpers';
import { connection, editor } from './workspace-helpers';

/** A fresh account in its own browser context, registered through the API (which sets the cookie). */
async function account(browser: Browser, name: string) {
	const context = await browser.newContext();
	const email = uniqueEmail(name.toLowerCase());
	const res = await context.request.post('/api/v1/users', { data: { email, name, password: PASSWORD } });
	expect(res.status()).toBe(201);
	const { user } = (await res.json()) as { user: { id: string } };
	return { context, email, id: user.id };
}

test('the workspace says so when access ends: membership removed, or the session ended elsewhere', async ({
	browser
}) => {
	const ann = await account(browser, 'Ann');
	const created = await ann.context.request.post('/api/v1/doetanks', {
		data: {
			name: 'Wachtlijsten',
			onderwerp: 'Gezinnen wachten maanden op een eerste gesprek.',
			beoogdDoel: 'Binnen twee weken een gesprek.'
		}
	});
	const doetankId = ((await created.json()) as { doetank: { id: string } }).doetank.id;
	const [bob, cas] = [await account(browser, 'Bob'), await account(browser, 'Cas')];
	for (const member of [bob, cas]) {
		await addMember(ann.context.request, doetankId, member.context.request, { email: member.email, roles: ['lid'] });
	}

	const bobPage = await bob.context.newPage();
	const casPage = await cas.context.newPage();
	for (const page of [bobPage, casPage]) {
		await page.goto(`/doetanks/${doetankId}/werkruimte`);
		await expect(connection(page)).toHaveText('Verbonden');
	}

	// Ann removes Bob: his open workspace tells him, and stops offering to edit.
	expect((await ann.context.request.delete(`/api/v1/doetanks/${doetankId}/members/${bob.id}`)).status()).toBe(204);
	await expect(connection(bobPage)).toHaveText(/^Je hebt geen toegang meer tot deze Doetank\./);
	await expect(bobPage.getByRole('link', { name: 'Terug naar de Doetanks' })).toBeVisible();
	await expect(editor(bobPage)).toHaveAttribute('contenteditable', 'false');
	await expect(bobPage.getByRole('toolbar')).toHaveCount(0);

	// Cas logs out elsewhere (here: through the API with the same cookie): the page offers to log in again.
	expect((await cas.context.request.delete('/api/v1/session')).status()).toBe(204);
	await expect(connection(casPage)).toHaveText(/^Je sessie is verlopen\./);
	const again = casPage.getByRole('link', { name: 'Opnieuw inloggen' });
	await expect(again).toHaveAttribute(
		'href',
		`/login?redirectTo=${encodeURIComponent(`/doetanks/${doetankId}/werkruimte`)}`
	);
	await expect(editor(casPage)).toHaveAttribute('contenteditable', 'false');

	await Promise.all([ann.context.close(), bob.context.close(), cas.context.close()]);
});
