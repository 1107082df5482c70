import type { WebSocket, WebSocketServer } from 'ws';

/**
 * Pings every socket each `intervalMs`; one that has not answered the previous ping by the next is
 * terminated, which removes its presence at once. So a client that vanished without closing (network
 * gone, laptop lid shut) is noticed within two intervals. `onTick` runs the application-level
 * heartbeat (`alive`, see src/lib/sync/protocol.ts) on the same beat.
 */
export function startHeartbeat(wss: WebSocketServer, intervalMs: number, onTick?: () => void): () => void {
	const alive = new WeakSet<WebSocket>();
	wss.on('connection', (ws: WebSocket) => {
		alive.add(ws);
		ws.on('pong', () => alive.add(ws));
	});
	const timer = setInterval(() => {
		for (const ws of wss.clients) {
			if (!alive.has(ws)) {
				ws.terminate();
				continue;
			}
			alive.delete(ws);
			ws.ping();
		}
		onTick?.();
	}, intervalMs);
	timer.unref();
	return () => clearInterval(timer);
}
