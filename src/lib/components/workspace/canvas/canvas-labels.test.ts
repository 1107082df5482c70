import { describe, expect, it } from 'vitest';
import { translator } from '$lib/i18n';
import { BUSINESS_CASE_FIELDS } from '$lib/domain/workspace';
import { canvasTitle, canvasVisitors, domId, fieldLabel, fileSlug } from './canvas-labels';

const people = { meId: 'me', ownerName: (id: string) => (id === 'lars' ? 'Lars Lid' : id) };

describe('canvas labels', () => {
	it('names each level of canvas', () => {
		const t = translator('nl');
		expect(canvasTitle({ level: 'doetank', name: '', ownerId: null }, t, people)).toBe('Doetank als geheel');
		expect(canvasTitle({ level: 'society', name: '', ownerId: null }, t, people)).toBe(
			'Oplossing voor publieke sector en samenleving'
		);
		expect(canvasTitle({ level: 'network', name: '', ownerId: null }, t, people)).toBe('Het netwerk als geheel');
		expect(canvasTitle({ level: 'pilot', name: 'Gemeente Utrecht', ownerId: null }, t, people)).toBe(
			'Pilot: Gemeente Utrecht'
		);
		expect(canvasTitle({ level: 'personal', name: '', ownerId: 'me' }, t, people)).toBe('Mijn eigen business case');
		expect(canvasTitle({ level: 'personal', name: '', ownerId: 'lars' }, t, people)).toBe('Van Lars Lid');
		expect(canvasTitle({ level: 'personal', name: '', ownerId: 'lars' }, translator('en'), people)).toBe(
			'Lars Lid’s own'
		);
	});

	it('spells out the one-letter labels of the canvas', () => {
		const field = (key: string) => BUSINESS_CASE_FIELDS.find((f) => f.key === key)!;
		expect(fieldLabel(field('technologie'), 'nl')).toBe('T · Technologie');
		expect(fieldLabel(field('technologie'), 'en')).toBe('T (Technology)');
		expect(fieldLabel(field('kosten'), 'nl')).toBe('Kosten');
	});

	it('makes file names without accents or punctuation', () => {
		expect(fileSlug('Schuldhulp: één gezin, één plan!')).toBe('schuldhulp-een-gezin-een-plan');
		expect(fileSlug('***')).toBe('canvas');
	});

	it('makes DOM ids from canvas ids', () => {
		expect(domId('bc', 'personal:demo-lid', 'q1_kwantitatieve_inputs')).toBe(
			'bc-personal_demo-lid-q1_kwantitatieve_inputs'
		);
	});

	it('says who else has which canvas open', () => {
		const user = (id: string) => ({ id, name: id.toUpperCase(), color: '#123456' });
		const states: [number, unknown][] = [
			[1, { user: user('me'), section: 'business-cases', canvas: 'doetank' }],
			[2, { user: user('lars'), section: 'business-cases', canvas: 'doetank' }],
			[3, { user: user('lars'), section: 'business-cases', canvas: 'doetank' }],
			[4, { user: user('mila'), section: 'business-cases', canvas: 'pilot:x' }],
			[5, { user: user('olga'), section: 'probleemdefinitie', canvas: 'doetank' }],
			[6, { section: 'business-cases', canvas: 'doetank' }],
			[7, null]
		];
		expect([...canvasVisitors(states, 'me')]).toEqual([
			['doetank', [user('lars')]],
			['pilot:x', [user('mila')]]
		]);
	});
});
