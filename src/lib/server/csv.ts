/**
 * The one CSV writer of every export, made for the spreadsheet on the coordinator's desk (Dutch
 * Excel): UTF-8 with a byte order mark (else Excel guesses another encoding), `;` between fields
 * (Excel's list separator under Dutch regional settings) and numbers with a decimal comma.
 */
export type CsvCell = string | number | null;

const BOM = '\uFEFF';
const SEPARATOR = ';';

/**
 * A text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+`, `-`, `@`, or after a leading
 * tab or carriage return) is prefixed with `'`, so it stays text (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function text(value: CsvCell): string {
	if (value === null) return '';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return '';
		// Full precision, decimal comma, no thousands separator: Dutch Excel reads it as a number.
		return String(value).replace('.', ',');
	}
	return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One field per RFC 4180 (with `;`): quoted when it holds the separator, a quote or a line break. */
function field(value: CsvCell): string {
	const t = text(value);
	return /[";\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** A CSV document with a BOM and CRLF line ends. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
	return BOM + rows.map((row) => row.map(field).join(SEPARATOR)).join('\r\n') + '\r\n';
}

/** The response headers of a CSV download. */
export function csvHeaders(filename: string): Record<string, string> {
	return {
		'content-type': 'text/csv; charset=utf-8',
		'content-disposition': `attachment; filename="${filename}"`,
		'x-content-type-options': 'nosniff'
	};
}
