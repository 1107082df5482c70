/** One CSV field per RFC 4180: quoted when it holds a comma, quote or line break. */
function field(value: string | number | null): string {
	if (value === null) return '';
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document with CRLF line ends; numbers are written in full precision with a decimal point. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
	return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** The response headers of a CSV download. */
export function csvHeaders(filename: string): Record<string, string> {
	return { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` };
}
