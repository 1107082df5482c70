import { describe, expect, it } from 'vitest';
import type { Report } from '$lib/domain/report/report';
import { SCALES } from '$lib/domain/instruments/vragenlijst';
import { BUSINESS_CASE_FIELD_KEYS } from '$lib/domain/workspace/business-case-fields';
import { translator } from '$lib/i18n';
import { reportToMarkdown } from './markdown';

const empty: Report = {
	period: { from: '2026-03-01', to: '2026-03-31' },
	doe: {
		started: 0,
		perPhase: { fase_0: 0, fase_1: 0, fase_2: 0, afgerond: 0, gestopt: 0 },
		completed: 0,
		stopped: 0,
		stopReasons: [],
		activeDoetankers: 0,
		activeProbleemeigenaren: 0,
		cafes: 0,
		cafeAttendance: 0,
		approvals: 0
	},
	leer: { waves: [], changes: [] },
	verander: { inFase2: 0, pilots: 0, organisations: [] },
	effect: { businessCases: [], network: null }
};

const scales = (mean: number | null) => SCALES.map((s) => ({ scaleId: s.id, mean }));

const full: Report = {
	...empty,
	doe: { ...empty.doe, started: 3, stopped: 1, stopReasons: [{ reason: 'onvoldoende_tijd', count: 1 }] },
	leer: {
		waves: [
			{ id: 'w1', name: 'Voormeting', closesOn: '2026-03-10', respondents: 4, visible: true, scales: scales(3.25) },
			{ id: 'w2', name: 'Nameting', closesOn: '2026-03-30', respondents: 2, visible: false, scales: scales(null) }
		],
		changes: [
			{ from: 'w1', to: 'w2', scales: SCALES.map((s) => ({ scaleId: s.id, before: 3.25, after: null, change: null })) }
		]
	},
	verander: { inFase2: 1, pilots: 2, organisations: [{ name: 'Gemeente A|B', pilots: 2 }] },
	effect: {
		businessCases: [
			{
				doetankId: 'd',
				doetankName: 'Kennisbehoud',
				canvasId: 'pilot:x',
				level: 'pilot',
				name: 'Gemeente Zeist',
				q5: '20% minder bezwaren',
				q6: 'Rust\n\nbij de balie'
			}
		],
		network: {
			strategy: null,
			fields: {
				...Object.fromEntries(BUSINESS_CASE_FIELD_KEYS.map((k) => [k, ''])),
				interventie: 'Kennis **lekt** weg'
			} as Record<(typeof BUSINESS_CASE_FIELD_KEYS)[number], string>
		}
	}
};

describe('the report as Markdown', () => {
	it('says what is empty, as the page does', () => {
		const md = reportToMarkdown(empty, translator('nl'), 'nl');
		expect(md.startsWith('# Rapportage Meten & Monitoren\n\nPeriode 1 maart 2026 tot en met 31 maart 2026\n')).toBe(
			true
		);
		expect(md).toContain('Geen vragenlijstrondes in deze periode.');
		expect(md).toContain('### Adopterende organisaties\n\nGeen.');
		expect(md).toContain('Nog geen business cases met een outcome (Q5 of Q6).');
		expect(md).toContain('## Business case van het netwerk\n\nDe business case van het netwerk is nog leeg.\n');
	});

	it('writes the figures as tables, hides means under three respondents and keeps the teams’ texts whole', () => {
		const md = reportToMarkdown(full, translator('nl'), 'nl');
		expect(md).toContain('| Doetanks gestart | 3 |');
		expect(md).toContain('| Innovatief werkgedrag | 3,25 | minder dan 3 | – |');
		expect(md).toContain('| Respondenten | 4 | 2 |  |');
		// A pipe in a name stays inside its cell.
		expect(md).toContain('| Gemeente A\\|B | 2 |');
		expect(md).toContain('### Kennisbehoud · Gemeente Zeist');
		expect(md).toContain('Rust\n\nbij de balie');
		expect(md).toContain('Kennis **lekt** weg');
		// Every table row has as many cells as its header.
		for (const block of md.split('\n\n').filter((b) => b.startsWith('|'))) {
			const counts = block.split('\n').map((row) => row.replaceAll('\\|', '').split('|').length);
			expect(new Set(counts).size, block).toBe(1);
		}
	});

	it('speaks English to an English reader', () => {
		const md = reportToMarkdown(full, translator('en'), 'en');
		expect(md).toContain('| Innovative work behaviour | 3.25 | fewer than 3 | – |');
		expect(md).toContain('## Business case of the network');
	});
});
