import { describe, expect, it } from 'vitest';
import { agreementState, EMPTY_AGREEMENT, sameContent } from './agreement';
import { isApprover } from './approvers';
import { DOETANK_ROLES } from '../roles';

describe('agreement state', () => {
	it.each([
		[0, null, 'none'],
		[1, null, 'unconfirmed'],
		[3, 3, 'confirmed'],
		[4, 3, 'changed'],
		[4, 1, 'changed']
	] as const)('version %i, confirmed %s → %s', (version, confirmed, state) => {
		expect(agreementState(version, confirmed)).toBe(state);
	});

	it('compares every field of the content', () => {
		expect(sameContent(EMPTY_AGREEMENT, { ...EMPTY_AGREEMENT })).toBe(true);
		expect(sameContent(EMPTY_AGREEMENT, { ...EMPTY_AGREEMENT, spelregels: 'x' })).toBe(false);
		expect(sameContent(EMPTY_AGREEMENT, { ...EMPTY_AGREEMENT, opdrachtgeverDecides: true })).toBe(false);
	});
});

describe('who may approve a terugkoppelmoment', () => {
	it.each(DOETANK_ROLES.map((r) => [r, r === 'opdrachtgever' || r === 'besluitvormer'] as const))(
		'%s → %s',
		(role, ok) => {
			expect(isApprover([role])).toBe(ok);
		}
	);
	it('counts a second role that approves', () => {
		expect(isApprover(['lid', 'besluitvormer'])).toBe(true);
		expect(isApprover([])).toBe(false);
	});
});

describe('stop reasons', () => {
	it('are the 12 categories of the method file plus anders, each labelled in both languages', async () => {
		const { STOP_REASONS } = await import('./stop-reasons');
		const { translate } = await import('../../i18n');
		expect(STOP_REASONS).toHaveLength(13);
		expect(STOP_REASONS.at(-1)).toBe('anders');
		for (const reason of STOP_REASONS) {
			for (const locale of ['nl', 'en'] as const) expect(translate(locale, `stopReason.${reason}`)).not.toBe('');
		}
	});
});
