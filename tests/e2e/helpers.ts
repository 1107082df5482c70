import { expect, type Page } from '@playwright/test';

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

export async function login(page: Page, email: string, password = PASSWORD): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(/\/doetanks/);
}
