import { createServices } from '$lib/server/services';
import { createAppServer } from './app';
import { configOrExit, exitOnSignals, failedToStart } from './lifecycle';
import { metricsRoute } from './metrics-route';
import { createSyncServer, syncOptions } from './sync/server';

/**
 * The sync server on its own (`npm run sync`), against the same database as the web app: for
 * running the websocket load on other machines. Browsers find it through PUBLIC_SYNC_URL.
 */
async function main(): Promise<void> {
	const config = configOrExit();
	const services = await createServices(config);
	const sync = createSyncServer(services, syncOptions(config));
	const health = async (_req: unknown, res: import('node:http').ServerResponse) => {
		const ok = await services.db.execute('SELECT 1').then(
			() => true,
			() => false
		);
		res
			.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
			.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable' }));
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

main().catch(failedToStart);
