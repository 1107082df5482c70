import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { fieldLabel } from '../../src/lib/components/workspace/canvas/canvas-labels';
import { BUSINESS_CASE_FIELDS } from '../../src/lib/domain/workspace/business-case-fields';
import { textOf } from './workspace-helpers';

/** Every field of the canvas with its Dutch label, as the page shows it. */
export const FIELDS = BUSINESS_CASE_FIELDS.map((field) => ({ key: field.key, label: fieldLabel(field, 'nl') }));

/** The rich text of a canvas field. */
export const field = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });

/** Waits until the field reads exactly `text`. */
export const expectField = (page: Page, label: string, text: string) =>
	expect.poll(() => textOf(page, field(page, label))).toBe(text);

/** Replaces a field's text by typing, as a member would. */
export async function write(page: Page, label: string, text: string): Promise<void> {
	await field(page, label).click();
	await page.keyboard.press('ControlOrMeta+a');
	// One input event for the whole text, as a paste or dictation gives it: 17 fields typed key by key take long.
	await page.keyboard.insertText(text);
	await expectField(page, label, text);
}

export async function openBusinessCases(page: Page): Promise<void> {
	await page.getByRole('tab', { name: 'Business cases' }).click();
	await expect(page.getByRole('tablist', { name: 'Business cases' })).toBeVisible();
}

/** axe findings of impact serious or critical, one line each. */
export async function axeSerious(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter(({ impact }) => impact === 'critical' || impact === 'serious')
		.map(({ id, nodes }) => `${id} at ${nodes.map((node) => node.target.join(' ')).join(' | ')}`);
}

export const sidewaysScroll = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

export const VIEWPORTS = [
	{ width: 375, height: 812 },
	{ width: 1280, height: 800 }
];
