import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as workspace from '.';
import { p, text, writeTiptap } from './tiptap-fixture';

const { businessCaseToMarkdown, canvasField, canvasMap, DOETANK_CANVAS_ID } = workspace;
const { createPilotCanvas, ensureDoetankCanvas, getOrCreatePersonalCanvas, setCanvasStrategy } = workspace;

function filledDoc(): Y.Doc {
	const doc = new Y.Doc();
	ensureDoetankCanvas(doc);
	writeTiptap(canvasField(doc, DOETANK_CANVAS_ID, 'interventie'), [
		p(text('Eén loket voor '), text('alle', 'bold'), text(' schuldeisers'))
	]);
	writeTiptap(canvasField(doc, DOETANK_CANVAS_ID, 'q1_kwantitatieve_inputs'), [
		{
			type: 'bulletList',
			content: [
				{ type: 'listItem', content: [p(text('Vier bijeenkomsten'))] },
				{ type: 'listItem', content: [p(text('Twee dagdelen per maand'))] }
			]
		}
	]);
	writeTiptap(canvasField(doc, DOETANK_CANVAS_ID, 'kosten'), [
		{ type: 'heading', attrs: { level: 1 }, content: [text('Tijd')] }
	]);
	writeTiptap(canvasField(doc, DOETANK_CANVAS_ID, 'productiviteitsstrategie'), [p(text('Minder dubbel werk.'))]);
	setCanvasStrategy(doc, DOETANK_CANVAS_ID, 'zelfde_input_meer_output');
	return doc;
}

describe('businessCaseToMarkdown', () => {
	it('exports every field in canvas order, empty ones as a bare heading', () => {
		const doc = filledDoc();
		expect(businessCaseToMarkdown(canvasMap(doc, DOETANK_CANVAS_ID), { doetankName: 'Slim innen' }, 'nl')).toBe(
			[
				'# Business case: Slim innen',
				'*voor de Doetank als geheel*',
				'## DoeTank:',
				'## Interventie',
				'Eén loket voor **alle** schuldeisers',
				'## Proces en aanpassingen aan Technologie, Organisatie, Personeel',
				'### Proces',
				'### T · Technologie',
				'### O · Organisatie',
				'### P · Personeel',
				'## Q1 Kwantitatieve inputs',
				'- Vier bijeenkomsten\n- Twee dagdelen per maand',
				'## Q2 Kwalitatieve inputs',
				'## Q3 Kwantitatieve outputs',
				'## Q4 Kwalitatieve outputs',
				'## Q5 Kwantitatieve outcome',
				'## Q6 Kwalitatieve outcome',
				'## Business case',
				'## Kosten',
				'#### Tijd',
				'## Baten',
				'## Productiviteitsstrategie',
				'**met dezelfde input, meer output bereiken met een verwachte gunstige outcome**',
				'Minder dubbel werk.'
			].join('\n\n') + '\n'
		);
	});

	it('uses English labels and names the pilot organisation or the member', () => {
		const doc = filledDoc();
		const pilot = createPilotCanvas(doc, 'Gemeente *Utrecht*');
		const english = businessCaseToMarkdown(canvasMap(doc, pilot), { doetankName: 'Slim innen' }, 'en');
		expect(english.split('\n\n').slice(0, 4)).toEqual([
			'# Business case: Slim innen – Gemeente \\*Utrecht\\*',
			'*(Business case) for the solution that is implemented in the organisation*',
			'## Doetank:',
			'## Intervention'
		]);
		expect(english).toContain('## Q6 Qualitative outcome\n\n## Business case (statement)');
		const personal = getOrCreatePersonalCanvas(doc, 'u1');
		expect(
			businessCaseToMarkdown(canvasMap(doc, personal), { doetankName: 'Slim innen', ownerName: 'Anne' }, 'nl')
		).toMatch(/^# Business case: Slim innen – Anne\n\n\*Business case voor Doetanklid zelf\*\n/);
	});
});
