import { describe, expect, it } from 'vitest';
import { CAFE_FORM, GRAND_CAFE_FORM } from '$lib/domain/instruments/cafe-evaluatie';
import { evaluationFromForm } from './form';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	return data;
};

describe('evaluationFromForm', () => {
	it('turns the café form fields into answers, leaving out what was not filled in', () => {
		const { answers, contact } = evaluationFromForm(
			form({
				'cafe.q1': ' Gemeente Delft ',
				'cafe.q2': '',
				'cafe.q3': 'ja',
				'cafe.q3.text': 'Slim innen',
				'cafe.q5.sterkste_punt': 'Samen werken',
				'cafe.q8.rank.netwerken': '2',
				'cafe.q8.rank.inspiratie_opdoen': '1',
				'cafe.q8.rank.anders_1': '',
				'cafe.q8.writeIn.anders_1': 'Ontdekken',
				'cafe.q9.netwerken': 'te_weinig',
				'cafe.q10': '8'
			}),
			CAFE_FORM
		);
		expect(answers).toEqual({
			'cafe.q1': 'Gemeente Delft',
			'cafe.q3': { choice: 'ja', text: 'Slim innen' },
			'cafe.q5': { sterkste_punt: 'Samen werken' },
			'cafe.q8': { ranks: { netwerken: 2, inspiratie_opdoen: 1 }, writeIns: { anders_1: 'Ontdekken' } },
			'cafe.q9': { netwerken: 'te_weinig' },
			'cafe.q10': 8
		});
		expect(contact).toEqual({});
	});

	it('collects the Grand Café contact details apart from the answers', () => {
		const { answers, contact } = evaluationFromForm(
			form({
				'grand_cafe.q10': 'ja',
				'contact.naam': 'Ann',
				'contact.telefoonnummer': '',
				'contact.emailadres': 'ann@x.nl'
			}),
			GRAND_CAFE_FORM
		);
		expect(answers).toEqual({ 'grand_cafe.q10': { choice: 'ja' } });
		expect(contact).toEqual({ naam: 'Ann', telefoonnummer: '', emailadres: 'ann@x.nl' });
	});
});
