import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { FIELDS, field, openBusinessCases } from './business-case-helpers';
import { editor, openWorkspaceAs, textOf } from './workspace-helpers';

// Cor Coach is a writer in Voor je buurt; no other test edits its texts.
const DOETANK = 'voor_je_buurt';

/** The text of the block (paragraph) the caret is in, and the caret's offset in it. */
const caret = (page: Page) =>
	page.evaluate(() => {
		const selection = getSelection();
		return { text: selection?.anchorNode?.textContent ?? '', offset: selection?.anchorOffset ?? -1 };
	});

/** The standard editor keys, each pressed right after the field got the focus (the case that failed). */
async function checkKeys(page: Page, box: Locator, lines: [string, string, string]) {
	const read = () => textOf(page, box);
	const fill = async (suffix: string) => {
		await page.keyboard.press('Control+a');
		await page.keyboard.insertText(lines[0]);
		for (const line of lines.slice(1)) {
			await page.keyboard.press('Enter');
			await page.keyboard.insertText(line);
		}
		await page.keyboard.insertText(suffix);
		await expect.poll(read).toBe(lines.join('') + suffix);
	};
	await box.click();
	await fill('');

	// Ctrl+Home at once after clicking in: the caret goes to the very start.
	await page.keyboard.press('Tab');
	await box.click();
	await page.keyboard.press('Control+Home');
	await page.keyboard.type('>');
	await expect.poll(read).toBe(`>${lines.join('')}`);
	// Ctrl+End to the very end.
	await page.keyboard.press('Tab');
	await box.click({ position: { x: 5, y: 5 } });
	await page.keyboard.press('Control+End');
	await page.keyboard.type('<');
	await expect.poll(read).toBe(`>${lines.join('')}<`);
	// Home and End within a line.
	await page.keyboard.press('Home');
	expect(await caret(page)).toEqual({ text: `${lines[2]}<`, offset: 0 });
	await page.keyboard.press('End');
	expect((await caret(page)).offset).toBe(lines[2].length + 1);
	// Ctrl+Backspace deletes the last word, Ctrl+Left jumps over one.
	await page.keyboard.press('Backspace');
	await page.keyboard.press('Control+Backspace');
	const words = lines[2].split(' ');
	await expect.poll(read).toBe(`>${lines[0]}${lines[1]}${words.slice(0, -1).join(' ')} `);
	await page.keyboard.press('Control+ArrowLeft');
	expect((await caret(page)).offset).toBe(words.slice(0, -2).join(' ').length + (words.length > 2 ? 1 : 0));
	await page.keyboard.press('Control+End');
	await fill('<');
	// Shift+Ctrl+Home selects back to the start; typing replaces the selection.
	await page.keyboard.press('Control+End');
	await page.keyboard.press('Shift+Control+Home');
	expect(await page.evaluate(() => getSelection()?.toString().replace(/\n/g, ''))).toBe(`${lines.join('')}<`);
	await page.keyboard.press('Control+Home');
	await page.keyboard.press('Shift+End');
	await page.keyboard.type('Nieuwe eerste regel');
	await expect.poll(read).toBe(`Nieuwe eerste regel${lines[1]}${lines[2]}<`);
}

test('Ctrl+Home/End, Home/End, word moves and selection keys work in the probleemdefinitie and a canvas field', async ({
	browser
}) => {
	const { page, context } = await openWorkspaceAs(browser, 'coach', DOETANK);
	await checkKeys(page, editor(page), ['Eerste regel', 'Tweede regel', 'Derde regel']);
	await openBusinessCases(page);
	const label = FIELDS.find((f) => f.key === 'interventie')?.label ?? '';
	await checkKeys(page, field(page, label), ['Een app', 'voor buurtinitiatieven', 'en de gemeente']);

	await context.close();
});
