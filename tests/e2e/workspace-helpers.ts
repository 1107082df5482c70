import { expect, type Browser, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';
import { login } from './helpers';

/** Demo accounts (src/lib/server/demo/seed.ts); the first Doetanks of the demo network have them all. */
export const DEMO_PASSWORD = 'doetank-demo';

export async function openWorkspaceAs(
	browser: Browser,
	who: string,
	doetankId: string,
	options: BrowserContextOptions = {}
) {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await login(page, `${who}@demo.doetank.nl`, DEMO_PASSWORD, `/doetanks/${doetankId}/werkruimte`);
	// Longer than expect's 5 s: on two busy cores the first connection can take that long.
	await expect(connection(page)).toHaveText('Verbonden', { timeout: 20_000 });
	return { context, page };
}

/** The probleemdefinitie's text field. */
export const editor = (page: Page) => page.getByRole('textbox', { name: 'Probleemdefinitie' });

/** The headline of the always-visible connection status. */
export const connection = (page: Page) => page.getByRole('status');

/** A remote caret in this page, labelled with the other person's name. */
export const caretOf = (page: Page, name: string) => page.locator('.collaboration-carets__label', { hasText: name });

/** A rich text (the probleemdefinitie unless told) as its readers see it: without the name labels of remote carets. */
export function textOf(page: Page, box: Locator = editor(page)): Promise<string> {
	return box.evaluate((element) => {
		const copy = element.cloneNode(true) as HTMLElement;
		for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
		return copy.textContent ?? '';
	});
}

/** Waits until the probleemdefinitie reads exactly `expected` on every page. */
export async function expectText(pages: Page[], expected: string): Promise<void> {
	for (const page of pages) await expect.poll(() => textOf(page)).toBe(expected);
}
