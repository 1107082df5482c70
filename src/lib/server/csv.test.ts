import { describe, expect, it } from 'vitest';
import { csvNumber, parseCsv as parse } from '../../../tests/integration/helpers/csv';
import { toCsv } from './csv';

describe('toCsv', () => {
	it('writes a BOM, separates with ; and quotes separators, quotes and line breaks', () => {
		const rows = [
			['naam', 'opmerking', 'score'],
			['Slim innen', 'Goed; "echt"\nmooi, toch', 4.25],
			['Leeg', null, 27 / 7]
		];
		const csv = toCsv(rows);
		expect(csv).toBe(
			'\uFEFFnaam;opmerking;score\r\nSlim innen;"Goed; ""echt""\nmooi, toch";4,25\r\nLeeg;;3,857142857142857\r\n'
		);
		expect(parse(csv)).toEqual([
			['naam', 'opmerking', 'score'],
			['Slim innen', 'Goed; "echt"\nmooi, toch', '4,25'],
			['Leeg', '', '3,857142857142857']
		]);
		expect(csvNumber(parse(csv)[2]![2]!)).toBe(27 / 7);
	});

	it('writes numbers as Dutch Excel reads them: decimal comma, no grouping, negatives as numbers', () => {
		expect(toCsv([[1234567.5, -3, 0, Number.NaN]])).toBe('\uFEFF1234567,5;-3;0;\r\n');
	});

	it.each(['=HYPERLINK("http://evil.example","klik")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
		'neutralises the formula cell %j with a leading apostrophe',
		(cell) => {
			const [row] = parse(toCsv([[cell]]));
			expect(row![0]).toBe(`'${cell}`);
		}
	);

	it('leaves ordinary text alone', () => {
		expect(parse(toCsv([['Slim innen', 'a=b', '1-2']]))).toEqual([['Slim innen', 'a=b', '1-2']]);
	});
});
