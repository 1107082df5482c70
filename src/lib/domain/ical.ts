/**
 * A small iCalendar (RFC 5545) writer for the personal feed: all-day VEVENTs in one VCALENDAR.
 * Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character (§3.1);
 * TEXT values are escaped (§3.3.11).
 */
export interface IcsEvent {
	/** Globally unique and stable across feed refreshes, so calendar apps update instead of duplicate. */
	uid: string;
	/** When this copy of the event was made (DTSTAMP). */
	stamp: Date;
	/** The day, 'YYYY-MM-DD'; the event lasts that whole day. */
	day: string;
	summary: string;
	description?: string;
	url?: string;
	/** Raised on every reschedule so clients take the new date (§3.8.7.4). */
	sequence?: number;
	status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
}

export interface IcsCalendar {
	prodId: string;
	name: string;
	/** How often subscribers should reload (RFC 7986 REFRESH-INTERVAL). */
	refreshMinutes: number;
	events: readonly IcsEvent[];
}

export const ICS_MAX_OCTETS = 75;

export function escapeText(value: string): string {
	return value
		.replace(/\r\n?/g, '\n')
		.replace(/[\\;,]/g, (c) => `\\${c}`)
		.replace(/\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Splits one content line into physical lines of at most 75 octets; continuations start with a space. */
export function foldLine(line: string): string {
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		const limit = parts.length === 0 ? ICS_MAX_OCTETS : ICS_MAX_OCTETS - 1;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** UTC DATE-TIME form, e.g. 20261127T093000Z. */
export function icsDateTime(date: Date): string {
	return (
		`${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
		`T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
	);
}

const icsDate = (day: string) => day.replaceAll('-', '');

function nextDay(day: string): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + 1);
	return date.toISOString().slice(0, 10);
}

function eventLines(e: IcsEvent): string[] {
	return [
		'BEGIN:VEVENT',
		`UID:${escapeText(e.uid)}`,
		`DTSTAMP:${icsDateTime(e.stamp)}`,
		`DTSTART;VALUE=DATE:${icsDate(e.day)}`,
		`DTEND;VALUE=DATE:${icsDate(nextDay(e.day))}`,
		`SUMMARY:${escapeText(e.summary)}`,
		...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
		...(e.url ? [`URL:${e.url}`] : []),
		`SEQUENCE:${e.sequence ?? 0}`,
		...(e.status ? [`STATUS:${e.status}`] : []),
		'TRANSP:TRANSPARENT',
		'END:VEVENT'
	];
}

/**
 * The network's time zone. The events are all-day dates and need no zone, but RFC 5545 wants at
 * least one component in a calendar, and a feed without events must stay valid.
 */
const AMSTERDAM = [
	'BEGIN:VTIMEZONE',
	'TZID:Europe/Amsterdam',
	'BEGIN:DAYLIGHT',
	'DTSTART:19810329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'DTSTART:19961027T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'END:STANDARD',
	'END:VTIMEZONE'
];

export function serializeCalendar(calendar: IcsCalendar): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${escapeText(calendar.prodId)}`,
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(calendar.name)}`,
		`NAME:${escapeText(calendar.name)}`,
		`REFRESH-INTERVAL;VALUE=DURATION:PT${calendar.refreshMinutes}M`,
		`X-PUBLISHED-TTL:PT${calendar.refreshMinutes}M`,
		'X-WR-TIMEZONE:Europe/Amsterdam',
		...AMSTERDAM,
		...calendar.events.flatMap(eventLines),
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
