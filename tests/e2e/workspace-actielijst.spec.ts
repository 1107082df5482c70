import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { connection, openWorkspaceAs } from './workspace-helpers';

// Two or three browsers at once on a shared machine: allow more than the default 30 s.
test.describe.configure({ timeout: 60_000 });

// Each test has a Doetank of its own (demo cast, src/lib/server/demo/seed.ts), so their lists never mix.
const panel = (page: Page) => page.getByRole('tabpanel', { name: 'Actielijst' });
const actionList = (page: Page) => panel(page).getByRole('list', { name: 'Acties' });
const newAction = (page: Page) => panel(page).getByRole('textbox', { name: 'Nieuwe actie' });
const handle = (page: Page, title: string) => page.getByRole('button', { name: `Verplaats ‘${title}’`, exact: true });
const handleOf = (page: Page, title: string) => panel(page).locator(handle(page, title));
/** The item of an action by its stored title: editors find it by its move handle, watchers by its text. */
const itemOf = (page: Page, title: string) =>
	actionList(page)
		.getByRole('listitem')
		.filter({ has: handle(page, title).or(page.getByText(title, { exact: true })) });
const live = (page: Page) => panel(page).locator('[aria-live="polite"]').last();

async function openActielijst(page: Page) {
	await page.getByRole('tab', { name: 'Actielijst' }).click();
	await expect(panel(page)).toBeVisible();
}

async function add(page: Page, title: string) {
	await newAction(page).fill(title);
	await newAction(page).press('Enter');
	await expect(newAction(page)).toHaveValue('');
	await expect(newAction(page)).toBeFocused();
}

/** The titles in display order, as this page shows them (input values for editors, text for watchers). */
function titles(page: Page): Promise<string[]> {
	return actionList(page)
		.locator(':scope > li')
		.evaluateAll((items) =>
			items.map(
				(item) =>
					item.querySelector<HTMLTextAreaElement>('textarea[data-focus=title]')?.value ??
					item.querySelector('.read-title')?.textContent ??
					''
			)
		)
		.catch(() => []);
}

async function expectTitles(pages: Page[], expected: string[]) {
	for (const page of pages) await expect.poll(() => titles(page)).toEqual(expected);
}

/** A finger drags `handle` to the top edge of `onto`, through Chromium's touch input (pointer events of type touch). */
async function touchDrag(page: Page, handle: Locator, onto: Locator) {
	const from = await handle.boundingBox();
	const to = await onto.boundingBox();
	if (!from || !to) throw new Error('no layout');
	const cdp = await page.context().newCDPSession(page);
	const x = from.x + from.width / 2;
	const y = from.y + from.height / 2;
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
	for (let step = 1; step <= 12; step++) {
		await cdp.send('Input.dispatchTouchEvent', {
			type: 'touchMove',
			touchPoints: [{ x, y: y + ((to.y + 4 - y) * step) / 12 }]
		});
	}
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	await cdp.detach();
}

test('actions added by one member appear for the other, edits are live, removal can be undone; a meekijker only watches', async ({
	browser
}) => {
	const DOETANK = 'kennisbehoud'; // Tineke trekker, Lars lid, Mila meekijker
	const tineke = await openWorkspaceAs(browser, 'trekker', DOETANK);
	const lars = await openWorkspaceAs(browser, 'lid', DOETANK);
	const mila = await openWorkspaceAs(browser, 'meekijker', DOETANK);
	const everyone = [tineke.page, lars.page, mila.page];
	for (const page of everyone) await openActielijst(page);

	// Empty state with a prompt for writers, a plain note for watchers.
	await expect(panel(tineke.page).getByText(/^Nog geen acties\. Schrijf hieronder/)).toBeVisible();
	await expect(panel(mila.page).getByText('Er staan nog geen acties op de actielijst.')).toBeVisible();

	for (const title of ['Interviews plannen', 'Data opvragen', 'Terugkoppeling voorbereiden'])
		await add(tineke.page, title);
	await expectTitles(everyone, ['Interviews plannen', 'Data opvragen', 'Terugkoppeling voorbereiden']);

	// Lars takes one on, Tineke sees it at once.
	const data = itemOf(lars.page, 'Data opvragen');
	await data.getByRole('combobox', { name: 'Wie' }).selectOption({ label: 'Lars Lid' });
	await data.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Bezig' });
	await data.getByRole('textbox', { name: 'Notitie' }).fill('Bij de afdeling P&O');
	await data.getByRole('textbox', { name: 'Notitie' }).blur();
	const atTineke = itemOf(tineke.page, 'Data opvragen');
	await expect(atTineke.getByRole('combobox', { name: 'Wie' })).toHaveValue('demo-lid');
	await expect(atTineke.getByRole('combobox', { name: 'Status' })).toHaveValue('bezig');
	await expect(atTineke.getByRole('textbox', { name: 'Notitie' })).toHaveValue('Bij de afdeling P&O');

	// Tineke renames one inline, live as she types; an empty title gets a message.
	const first = actionList(tineke.page).getByRole('listitem').first();
	const title = first.getByRole('textbox', { name: 'Titel' });
	await title.fill('');
	await title.press('Tab');
	await expect(first.getByText('Dit veld is verplicht.')).toBeVisible();
	await expect(title).toHaveAttribute('aria-invalid', 'true');
	await title.fill('Interviews met eindgebruikers plannen');
	await title.press('Enter');
	await expectTitles(everyone, [
		'Interviews met eindgebruikers plannen',
		'Data opvragen',
		'Terugkoppeling voorbereiden'
	]);
	const renamed = itemOf(tineke.page, 'Interviews met eindgebruikers plannen');
	await expect(renamed.getByRole('textbox', { name: 'Titel' })).not.toHaveAttribute('aria-invalid', 'true');
	await expect(renamed.getByText('Dit veld is verplicht.')).toHaveCount(0);

	// The meekijker sees everything, with names and statuses, and has nothing to edit with.
	const watched = itemOf(mila.page, 'Data opvragen');
	await expect(watched).toContainText('Lars Lid');
	await expect(watched).toContainText('Bezig');
	await expect(watched).toContainText('Bij de afdeling P&O');
	await expect(newAction(mila.page)).toHaveCount(0);
	for (const role of ['textbox', 'combobox'] as const) await expect(panel(mila.page).getByRole(role)).toHaveCount(0);
	await expect(panel(mila.page).getByRole('button', { name: /^(Verplaats|Verwijder|Ongedaan|Opnieuw)/ })).toHaveCount(
		0
	);
	await expect(panel(mila.page).locator('input, select, textarea, [contenteditable="true"]')).toHaveCount(0);

	// Removing shows an undo toast; the focus moves on to the next action; putting it back restores it for everyone.
	await itemOf(tineke.page, 'Data opvragen').getByRole('button', { name: 'Verwijder ‘Data opvragen’' }).click();
	await expectTitles(everyone, ['Interviews met eindgebruikers plannen', 'Terugkoppeling voorbereiden']);
	await expect(
		itemOf(tineke.page, 'Terugkoppeling voorbereiden').getByRole('textbox', { name: 'Titel' })
	).toBeFocused();
	await expect(tineke.page.getByText('Actie ‘Data opvragen’ verwijderd.')).toBeVisible();
	await tineke.page.getByRole('button', { name: 'Terugzetten' }).click();
	await expectTitles(everyone, [
		'Interviews met eindgebruikers plannen',
		'Data opvragen',
		'Terugkoppeling voorbereiden'
	]);
	await expect(itemOf(mila.page, 'Data opvragen')).toContainText('Lars Lid');
	await expect(itemOf(tineke.page, 'Data opvragen').getByRole('textbox', { name: 'Titel' })).toBeFocused();
	await expect(tineke.page.getByRole('button', { name: 'Terugzetten' })).toHaveCount(0);

	await Promise.all(everyone.map((page) => page.context().close()));
});

test('two members reorder at the same time while offline; after reconnecting both see the same order, nothing doubled or lost', async ({
	browser
}) => {
	const DOETANK = 'voor_je_buurt'; // Tineke trekker, Cor coach
	const tineke = await openWorkspaceAs(browser, 'trekker', DOETANK);
	const cor = await openWorkspaceAs(browser, 'coach', DOETANK);
	const both = [tineke.page, cor.page];
	for (const page of both) await openActielijst(page);
	for (const title of ['A', 'B', 'C', 'D', 'E']) await add(tineke.page, title);
	await expectTitles(both, ['A', 'B', 'C', 'D', 'E']);

	for (const page of both) {
		await page.context().setOffline(true);
		await expect(connection(page)).toHaveText('Offline · wijzigingen worden op dit apparaat bewaard');
	}

	// Tineke drags E to the top with the pointer.
	const from = await handleOf(tineke.page, 'E').boundingBox();
	const to = await itemOf(tineke.page, 'A').boundingBox();
	if (!from || !to) throw new Error('no layout');
	await tineke.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
	await tineke.page.mouse.down();
	for (let step = 1; step <= 10; step++) {
		await tineke.page.mouse.move(
			from.x + from.width / 2,
			from.y + from.height / 2 + ((to.y + 4 - from.y - from.height / 2) * step) / 10
		);
	}
	await tineke.page.mouse.up();
	await expectTitles([tineke.page], ['E', 'A', 'B', 'C', 'D']);
	await expect(handleOf(tineke.page, 'E')).toBeFocused();

	// Meanwhile Cor moves A two places down with the keyboard, and both add one.
	await handleOf(cor.page, 'A').focus();
	await cor.page.keyboard.press('Alt+ArrowDown');
	await cor.page.keyboard.press('Alt+ArrowDown');
	await expectTitles([cor.page], ['B', 'C', 'A', 'D', 'E']);
	await add(tineke.page, 'Van Tineke');
	await add(cor.page, 'Van Cor');

	for (const page of both) await page.context().setOffline(false);
	for (const page of both) await expect(connection(page)).toHaveText('Verbonden');

	// Both moves survive: E first (Tineke's), A between C and D (Cor's); both new actions at the end.
	await expect.poll(() => titles(tineke.page)).toHaveLength(7);
	const merged = await titles(tineke.page);
	await expectTitles(both, merged);
	expect(new Set(merged).size).toBe(7);
	expect(merged.slice(0, 5)).toEqual(['E', 'B', 'C', 'A', 'D']);
	expect(merged.slice(5).sort()).toEqual(['Van Cor', 'Van Tineke']);

	// Cor is typing in a title (live: Tineke sees it arrive) when Tineke moves that action: his field keeps the focus and his typing.
	const dId = await itemOf(cor.page, 'D').getAttribute('data-action-id');
	const field = actionList(cor.page).locator(`li[data-action-id="${dId}"]`).getByRole('textbox', { name: 'Titel' });
	await field.click();
	await cor.page.keyboard.press('End');
	await cor.page.keyboard.type(' (half');
	await handleOf(tineke.page, 'D (half').focus();
	await tineke.page.keyboard.press('Alt+ArrowUp');
	await tineke.page.keyboard.press('Alt+ArrowUp');
	await expect.poll(() => titles(cor.page)).toEqual(['E', 'B', 'D (half', 'C', 'A', ...merged.slice(5)]);
	await expect(field).toBeFocused();
	await cor.page.keyboard.type(' klaar)');
	await cor.page.keyboard.press('Enter');
	await expectTitles(both, ['E', 'B', 'D (half klaar)', 'C', 'A', ...merged.slice(5)]);

	await Promise.all(both.map((page) => page.context().close()));
});

test('filters combine and count, an overdue action is marked, and the keyboard reorders and undoes', async ({
	browser
}) => {
	const DOETANK = 'slim_en_verantwoord_innen'; // Tineke trekker
	const { page, context } = await openWorkspaceAs(browser, 'trekker', DOETANK);
	await openActielijst(page);
	for (const title of ['Verlopen', 'Van mij', 'Al klaar', 'Later']) await add(page, title);
	await itemOf(page, 'Verlopen').getByLabel('Uiterlijk').fill('2020-01-15');
	await itemOf(page, 'Al klaar').getByLabel('Uiterlijk').fill('2020-01-15');
	await itemOf(page, 'Al klaar').getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Klaar' });
	await itemOf(page, 'Later').getByLabel('Uiterlijk').fill('2099-06-30');
	await itemOf(page, 'Van mij').getByRole('combobox', { name: 'Wie' }).selectOption({ label: 'Tineke Trekker' });

	// Overdue is said in words with an icon, not by colour alone; a finished action is never overdue.
	await expect(itemOf(page, 'Verlopen').getByText('Te laat')).toBeVisible();
	for (const title of ['Van mij', 'Al klaar', 'Later'])
		await expect(itemOf(page, title).getByText('Te laat')).toHaveCount(0);

	const filter = (name: string) =>
		panel(page)
			.getByRole('group', { name: 'Filters' })
			.getByRole('button', { name: new RegExp(`^${name} \\d+$`) });
	await expect(filter('Van mij')).toHaveAccessibleName('Van mij 1');
	await expect(filter('Open')).toHaveAccessibleName('Open 3');
	await expect(filter('Te laat')).toHaveAccessibleName('Te laat 1');

	await filter('Te laat').click();
	await expect(filter('Te laat')).toHaveAttribute('aria-pressed', 'true');
	await expectTitles([page], ['Verlopen']);
	await expect(panel(page).getByText('1 van 4 acties')).toBeVisible();
	await filter('Van mij').click();
	await expect(panel(page).getByText('Geen acties die bij deze filters passen.')).toBeVisible();
	await filter('Te laat').click();
	await expectTitles([page], ['Van mij']);
	// A new action with "mine" on is the user's own, so it stays in view.
	await add(page, 'Nog een van mij');
	await expectTitles([page], ['Van mij', 'Nog een van mij']);
	await expect(filter('Van mij')).toHaveAccessibleName('Van mij 2');
	await panel(page).getByRole('button', { name: 'Filters wissen' }).click();
	await filter('Open').click();
	await expectTitles([page], ['Verlopen', 'Van mij', 'Later', 'Nog een van mij']);
	await filter('Open').click();
	await expectTitles([page], ['Verlopen', 'Van mij', 'Al klaar', 'Later', 'Nog een van mij']);

	// Alt+↑ moves at once and says where the action is now; the handle keeps the focus.
	await handleOf(page, 'Later').focus();
	await page.keyboard.press('Alt+ArrowUp');
	await expectTitles([page], ['Verlopen', 'Van mij', 'Later', 'Al klaar', 'Nog een van mij']);
	await expect(live(page)).toHaveText('‘Later’ staat nu op plaats 3 van 5.');
	await expect(handleOf(page, 'Later')).toBeFocused();
	// Enter picks it up, Home takes it to the top, Enter puts it down.
	await page.keyboard.press('Enter');
	await expect(handleOf(page, 'Later')).toHaveAttribute('aria-pressed', 'true');
	await page.keyboard.press('Home');
	await page.keyboard.press('Enter');
	await expect(handleOf(page, 'Later')).toHaveAttribute('aria-pressed', 'false');
	await expect(live(page)).toHaveText('‘Later’ neergezet op plaats 1 van 5.');
	await expectTitles([page], ['Later', 'Verlopen', 'Van mij', 'Al klaar', 'Nog een van mij']);
	// Escape while moving puts it back where it was picked up.
	await page.keyboard.press('Enter');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expectTitles([page], ['Verlopen', 'Van mij', 'Later', 'Al klaar', 'Nog een van mij']);
	await page.keyboard.press('Escape');
	await expectTitles([page], ['Later', 'Verlopen', 'Van mij', 'Al klaar', 'Nog een van mij']);
	// Ctrl+Z in the panel undoes this user's last change (the move to the top: the cancelled one left
	// no step), Ctrl+Shift+Z redoes it.
	await page.keyboard.press('ControlOrMeta+z');
	await expectTitles([page], ['Verlopen', 'Van mij', 'Later', 'Al klaar', 'Nog een van mij']);
	await page.keyboard.press('ControlOrMeta+Shift+z');
	await expectTitles([page], ['Later', 'Verlopen', 'Van mij', 'Al klaar', 'Nog een van mij']);

	// The quick-add field checks the model's limit.
	await newAction(page).fill('x'.repeat(201));
	await newAction(page).press('Enter');
	await expect(panel(page).getByText('Gebruik hoogstens 200 tekens.')).toBeVisible();
	await expect(newAction(page)).toHaveAttribute('aria-invalid', 'true');
	await expect.poll(() => titles(page)).toHaveLength(5);

	await context.close();
});

async function seriousViolations(page: Page) {
	const results = await new AxeBuilder({ page }).include('#panel-actielijst').analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const horizontalOverflow = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Interactive controls in the panel smaller than 44 × 44 px (text links inside sentences excepted). */
const smallTargets = (page: Page) =>
	panel(page)
		.locator('button:visible, input:visible, select:visible, textarea:visible')
		.evaluateAll((elements) =>
			elements
				.filter((element) => !element.classList.contains('link'))
				.map((element) => ({ element, rect: element.getBoundingClientRect() }))
				.filter(({ rect }) => rect.width < 44 || rect.height < 44)
				.map(
					({ element, rect }) =>
						`${element.outerHTML.slice(0, 60)} ${Math.round(rect.width)}×${Math.round(rect.height)}`
				)
		);

for (const { name, hasTouch, ...viewport } of [
	{ name: 'phone', width: 375, height: 812, hasTouch: true },
	{ name: 'projector', width: 1280, height: 800, hasTouch: false }
]) {
	test(`the actielijst on a ${name} (${viewport.width} px): no serious axe violations, no sideways scrolling; an opdrachtgever watches live`, async ({
		browser
	}) => {
		const DOETANK = 'maatschappelijk_rekenkameronderzoek'; // Tineke trekker, Olga opdrachtgever
		const tineke = await openWorkspaceAs(browser, 'trekker', DOETANK, { viewport, hasTouch });
		const olga = await openWorkspaceAs(browser, 'opdrachtgever', DOETANK, { viewport });
		for (const page of [tineke.page, olga.page]) await openActielijst(page);

		const title = `Rapport delen (${name})`;
		await add(tineke.page, title);
		await itemOf(tineke.page, title).getByLabel('Uiterlijk').fill('2021-03-01');
		await itemOf(tineke.page, title)
			.getByRole('combobox', { name: 'Wie' })
			.selectOption({ label: 'Olga Opdrachtgever' });
		await expect(itemOf(olga.page, title)).toContainText('Olga Opdrachtgever');
		await expect(itemOf(olga.page, title).getByText('Te laat')).toBeVisible();
		await expect(panel(olga.page).locator('input, select, textarea, [contenteditable="true"]')).toHaveCount(0);

		// On the phone a finger drags the new action to the top; the opdrachtgever sees the new order.
		await add(tineke.page, 'Weg ermee');
		if (hasTouch)
			await touchDrag(
				tineke.page,
				handleOf(tineke.page, 'Weg ermee'),
				actionList(tineke.page).getByRole('listitem').first()
			);
		else await handleOf(tineke.page, 'Weg ermee').press('Alt+ArrowUp');
		const placeAtOlga = async () => {
			const list = await titles(olga.page);
			return list.indexOf('Weg ermee') - list.indexOf(title);
		};
		await expect.poll(placeAtOlga).toBe(-1);
		if (hasTouch) expect((await titles(olga.page))[0]).toBe('Weg ermee');
		// The toast is part of the panel too.
		await itemOf(tineke.page, 'Weg ermee').getByRole('button', { name: 'Verwijder ‘Weg ermee’' }).click();
		await expect(tineke.page.getByRole('button', { name: 'Terugzetten' })).toBeVisible();

		// A long title wraps instead of being cut; a done action says so in words and a check mark.
		const long = `Een lange titel (${name}) die op een telefoon over meerdere regels moet doorlopen zonder afgekapt te worden`;
		await add(tineke.page, long);
		await itemOf(tineke.page, title).getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Klaar' });
		for (const page of [tineke.page, olga.page]) {
			await expect(itemOf(page, title).locator('.done-mark')).toHaveText('Klaar');
			await expect(itemOf(page, long)).toBeVisible();
			const cut = await actionList(page)
				.locator('textarea[data-focus=title], .read-title')
				.evaluateAll((fields) =>
					fields
						.filter((f) => f.scrollHeight > f.clientHeight + 1 || f.scrollWidth > f.clientWidth + 1)
						.map((f) => (f as HTMLTextAreaElement).value ?? f.textContent)
				);
			expect(cut).toEqual([]);
		}
		// The whole placeholder of the new-action field fits.
		const room = await newAction(tineke.page).evaluate((input: HTMLInputElement) => {
			const style = getComputedStyle(input);
			const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
			context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
			const inner = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
			return inner - context.measureText(input.placeholder).width;
		});
		expect(room).toBeGreaterThan(0);
		// A tap on a person in the presence list shows their name (on a phone only the avatar shows before).
		const olgaThere = tineke.page.getByRole('button', { name: /^Olga Opdrachtgever/ });
		await olgaThere.click();
		const label = olgaThere.locator('.who');
		await expect(label).toContainText('Olga Opdrachtgever');
		expect((await label.boundingBox())?.width ?? 0).toBeGreaterThan(60);

		for (const page of [tineke.page, olga.page]) {
			expect(await seriousViolations(page)).toEqual([]);
			expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
			expect(await smallTargets(page)).toEqual([]);
		}
		await Promise.all([tineke.context.close(), olga.context.close()]);
	});
}
