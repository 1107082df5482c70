import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

function sameSecret(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics` in Prometheus text format, only for "Authorization: Bearer <METRICS_TOKEN>".
 * Without a configured token, or with a wrong one, the path does not exist (404): the figures
 * (Node version, memory, counts) are for the operator, not for visitors.
 */
export function metricsRoute(registry: Registry, token?: string) {
	return (req: IncomingMessage, res: ServerResponse): void => {
		if (!token || !sameSecret(req.headers.authorization ?? '', `Bearer ${token}`)) {
			res.writeHead(404, { 'content-type': 'text/plain', 'x-content-type-options': 'nosniff' }).end('Not found');
			return;
		}
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('Method not allowed');
			return;
		}
		registry.metrics().then(
			(body) =>
				res.writeHead(200, { 'content-type': registry.contentType }).end(req.method === 'HEAD' ? undefined : body),
			() => res.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics unavailable')
		);
	};
}
