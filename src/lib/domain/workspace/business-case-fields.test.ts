import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	BUSINESS_CASE_FIELD_KEYS,
	BUSINESS_CASE_FIELDS,
	CANVAS_GRID,
	CANVAS_SECTIONS,
	isStrategyKey,
	PRODUCTIVITY_STRATEGIES
} from './business-case-fields';

/** The instrument this module was copied from; only the test reads it, and only where it exists. */
const INSTRUMENT = new URL('../../../../../shared/instruments/business-case.json', import.meta.url);

type Label = { nl: string; en: string };
type InstrumentField = { key: string; label: Label; type: string; subfields?: InstrumentField[] };

describe('business case fields', () => {
	it('lists the canvas fields in order, each once, with Dutch and English labels', () => {
		expect(BUSINESS_CASE_FIELD_KEYS).toEqual([
			'onderwerp',
			'interventie',
			'proces',
			'technologie',
			'organisatie',
			'personeel',
			'q1_kwantitatieve_inputs',
			'q2_kwalitatieve_inputs',
			'q3_kwantitatieve_outputs',
			'q4_kwalitatieve_outputs',
			'q5_kwantitatieve_outcome',
			'q6_kwalitatieve_outcome',
			'business_case',
			'kosten',
			'baten',
			'productiviteitsstrategie'
		]);
		for (const field of BUSINESS_CASE_FIELDS) {
			expect(field.label.nl.length * field.label.en.length).toBeGreaterThan(0);
			expect(CANVAS_SECTIONS.map((s) => s.key)).toContain(field.section);
		}
	});

	it('fills every cell of the Q grid with exactly one field', () => {
		for (const row of CANVAS_GRID.rows) {
			for (const column of CANVAS_GRID.columns) {
				const cell = BUSINESS_CASE_FIELDS.filter(
					(f) => 'grid' in f && f.grid.row === row.key && f.grid.column === column.key
				);
				expect(cell).toHaveLength(1);
			}
		}
	});

	it('recognises exactly the listed strategies', () => {
		expect(PRODUCTIVITY_STRATEGIES).toHaveLength(6);
		for (const strategy of PRODUCTIVITY_STRATEGIES) expect(isStrategyKey(strategy.key)).toBe(true);
		expect(isStrategyKey('sneller')).toBe(false);
	});

	it.skipIf(!existsSync(INSTRUMENT))('matches the instrument file, field for field', () => {
		const instrument = JSON.parse(readFileSync(INSTRUMENT, 'utf8'));
		const leaves = (instrument.canvas.fields as InstrumentField[]).flatMap((f) => f.subfields ?? [f]);
		expect(leaves.map((f) => f.key)).toEqual(BUSINESS_CASE_FIELD_KEYS);
		for (const [i, leaf] of leaves.entries()) expect(BUSINESS_CASE_FIELDS[i]?.label).toEqual(leaf.label);
		const strategies = instrument.productivity_strategies.strategies as { key: string; en: string }[];
		expect(PRODUCTIVITY_STRATEGIES.map((s) => [s.key, s.label.en])).toEqual(strategies.map((s) => [s.key, s.en]));
		const group = (instrument.canvas.fields as InstrumentField[]).find((f) => f.type === 'group');
		expect(CANVAS_SECTIONS.find((s) => s.key === 'process')?.label).toEqual(group?.label);
		expect(CANVAS_GRID.hint.nl).toBe(instrument.canvas.grid.reading_aid.nl);
	});
});
