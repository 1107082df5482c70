import { providedProcesses, providedServices } from '$lib/server/slot';
import { PROTOCOL_HEADER, type RequestHandler } from './app';
import { configOrExit, failedToStart } from './lifecycle';

/** The production process: web UI, API and sync server on one port (server/processes.ts). */
async function main(): Promise<void> {
	const config = configOrExit();
	// Without a configured ORIGIN the app is reached by whatever host name people use (localhost, a
	// café laptop's LAN address); SvelteKit's form origin check then compares against the real
	// protocol and Host header of each request.
	if (!config.ORIGIN) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
	// Importing the handler runs SvelteKit's init hook, which opens the database and builds the services.
	const { handler } = (await import(new URL('./handler.js', import.meta.url).href)) as { handler: RequestHandler };
	const [services, processes] = await Promise.all([providedServices(), providedProcesses()]);
	await processes.serveWeb(handler, services, config);
}

main().catch(failedToStart);
