import { ConfigError, loadConfig } from '../src/lib/server/config';
import { providedServices } from '../src/lib/server/slot';
import { createAppServer, PROTOCOL_HEADER, type RequestHandler } from './app';
import { createSyncServer, syncOptions } from './sync/server';

async function main(): Promise<void> {
	let config;
	try {
		config = loadConfig(process.env);
	} catch (err) {
		if (err instanceof ConfigError) {
			console.error(err.message);
			process.exit(78);
		}
		throw err;
	}
	// Without a configured ORIGIN the app is reached by whatever host name people use (localhost, a
	// café laptop's LAN address); SvelteKit's form origin check then compares against the real
	// protocol and Host header of each request.
	if (!config.ORIGIN) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
	// Importing the handler runs SvelteKit's init hook, which opens the database and builds the services.
	const { handler } = (await import(new URL('./handler.js', import.meta.url).href)) as { handler: RequestHandler };
	const services = await providedServices();

	const sync = createSyncServer(services, syncOptions(config));
	const server = createAppServer(handler, { '/sync': sync.handleUpgrade });
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

	const stop = (signal: string) => {
		services.log.info({ signal }, 'shutting down');
		server.close();
		server.closeAllConnections();
		sync
			.close()
			.then(() => services.close())
			.finally(() => process.exit(0));
		setTimeout(() => process.exit(0), 5000).unref();
	};
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
	console.error('Doetank Werkplaats could not start:', err);
	process.exit(1);
});
