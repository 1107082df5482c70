import { describe, expect, it } from 'vitest';
import { icsEvents, parseIcs } from '../../../tests/integration/helpers/ical-check';
import { escapeText, foldLine, icsDateTime, serializeCalendar, type IcsEvent } from './ical';

const STAMP = new Date(Date.UTC(2026, 10, 27, 9, 30, 5));
const event = (patch: Partial<IcsEvent> = {}): IcsEvent => ({
	uid: 'checkpoint-abc@doetank-werkplaats',
	stamp: STAMP,
	day: '2026-12-31',
	summary: 'Terugkoppelmoment: probleemdefinitie',
	...patch
});
const calendar = (events: IcsEvent[]) =>
	serializeCalendar({ prodId: '-//Doetank Werkplaats//NL', name: 'Mijn Doetanks', refreshMinutes: 60, events });

describe('iCalendar text values', () => {
	it('escapes backslash, semicolon, comma and newlines', () => {
		expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
	});
	it('writes UTC date-times', () => {
		expect(icsDateTime(STAMP)).toBe('20261127T093005Z');
	});
});

describe('line folding', () => {
	const octets = (s: string) => new TextEncoder().encode(s).length;
	it('leaves a line of exactly 75 octets alone and folds one of 76', () => {
		expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
		expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
	});
	it('keeps every physical line within 75 octets, counting the leading space', () => {
		const folded = foldLine(`SUMMARY:${'ab'.repeat(200)}`);
		for (const line of folded.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
		expect(
			folded
				.split('\r\n')
				.map((l, i) => (i === 0 ? l : l.slice(1)))
				.join('')
		).toBe(`SUMMARY:${'ab'.repeat(200)}`);
	});
	it('never splits a multi-octet character', () => {
		const line = `SUMMARY:${'é'.repeat(60)}${'🙂'.repeat(30)}`;
		const parts = foldLine(line).split('\r\n');
		for (const part of parts) {
			expect(octets(part)).toBeLessThanOrEqual(75);
			expect(part).not.toContain('\uFFFD');
			expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(part))).toBe(part);
		}
		expect(parts.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
	});
});

describe('serializeCalendar', () => {
	it('writes a valid calendar with all-day events that reads back to the same values', () => {
		const long = `Doetank "Slim innen"; schulden, boetes en wachtlijsten\nTweede regel met een backslash \\ ${'lang '.repeat(30)}`;
		const text = calendar([
			event({
				description: long,
				url: 'https://werkplaats.example/doetanks/x/terugkoppelmomenten/y',
				sequence: 3,
				status: 'CONFIRMED'
			})
		]);
		const root = parseIcs(text);
		const [e] = icsEvents(root);
		expect(e).toMatchObject({
			UID: 'checkpoint-abc@doetank-werkplaats',
			DTSTAMP: '20261127T093005Z',
			DTSTART: '20261231',
			DTEND: '20270101',
			SUMMARY: 'Terugkoppelmoment: probleemdefinitie',
			DESCRIPTION: long,
			URL: 'https://werkplaats.example/doetanks/x/terugkoppelmomenten/y',
			SEQUENCE: '3',
			STATUS: 'CONFIRMED'
		});
		expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
		expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
	});

	it('stays valid without events (the time zone is the required component)', () => {
		const root = parseIcs(calendar([]));
		expect(root.children.map((c) => c.name)).toEqual(['VTIMEZONE']);
	});

	it('ends a day-long event on the next day across month and leap-year ends', () => {
		const days = ['2028-02-28', '2028-02-29', '2027-02-28'].map((day, i) => event({ uid: `u${i}`, day }));
		expect(icsEvents(parseIcs(calendar(days))).map((e) => e.DTEND)).toEqual(['20280229', '20280301', '20270301']);
	});

	it('is rejected by the checker when a rule is broken', () => {
		const good = calendar([event()]);
		expect(() => parseIcs(good.replace('\r\n', '\n'))).toThrow(/CR or LF/);
		expect(() => parseIcs(good.replace(/UID:[^\r]*\r\n/, ''))).toThrow(/without UID/);
		expect(() => parseIcs(good.replace(/DTSTAMP:[^\r]*\r\n/, ''))).toThrow(/without DTSTAMP/);
		expect(() => parseIcs(good.replace('SUMMARY:Terugkoppelmoment', 'SUMMARY:a,b'))).toThrow(/unescaped/);
		expect(() => parseIcs(good.replace('SUMMARY:Terugkoppelmoment', `SUMMARY:${'x'.repeat(80)}`))).toThrow(/octets/);
		expect(() => parseIcs(good.replace('END:VEVENT\r\n', ''))).toThrow(/does not close|unbalanced/);
	});
});
