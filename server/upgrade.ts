import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** Answers an upgrade request with a plain HTTP status instead of switching protocols. */
export function refuseUpgrade(socket: Duplex, status: number, body = ''): void {
	if (!socket.writable) {
		socket.destroy();
		return;
	}
	socket.end(
		`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
			'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
			`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
	);
}

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** Routes websocket upgrades by path prefix; everything else is refused with 404. */
export function upgradeRouter(routes: Record<string, UpgradeHandler>): UpgradeHandler {
	return (req, socket, head) => {
		const path = new URL(req.url ?? '/', 'http://localhost').pathname;
		const prefix = Object.keys(routes).find((p) => path === p || path.startsWith(`${p}/`));
		const route = prefix ? routes[prefix] : undefined;
		if (route) route(req, socket, head);
		else refuseUpgrade(socket, 404, 'Not found');
	};
}
