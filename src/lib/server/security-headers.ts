import type { RequestEvent } from '@sveltejs/kit';

/** Methods that change nothing; every other method must come from this site. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a state-changing request comes from another site. SvelteKit checks the Origin of form
 * posts only; this covers every content type (JSON, none at all, e.g. a `POST /logout` from a foreign page).
 * A request without Origin and without Sec-Fetch-Site is not from a browser (curl, scripts) and may pass:
 * the session cookie is SameSite=Lax, and browsers send Origin on every cross-site POST.
 */
export function isCrossSiteWrite(event: Pick<RequestEvent, 'request' | 'url'>): boolean {
	if (SAFE_METHODS.has(event.request.method)) return false;
	const origin = event.request.headers.get('origin');
	const site = event.request.headers.get('sec-fetch-site');
	return (origin !== null && origin !== event.url.origin) || site === 'cross-site' || site === 'same-site';
}

/**
 * Headers on every response SvelteKit makes. The Content-Security-Policy itself comes from
 * `kit.csp` (svelte.config.js: nonces for scripts); a separate sync server is added to its connect-src here.
 */
export function addSecurityHeaders(headers: Headers, publicSyncUrl?: string): void {
	headers.set('x-content-type-options', 'nosniff');
	headers.set('referrer-policy', 'same-origin');
	headers.set('x-frame-options', 'DENY');
	const csp = headers.get('content-security-policy');
	if (csp && publicSyncUrl) {
		headers.set(
			'content-security-policy',
			csp.replace("connect-src 'self'", `connect-src 'self' ${new URL(publicSyncUrl).origin}`)
		);
	}
}
