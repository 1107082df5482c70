import { expect, type APIRequestContext, type Page } from '@playwright/test';

let counter = 0;
export function uniqueEmail(prefix: string): string {
	counter += 1;
	return `${prefix}-${Date.now()}-${counter}@e2e.test`;
}

export const PASSWORD = 'een-lang-wachtwoord';

export async function register(page: Page, name: string, email: string): Promise<void> {
	await page.goto('/register');
	await page.getByLabel('Naam').fill(name);
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Account aanmaken' }).click();
	await expect(page).not.toHaveURL(/\/register/);
}

/**
 * Logs the page's browser context in through the API, then opens `landing` (the Doetank list, where
 * the login form leads) unless told `null` for a test that goes elsewhere next. The login form itself
 * has tests of its own (invite-flow, security and a11y specs); as a mere first step it cost two page
 * loads per person.
 */
export async function login(
	page: Page,
	email: string,
	password = PASSWORD,
	landing: string | null = '/doetanks'
): Promise<void> {
	const session = await page.request.post('/api/v1/session', { data: { email, password } });
	expect(session.status(), await session.text()).toBe(200);
	if (landing !== null) await page.goto(landing);
}

/**
 * Accepts, through the API, the invitation to `doetankId` waiting in the inbox of the account that
 * `request` is logged in as (adding by e-mail asks for consent since issue 14).
 */
export async function acceptInvitation(request: APIRequestContext, doetankId: string): Promise<void> {
	const inbox = await request.get('/api/v1/me/inbox');
	expect(inbox.status()).toBe(200);
	const { items } = (await inbox.json()) as { items: { kind: string; doetankId: string | null; link: string }[] };
	const item = items.find((i) => i.kind === 'member_invited' && i.doetankId === doetankId);
	expect(item, `an invitation to ${doetankId}`).toBeDefined();
	const accepted = await request.post(`/api/v1/invitations/${item!.link.slice('/invite/'.length)}`);
	expect(accepted.status()).toBe(201);
}

/** `owner` invites the account by e-mail (202); `member` accepts from its inbox. */
export async function addMember(
	owner: APIRequestContext,
	doetankId: string,
	member: APIRequestContext,
	data: { email: string; roles: string[] }
): Promise<void> {
	const invited = await owner.post(`/api/v1/doetanks/${doetankId}/members`, { data });
	expect(invited.status()).toBe(202);
	await acceptInvitation(member, doetankId);
}
