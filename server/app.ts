import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { upgradeRouter, type UpgradeHandler } from './upgrade';

/** Without ORIGIN, adapter-node reads the request's protocol from this header (it assumes https otherwise). */
export const PROTOCOL_HEADER = 'x-doetank-proto';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/**
 * One HTTP server for the whole product: a few exact paths of the process itself (`/metrics`)
 * first, then SvelteKit; websocket upgrades go to the handler registered for their path prefix
 * (the sync server at /sync).
 */
export function createAppServer(
	handler: RequestHandler,
	upgrades: Record<string, UpgradeHandler>,
	routes: Record<string, RequestHandler> = {}
): Server {
	const server = createServer((req, res) => {
		const route = routes[new URL(req.url ?? '/', 'http://localhost').pathname];
		if (route) return route(req, res);
		// Always the socket's own protocol, never what the client claims (see PROTOCOL_HEADER in index.ts).
		req.headers[PROTOCOL_HEADER] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
		handler(req, res);
	});
	server.on('upgrade', upgradeRouter(upgrades));
	return server;
}
