import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { upgradeRouter, refuseUpgrade } from './upgrade';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/**
 * One HTTP server for the whole product: SvelteKit answers requests, and websocket
 * upgrades under /sync are routed here (the sync server plugs in at that prefix).
 */
export function createAppServer(handler: RequestHandler): Server {
	const server = createServer((req, res) => handler(req, res));
	server.on(
		'upgrade',
		upgradeRouter({
			'/sync': (_req, socket) => refuseUpgrade(socket, 404, 'Sync is not available yet')
		})
	);
	return server;
}
