import { describe, expect, it } from 'vitest';
import {
	businessCaseSubject,
	canvasOf,
	CHECKPOINT_STATUSES,
	isSubject,
	nextStatus,
	normaliseSubjects,
	statusOf,
	type CheckpointEvent
} from './checkpoints';

describe('checkpoint status machine', () => {
	const EVENTS: CheckpointEvent[] = ['submit', 'approve', 'requestChanges', 'reschedule'];
	// Every status × every event, written out: null where the event is refused.
	const EXPECTED = {
		gepland: { submit: 'ingediend', approve: null, requestChanges: null, reschedule: 'gepland' },
		ingediend: { submit: null, approve: 'goedgekeurd', requestChanges: 'aanpassing_gevraagd', reschedule: 'ingediend' },
		aanpassing_gevraagd: {
			submit: 'ingediend',
			approve: null,
			requestChanges: null,
			reschedule: 'aanpassing_gevraagd'
		},
		goedgekeurd: { submit: null, approve: null, requestChanges: null, reschedule: null }
	} as const;
	for (const status of CHECKPOINT_STATUSES) {
		for (const event of EVENTS) {
			it(`${status} + ${event} → ${EXPECTED[status][event]}`, () => {
				expect(nextStatus(status, event)).toBe(EXPECTED[status][event]);
			});
		}
	}

	it('derives the status from the rounds', () => {
		expect(statusOf([])).toBe('gepland');
		expect(statusOf([{ decision: null }])).toBe('ingediend');
		expect(statusOf([{ decision: 'changes_requested' }])).toBe('aanpassing_gevraagd');
		expect(statusOf([{ decision: 'changes_requested' }, { decision: null }])).toBe('ingediend');
		expect(statusOf([{ decision: 'changes_requested' }, { decision: 'approved' }])).toBe('goedgekeurd');
	});
});

describe('checkpoint subjects', () => {
	it.each([
		['probleemdefinitie', true],
		['actielijst', true],
		['businessCase:doetank', true],
		['businessCase:pilot:k3j4h5g6f7d8s9a0', true],
		['businessCase:personal:user_1-x', true],
		['businessCase:', false],
		['businessCase:has space', false],
		[`businessCase:${'x'.repeat(101)}`, false],
		['Probleemdefinitie', false],
		['business case', false],
		[42, false],
		[null, false]
	])('%j → %s', (value, ok) => {
		expect(isSubject(value)).toBe(ok);
	});

	it('names the canvas of a business case', () => {
		expect(canvasOf(businessCaseSubject('pilot:abc'))).toBe('pilot:abc');
		expect(canvasOf('probleemdefinitie')).toBeNull();
	});

	it('orders and deduplicates: probleemdefinitie, business cases by id, actielijst', () => {
		expect(
			normaliseSubjects([
				'actielijst',
				'businessCase:pilot:b',
				'probleemdefinitie',
				'businessCase:doetank',
				'actielijst'
			])
		).toEqual(['probleemdefinitie', 'businessCase:doetank', 'businessCase:pilot:b', 'actielijst']);
	});
});
