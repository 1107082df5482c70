/** Capitals and digits that cannot be mistaken for each other on a projector (no I, L, O, 0, 1). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export function newJoinCode(random: () => number = Math.random): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++)
		code += JOIN_CODE_ALPHABET[Math.floor(random() * JOIN_CODE_ALPHABET.length)];
	return code;
}

/** What someone typed ("abc-234 ", "ABC 234") as a code, or null when it cannot be one. */
export function normaliseJoinCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== JOIN_CODE_LENGTH) return null;
	return [...code].every((c) => JOIN_CODE_ALPHABET.includes(c)) ? code : null;
}
