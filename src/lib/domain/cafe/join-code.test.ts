import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, newJoinCode, normaliseJoinCode } from './join-code';

describe('join codes', () => {
	it('are six characters of the unambiguous alphabet', () => {
		let i = 0;
		const steps = [0, 0.999, 0.5, 0.1, 0.3, 0.7];
		expect(newJoinCode(() => steps[i++]!)).toBe(
			`A9${JOIN_CODE_ALPHABET[15]}D${JOIN_CODE_ALPHABET[9]}${JOIN_CODE_ALPHABET[21]}`
		);
		for (let n = 0; n < 50; n++) expect(normaliseJoinCode(newJoinCode())).not.toBeNull();
		expect(JOIN_CODE_ALPHABET).not.toMatch(/[ILO01]/);
	});

	it('accept what people type: lower case, spaces and dashes', () => {
		expect(normaliseJoinCode(' abc-234 ')).toBe('ABC234');
		expect(normaliseJoinCode('ABC 234')).toBe('ABC234');
		expect(normaliseJoinCode('ABC23')).toBeNull();
		expect(normaliseJoinCode('ABCO23')).toBeNull();
		expect(normaliseJoinCode('ABC2345')).toBeNull();
	});
});
