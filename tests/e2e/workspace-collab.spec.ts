import { expect, test } from './fixtures';
import { caretOf, editor, expectText, openWorkspaceAs } from './workspace-helpers';

// Kennisbehoud is the first demo Doetank: Tineke is trekker, Lars lid, Mila meekijker there.
const DOETANK = 'kennisbehoud';

test('two members type in one paragraph at once, see each other, and undo only their own typing; a meekijker only watches', async ({
	browser
}) => {
	const tineke = await openWorkspaceAs(browser, 'trekker', DOETANK);
	const lars = await openWorkspaceAs(browser, 'lid', DOETANK);
	const mila = await openWorkspaceAs(browser, 'meekijker', DOETANK);
	const everyone = [tineke.page, lars.page, mila.page];

	// Lars writes one known paragraph to start from, whatever earlier runs left in the document.
	const base = `Gedeelde alinea ${Date.now()}.`;
	await editor(lars.page).click();
	await lars.page.keyboard.press('ControlOrMeta+a');
	// One input event, as a paste gives it: the typing under test comes next (key by key it took 9 s on two busy cores).
	await lars.page.keyboard.insertText(base);
	await expectText([tineke.page, mila.page], base);

	// Tineke at the start of the paragraph, Lars at its end, typing at the same time.
	await editor(tineke.page)
		.locator('p')
		.first()
		.click({ position: { x: 1, y: 5 } });
	await tineke.page.keyboard.press('Home');
	await lars.page.keyboard.press('End');
	const typing = Promise.all([
		tineke.page.keyboard.type('Voor wie? ', { delay: 25 }),
		// Slower, so "typt…" (shown until 2 s after the last keystroke) is checked while it lasts on a busy machine.
		lars.page.keyboard.type(' Waarom nu?', { delay: 150 })
	]);
	// While they type, the others see who is typing.
	const present = tineke.page.getByRole('list', { name: 'Nu in de werkruimte' });
	await expect(present.getByText('Lars Lid, bij Probleemdefinitie, typt…', { exact: true })).toBeAttached();
	await typing;
	const merged = `Voor wie? ${base} Waarom nu?`;
	await expectText(everyone, merged);

	// Each sees the other's caret with their name.
	await expect(caretOf(lars.page, 'Tineke Trekker')).toBeVisible();
	await expect(caretOf(tineke.page, 'Lars Lid')).toBeVisible();

	// Undoing everything Tineke can undo takes back her words and nothing of Lars's, for everyone.
	// (Ctrl+Z undoes one burst of typing; a slow machine may split hers into a few.)
	const undo = tineke.page.getByRole('button', { name: 'Ongedaan maken' });
	for (let i = 0; i < 10 && (await undo.getAttribute('aria-disabled')) !== 'true'; i++) {
		await tineke.page.keyboard.press('ControlOrMeta+z');
	}
	await expect(undo).toHaveAttribute('aria-disabled', 'true');
	await expectText(everyone, `${base} Waarom nu?`);
	// ...and redo brings them back.
	const redo = tineke.page.getByRole('button', { name: 'Opnieuw' });
	for (let i = 0; i < 10 && (await redo.getAttribute('aria-disabled')) !== 'true'; i++) await redo.click();
	await expectText(everyone, merged);

	// The meekijker sees it all live, but has no way to edit.
	await expect(mila.page.getByText('Je kijkt mee (alleen lezen).')).toBeVisible();
	await expect(mila.page.getByRole('toolbar')).toHaveCount(0);
	await expect(editor(mila.page)).toHaveAttribute('contenteditable', 'false');
	await expect(editor(mila.page)).toHaveAttribute('aria-readonly', 'true');
	await editor(mila.page).click();
	await mila.page.keyboard.type('Mag niet');
	await expectText([mila.page, tineke.page], merged);

	// Presence: the others see her as watching, and where everyone is; typing has stopped.
	await expect(present.getByText('Mila Meekijker, bij Probleemdefinitie, kijkt mee', { exact: true })).toBeAttached();
	await expect(present.getByText('Tineke Trekker (jij), bij Probleemdefinitie', { exact: true })).toBeAttached();
	await lars.page.getByRole('tab', { name: 'Actielijst' }).click();
	await expect(lars.page).toHaveURL(/\?sectie=actielijst$/);
	await expect(present.getByText('Lars Lid, bij Actielijst', { exact: true })).toBeAttached();

	await Promise.all([tineke.context.close(), lars.context.close(), mila.context.close()]);
});
