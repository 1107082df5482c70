import { describe, expect, it } from 'vitest';
import { parseCsv as parse } from '../../../tests/integration/helpers/csv';
import { toCsv } from './csv';

describe('toCsv', () => {
	it('quotes commas, quotes and line breaks and reads back the same', () => {
		const rows = [
			['naam', 'opmerking', 'score'],
			['Slim innen', 'Goed, "echt"\nmooi', 4.25],
			['Leeg', null, 27 / 7]
		];
		const csv = toCsv(rows);
		expect(csv).toBe('naam,opmerking,score\r\nSlim innen,"Goed, ""echt""\nmooi",4.25\r\nLeeg,,3.857142857142857\r\n');
		expect(parse(csv)).toEqual([
			['naam', 'opmerking', 'score'],
			['Slim innen', 'Goed, "echt"\nmooi', '4.25'],
			['Leeg', '', String(27 / 7)]
		]);
		expect(Number(parse(csv)[2]![2])).toBe(27 / 7);
	});
});
