import { providedProcesses, providedServices } from '$lib/server/slot';
import { configOrExit, failedToStart } from './lifecycle';

/**
 * The sync server on its own (`npm run sync`), against the same database as the web app: for
 * running the websocket load on other machines. Browsers find it through PUBLIC_SYNC_URL. It loads
 * SvelteKit's handler only for its init hook (database, services) and its code (server/processes.ts).
 */
async function main(): Promise<void> {
	const config = configOrExit();
	await import(new URL('./handler.js', import.meta.url).href);
	const [services, processes] = await Promise.all([providedServices(), providedProcesses()]);
	processes.serveSync(services, config);
}

main().catch(failedToStart);
