import { expect } from 'vitest';

/**
 * Opens the coach dashboard's event stream at `baseUrl` with a session and, once the stream said
 * `ready`, returns a promise of its first `changed` event (rejected after `ms`) and a close.
 */
export async function nextDashboardChange(
	baseUrl: string,
	sessionId: string | null,
	ms = 8_000
): Promise<{ wait: Promise<void>; close(): void }> {
	const abort = new AbortController();
	const res = await fetch(`${baseUrl}/api/v1/monitoring/events`, {
		headers: { cookie: `doetank_session=${sessionId}` },
		signal: abort.signal
	});
	expect(res.headers.get('content-type')).toContain('text/event-stream');
	const reader = res.body!.getReader();
	let text = '';
	while (!text.includes('event: ready')) text += new TextDecoder().decode((await reader.read()).value);
	const wait = (async () => {
		const timer = setTimeout(() => abort.abort(), ms);
		try {
			while (!text.includes('event: changed')) text += new TextDecoder().decode((await reader.read()).value);
		} finally {
			clearTimeout(timer);
		}
	})();
	return { wait, close: () => abort.abort() };
}
