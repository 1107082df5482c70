/**
 * A small RFC 4180 reader for the exports' dialect (`;` between fields, a leading BOM skipped; note
 * that `Response.text()` already drops the BOM), to check that CSV exports read back to the same values.
 */
export function parseCsv(input: string): string[][] {
	const csv = input.startsWith('\uFEFF') ? input.slice(1) : input;
	const rows: string[][] = [];
	let row: string[] = [];
	let value = '';
	let quoted = false;
	for (let i = 0; i < csv.length; i++) {
		const c = csv[i]!;
		if (quoted) {
			if (c === '"' && csv[i + 1] === '"') {
				value += '"';
				i++;
			} else if (c === '"') quoted = false;
			else value += c;
		} else if (c === '"') quoted = true;
		else if (c === ';') {
			row.push(value);
			value = '';
		} else if (c === '\r' && csv[i + 1] === '\n') {
			row.push(value);
			rows.push(row);
			row = [];
			value = '';
			i++;
		} else value += c;
	}
	return rows;
}

/** A number cell as Dutch Excel reads it (decimal comma). */
export function csvNumber(cell: string): number {
	return Number(cell.replace(',', '.'));
}
