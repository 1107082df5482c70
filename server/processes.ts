import type { ServerResponse } from 'node:http';
import type { Config } from '$lib/server/config';
import type { Services } from '$lib/server/services';
import { createAppServer, type RequestHandler } from './app';
import { exitOnSignals } from './lifecycle';
import { metricsRoute } from './metrics-route';
import { createSyncServer, syncOptions } from './sync/server';

/*
 * The two production processes. This module is part of SvelteKit's server bundle: hooks.server.ts
 * hands it to the entries (server/index.ts, server/sync-main.ts) through the slot, so they run
 * SvelteKit's own chunks and every module exists once at run time (server/build.js checks it).
 */

/** Web UI, API and sync server on one port. */
export async function serveWeb(handler: RequestHandler, services: Services, config: Config): Promise<void> {
	const sync = createSyncServer(services, syncOptions(config));
	const server = createAppServer(
		handler,
		{ '/sync': sync.handleUpgrade },
		{ '/metrics': metricsRoute(sync.metrics, config.METRICS_TOKEN) }
	);
	server.listen(config.PORT, config.HOST, () => {
		const url = config.ORIGIN ?? `http://localhost:${config.PORT}`;
		services.log.info({ url, database: config.DATABASE_URL }, 'Doetank Werkplaats is running');
	});
	const demo = await services.demoAccounts();
	if (demo.length > 0) {
		services.log.info(
			{ password: services.demoPassword, accounts: demo.map((u) => `${u.email} (${u.networkRole})`) },
			'DEMO NETWORK active: example data, log in with one of these accounts'
		);
	}
	exitOnSignals(server, sync, services);
}

/** The sync server on its own port, with /metrics and /healthz. */
export function serveSync(services: Services, config: Config): void {
	const sync = createSyncServer(services, syncOptions(config));
	const health = async (_req: unknown, res: ServerResponse) => {
		const ok = await services.db.execute('SELECT 1').then(
			() => true,
			() => false
		);
		// As the web process's /healthz: cut off from Redis, it still serves its own clients (degraded).
		const redis = services.cluster && (services.cluster.bus.state === 'ok' ? 'ok' : 'unavailable');
		const status = !ok ? 'unavailable' : redis === 'unavailable' ? 'degraded' : 'ok';
		res
			.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
			.end(JSON.stringify(redis ? { status, redis } : { status }));
	};
	const server = createAppServer(
		(_req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'),
		{ '/sync': sync.handleUpgrade },
		{ '/metrics': metricsRoute(sync.metrics, config.METRICS_TOKEN), '/healthz': (req, res) => void health(req, res) }
	);
	server.listen(config.SYNC_PORT, config.HOST, () => {
		services.log.info({ port: config.SYNC_PORT, database: config.DATABASE_URL }, 'Doetank sync server is running');
	});
	exitOnSignals(server, sync, services);
}
