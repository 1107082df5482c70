/* eslint-disable no-control-regex -- RFC 5545 forbids control characters; these patterns look for them */
/**
 * A strict reading of an iCalendar text by the rules of RFC 5545, written for the tests because no
 * iCalendar parser is installed. It throws on the first violation and returns the component tree
 * with unescaped TEXT values, so a test can both validate a feed and read it back.
 */
export interface IcsProperty {
	name: string;
	params: Record<string, string>;
	/** Raw value as written (after unfolding). */
	raw: string;
}

export interface IcsComponent {
	name: string;
	props: IcsProperty[];
	children: IcsComponent[];
}

const TEXT_PROPS = new Set([
	'SUMMARY',
	'DESCRIPTION',
	'PRODID',
	'X-WR-CALNAME',
	'NAME',
	'UID',
	'TZNAME',
	'LOCATION',
	'COMMENT'
]);
const DATE = /^\d{8}$/;
const UTC_DATE_TIME = /^\d{8}T\d{6}Z$/;
const LOCAL_DATE_TIME = /^\d{8}T\d{6}$/;
const NAME = /^[A-Za-z0-9-]+$/;
const SAFE_PARAM = /^[^";:,\x00-\x08\x0a-\x1f\x7f]*$/;
const QUOTED_PARAM = /^"[^"\x00-\x08\x0a-\x1f\x7f]*"$/;

function fail(message: string): never {
	throw new Error(`RFC 5545: ${message}`);
}

/** §3.1: CRLF line ends, at most 75 octets a line, continuation lines start with a space or tab. */
function unfold(text: string): string[] {
	if (!text.endsWith('\r\n')) fail('the text must end with CRLF');
	if (/\r(?!\n)|(?<!\r)\n/.test(text)) fail('a bare CR or LF outside a CRLF line end');
	const physical = text.slice(0, -2).split('\r\n');
	const logical: string[] = [];
	physical.forEach((line, i) => {
		const octets = new TextEncoder().encode(line).length;
		if (octets > 75) fail(`line ${i + 1} has ${octets} octets (more than 75)`);
		if (line.startsWith(' ') || line.startsWith('\t')) {
			if (logical.length === 0) fail('the first line is a continuation');
			logical[logical.length - 1] += line.slice(1);
		} else {
			if (line === '') fail(`line ${i + 1} is empty`);
			logical.push(line);
		}
	});
	return logical;
}

/** §3.1: name *(";" param) ":" value, with quoted parameter values that may hold ':' and ';'. */
function parseLine(line: string): IcsProperty {
	let i = 0;
	const take = (stop: RegExp) => {
		const start = i;
		while (i < line.length && !stop.test(line[i]!)) i++;
		return line.slice(start, i);
	};
	const name = take(/[;:]/);
	if (!NAME.test(name)) fail(`bad property name in "${line}"`);
	const params: Record<string, string> = {};
	while (line[i] === ';') {
		i++;
		const key = take(/=/);
		if (!NAME.test(key) || line[i] !== '=') fail(`bad parameter in "${line}"`);
		i++;
		let value: string;
		if (line[i] === '"') {
			const end = line.indexOf('"', i + 1);
			if (end < 0) fail(`unterminated quoted parameter in "${line}"`);
			value = line.slice(i, end + 1);
			i = end + 1;
			if (!QUOTED_PARAM.test(value)) fail(`bad quoted parameter in "${line}"`);
		} else {
			value = take(/[;:]/);
			if (!SAFE_PARAM.test(value)) fail(`bad parameter value in "${line}"`);
		}
		params[key.toUpperCase()] = value;
	}
	if (line[i] !== ':') fail(`no ":" after the name in "${line}"`);
	const raw = line.slice(i + 1);
	if (/[\x00-\x08\x0a-\x1f\x7f]/.test(raw)) fail(`control character in the value of ${name}`);
	return { name: name.toUpperCase(), params, raw };
}

/** §3.3.11: only \\ \; \, \n \N are escapes, and ';' and ',' must be escaped. */
export function unescapeText(raw: string, name = 'TEXT'): string {
	let out = '';
	for (let i = 0; i < raw.length; i++) {
		const c = raw[i]!;
		if (c === '\\') {
			const next = raw[++i];
			if (next === 'n' || next === 'N') out += '\n';
			else if (next === '\\' || next === ';' || next === ',') out += next;
			else fail(`bad escape "\\${next ?? ''}" in ${name}`);
		} else if (c === ';' || c === ',') {
			fail(`unescaped "${c}" in ${name}`);
		} else {
			out += c;
		}
	}
	return out;
}

function once(c: IcsComponent, name: string, required: boolean): IcsProperty | undefined {
	const found = c.props.filter((p) => p.name === name);
	if (found.length > 1) fail(`${name} more than once in ${c.name}`);
	if (required && found.length === 0) fail(`${c.name} without ${name}`);
	return found[0];
}

function checkDateValue(p: IcsProperty): void {
	const isDate = p.params.VALUE === 'DATE';
	if (isDate ? !DATE.test(p.raw) : !(UTC_DATE_TIME.test(p.raw) || LOCAL_DATE_TIME.test(p.raw))) {
		fail(`${p.name} value "${p.raw}" is not a ${isDate ? 'DATE' : 'DATE-TIME'}`);
	}
}

function checkComponent(c: IcsComponent): void {
	for (const p of c.props) if (TEXT_PROPS.has(p.name)) unescapeText(p.raw, p.name);
	if (c.name === 'VCALENDAR') {
		if (once(c, 'VERSION', true)!.raw !== '2.0') fail('VERSION must be 2.0');
		once(c, 'PRODID', true);
		once(c, 'CALSCALE', false);
		once(c, 'METHOD', false);
		if (c.children.length === 0) fail('a VCALENDAR needs at least one component');
	}
	if (c.name === 'VEVENT') {
		once(c, 'UID', true);
		const stamp = once(c, 'DTSTAMP', true)!;
		if (!UTC_DATE_TIME.test(stamp.raw)) fail('DTSTAMP must be a UTC DATE-TIME');
		const start = once(c, 'DTSTART', true)!;
		checkDateValue(start);
		const end = once(c, 'DTEND', false);
		if (end && once(c, 'DURATION', false)) fail('DTEND and DURATION together');
		if (end) {
			checkDateValue(end);
			if ((end.params.VALUE === 'DATE') !== (start.params.VALUE === 'DATE'))
				fail('DTEND and DTSTART of different types');
			if (end.raw <= start.raw) fail('DTEND is not after DTSTART');
		}
		const sequence = once(c, 'SEQUENCE', false);
		if (sequence && !/^\d+$/.test(sequence.raw)) fail('SEQUENCE must be a non-negative integer');
		const status = once(c, 'STATUS', false);
		if (status && !['TENTATIVE', 'CONFIRMED', 'CANCELLED'].includes(status.raw))
			fail(`bad VEVENT STATUS ${status.raw}`);
	}
	if (c.name === 'VTIMEZONE') {
		once(c, 'TZID', true);
		if (!c.children.some((x) => x.name === 'STANDARD' || x.name === 'DAYLIGHT'))
			fail('VTIMEZONE without STANDARD or DAYLIGHT');
	}
	if (c.name === 'STANDARD' || c.name === 'DAYLIGHT') {
		checkDateValue(once(c, 'DTSTART', true)!);
		for (const n of ['TZOFFSETFROM', 'TZOFFSETTO']) if (!/^[+-]\d{4}$/.test(once(c, n, true)!.raw)) fail(`bad ${n}`);
	}
	c.children.forEach(checkComponent);
}

/** Validates the whole text and returns its single VCALENDAR. */
export function parseIcs(text: string): IcsComponent {
	const stack: IcsComponent[] = [];
	let root: IcsComponent | null = null;
	for (const line of unfold(text)) {
		const p = parseLine(line);
		if (p.name === 'BEGIN') {
			if (root && stack.length === 0) fail('content after the VCALENDAR');
			const c: IcsComponent = { name: p.raw.toUpperCase(), props: [], children: [] };
			if (!NAME.test(c.name)) fail(`bad component name ${p.raw}`);
			if (stack.length === 0) {
				if (c.name !== 'VCALENDAR') fail('the text must start with BEGIN:VCALENDAR');
				root = c;
			} else {
				stack[stack.length - 1]!.children.push(c);
			}
			stack.push(c);
		} else if (p.name === 'END') {
			const open = stack.pop();
			if (!open || open.name !== p.raw.toUpperCase()) fail(`END:${p.raw} does not close ${open?.name ?? 'anything'}`);
		} else {
			const open = stack[stack.length - 1];
			if (!open) fail(`property ${p.name} outside a component`);
			open.props.push(p);
		}
	}
	if (!root || stack.length > 0) fail('unbalanced BEGIN/END');
	checkComponent(root);
	return root;
}

/** The VEVENTs with their properties, TEXT values unescaped. */
export function icsEvents(calendar: IcsComponent): Record<string, string>[] {
	return calendar.children
		.filter((c) => c.name === 'VEVENT')
		.map((e) => Object.fromEntries(e.props.map((p) => [p.name, TEXT_PROPS.has(p.name) ? unescapeText(p.raw) : p.raw])));
}
