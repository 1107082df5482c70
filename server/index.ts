import { providedServices } from '$lib/server/slot';
import { createAppServer, PROTOCOL_HEADER, type RequestHandler } from './app';
import { configOrExit, exitOnSignals, failedToStart } from './lifecycle';
import { metricsRoute } from './metrics-route';
import { createSyncServer, syncOptions } from './sync/server';

/** The production process: web UI, API and sync server on one port. */
async function main(): Promise<void> {
	const config = configOrExit();
	// Without a configured ORIGIN the app is reached by whatever host name people use (localhost, a
	// café laptop's LAN address); SvelteKit's form origin check then compares against the real
	// protocol and Host header of each request.
	if (!config.ORIGIN) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
	// Importing the handler runs SvelteKit's init hook, which opens the database and builds the services.
	const { handler } = (await import(new URL('./handler.js', import.meta.url).href)) as { handler: RequestHandler };
	const services = await providedServices();

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

main().catch(failedToStart);
