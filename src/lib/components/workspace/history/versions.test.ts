import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	canvasField,
	createPilotCanvas,
	diffLines,
	fragmentToMarkdown,
	probleemdefinitie,
	readCanvas
} from '$lib/domain/workspace';
import { p, text, writeTiptap } from '$lib/domain/workspace/tiptap-fixture';
import { translator } from '$lib/i18n';
import {
	changeCounts,
	collapseUnchanged,
	contributorList,
	dayLabel,
	dayVersions,
	momentVersions,
	previousDay,
	restoreTarget,
	targetMarkdown,
	terugkoppelmomentVersions,
	versionLabel,
	versionOrder,
	type HistoryTarget
} from './versions';

const copy = (doc: Y.Doc) => {
	const other = new Y.Doc();
	Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
	return other;
};
const labels = { doetankName: 'Kennisbehoud' };

describe('versions', () => {
	it('turns the history days into versions with the address of their state', () => {
		expect(dayVersions('slim innen', [{ day: '2026-11-27', contributors: [{ id: 'a', name: 'Ann' }] }])).toEqual([
			{
				kind: 'day',
				key: 'day:2026-11-27',
				day: '2026-11-27',
				contributors: [{ id: 'a', name: 'Ann' }],
				stateUrl: '/api/v1/doetanks/slim%20innen/history/2026-11-27'
			}
		]);
	});

	it('turns submitted terugkoppelmoment rounds into versions named by title and round, ordered in time', () => {
		const [round] = terugkoppelmomentVersions('d 1', [
			{
				id: 's1',
				title: 'Probleem helder',
				round: 2,
				status: 'goedgekeurd',
				day: '2026-11-27',
				submittedAt: 1_764_230_400_000,
				submittedBy: { id: 'a', name: 'Ann' }
			}
		]);
		expect(round).toMatchObject({
			kind: 'terugkoppelmoment',
			key: 'terugkoppelmoment:s1',
			contributors: [{ id: 'a', name: 'Ann' }],
			stateUrl: '/api/v1/doetanks/d%201/history/terugkoppelmomenten/s1'
		});
		expect(versionLabel(round!, '2026-11-28', translator('nl'), 'nl')).toBe('‘Probleem helder’, ronde 2');
		const [sameDay, dayBefore] = dayVersions('d 1', [
			{ day: '2026-11-27', contributors: [] },
			{ day: '2026-11-26', contributors: [] }
		]);
		expect(versionLabel(sameDay!, '2026-11-28', translator('nl'), 'nl')).toBe('gisteren');
		// A day version is the end of its day: after a round submitted that day, before the next day.
		expect(versionOrder(dayBefore!) < versionOrder(round!)).toBe(true);
		expect(versionOrder(round!) < versionOrder(sameDay!)).toBe(true);
	});

	it('turns automatic and named versions into versions named by time (and name), ordered in time', () => {
		const evening = Date.parse('2026-11-27T20:10:00+01:00');
		const [named, auto] = momentVersions('d 1', [
			{
				id: 'n1',
				kind: 'named',
				name: 'vóór de café-sessie',
				createdAt: evening + 600_000,
				createdBy: { id: 'a', name: 'Ann' },
				contributors: []
			},
			{
				id: 'v1',
				kind: 'auto',
				name: null,
				createdAt: evening,
				createdBy: null,
				contributors: [{ id: 'b', name: 'Bob' }]
			}
		]);
		expect(auto).toMatchObject({
			kind: 'moment',
			key: 'moment:v1',
			day: '2026-11-27',
			contributors: [{ id: 'b', name: 'Bob' }],
			stateUrl: '/api/v1/doetanks/d%201/history/versions/v1'
		});
		const nl = translator('nl');
		expect(versionLabel(auto!, '2026-11-27', nl, 'nl')).toBe('vandaag om 20:10');
		expect(versionLabel(named!, '2026-11-28', nl, 'nl')).toBe('‘vóór de café-sessie’ (gisteren om 20:20)');
		expect(versionLabel(auto!, '2026-11-27', translator('en'), 'en')).toBe('today at 20:10');
		const [endOfDay] = dayVersions('d 1', [{ day: '2026-11-27', contributors: [] }]);
		expect(versionOrder(auto!) < versionOrder(named!)).toBe(true);
		expect(versionOrder(named!) < versionOrder(endOfDay!)).toBe(true);
	});

	it('names days as people say them', () => {
		expect(previousDay('2026-03-01')).toBe('2026-02-28');
		expect(previousDay('2028-03-01')).toBe('2028-02-29');
		expect(previousDay('2027-01-01')).toBe('2026-12-31');
		const t = translator('nl');
		expect(dayLabel('2026-11-28', '2026-11-28', t, 'nl')).toBe('vandaag');
		expect(dayLabel('2026-11-27', '2026-11-28', t, 'nl')).toBe('gisteren');
		expect(dayLabel('2026-11-20', '2026-11-28', t, 'nl')).toBe('20 november 2026');
		expect(dayLabel('2026-11-20', '2026-11-28', translator('en'), 'en')).toBe('20 November 2026');
		expect(
			contributorList(
				[
					{ id: 'a', name: 'Ann' },
					{ id: 'b', name: 'Bob' },
					{ id: 'c', name: 'Cas' }
				],
				'nl'
			)
		).toBe('Ann, Bob en Cas');
		expect(
			contributorList(
				[
					{ id: 'a', name: 'Ann' },
					{ id: 'b', name: 'Bob' }
				],
				'en'
			)
		).toBe('Ann and Bob');
	});

	it('reads the probleemdefinitie or a canvas of a version as Markdown, null for a canvas that was not there', () => {
		const doc = new Y.Doc();
		writeTiptap(probleemdefinitie(doc), [p(text('Voor wie?'))]);
		const id = createPilotCanvas(doc, 'Gemeente Utrecht');
		writeTiptap(canvasField(doc, id, 'kosten'), [p(text('twee fte'))]);
		expect(targetMarkdown(doc, { kind: 'probleemdefinitie' }, 'nl')).toBe('Voor wie?');
		const canvas = targetMarkdown(doc, { kind: 'canvas', id, labels }, 'nl');
		expect(canvas).toContain('# Business case: Kennisbehoud – Gemeente Utrecht');
		expect(canvas).toContain('## Kosten\n\ntwee fte');
		expect(targetMarkdown(doc, { kind: 'canvas', id: 'pilot:weg', labels }, 'nl')).toBeNull();
	});

	it('restores the probleemdefinitie or a canvas of a version into the live document', () => {
		const live = new Y.Doc();
		writeTiptap(probleemdefinitie(live), [p(text('oud'))]);
		const id = createPilotCanvas(live, 'Gemeente Utrecht');
		writeTiptap(canvasField(live, id, 'baten'), [p(text('rust'))]);
		const version = copy(live);
		probleemdefinitie(live).delete(0, 1);
		writeTiptap(probleemdefinitie(live), [p(text('nieuw'))]);
		canvasField(live, id, 'baten').delete(0, 1);

		restoreTarget(live, version, { kind: 'probleemdefinitie' }, null);
		expect(fragmentToMarkdown(probleemdefinitie(live))).toBe('oud');
		const canvas: HistoryTarget = { kind: 'canvas', id, labels };
		restoreTarget(live, version, canvas, null);
		expect(readCanvas(live, id)?.fields.baten).toBe('rust');
		expect(() => restoreTarget(live, new Y.Doc(), canvas, null)).toThrow(/not in that version/);
	});

	it('folds long unchanged runs around the changes and counts changed lines', () => {
		const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', '', 'h'].join('\n');
		const after = ['a', 'b', 'c', 'd', 'E', 'f', 'g', '', 'h', 'i'].join('\n');
		const lines = diffLines(before, after);
		expect(collapseUnchanged(lines, 1)).toEqual([
			{ kind: 'skipped', count: 3 },
			{ kind: 'unchanged', text: 'd' },
			{ kind: 'removed', text: 'e' },
			{ kind: 'added', text: 'E' },
			{ kind: 'unchanged', text: 'f' },
			{ kind: 'skipped', count: 2 },
			{ kind: 'unchanged', text: 'h' },
			{ kind: 'added', text: 'i' }
		]);
		expect(changeCounts(lines)).toEqual({ added: 2, removed: 1 });
		expect(changeCounts(diffLines('a', 'a\n\nb'))).toEqual({ added: 1, removed: 0 });
		expect(collapseUnchanged(diffLines('a\nb', 'a\nb'))).toEqual([{ kind: 'skipped', count: 2 }]);
	});
});
