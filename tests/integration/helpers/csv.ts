/**
 * A small RFC 4180 reader for the exports' dialect (BOM, `;` between fields), to check that CSV
 * exports read back to the same values.
 */
export function parseCsv(input: string): string[][] {
	if (!input.startsWith('\uFEFF')) throw new Error('the CSV has no byte order mark');
	const csv = input.slice(1);
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
