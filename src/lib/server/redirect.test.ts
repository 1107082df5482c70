import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect';

const ORIGIN = 'https://werkplaats.example.nl';

describe('safeRedirectTarget', () => {
	it.each([
		['/doetanks/abc', '/doetanks/abc'],
		['/cafe/AB12?x=1#top', '/cafe/AB12?x=1#top'],
		['/invite/token123', '/invite/token123'],
		['/a/../b', '/b']
	])('keeps the same-site path %s', (value, expected) => {
		expect(safeRedirectTarget(value, ORIGIN)).toBe(expected);
	});

	it.each([
		'//evil.example',
		'/\t/evil.example',
		'/\\evil.example',
		'/\\/evil.example',
		'/..//evil.example',
		'/x\r\nSet-Cookie: a=b',
		'/x\u0000',
		'https://evil.example/',
		'evil.example',
		'javascript:alert(1)',
		'',
		null,
		undefined
	])('falls back for %j', (value) => {
		expect(safeRedirectTarget(value, ORIGIN)).toBe('/doetanks');
		expect(safeRedirectTarget(value, ORIGIN, '/')).toBe('/');
	});
});
