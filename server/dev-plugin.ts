import type { Plugin, ViteDevServer } from 'vite';
import type { Services } from '../src/lib/server/services';
import type { SyncServer } from './sync/server';

/**
 * Serves /sync from `npm run dev` too, so the workspace works in development. The sync server is
 * loaded through Vite's SSR module graph with the services SvelteKit's init hook uses (the slot).
 */
export function devSync(): Plugin {
	let sync: Promise<SyncServer> | null = null;
	const load = async (vite: ViteDevServer): Promise<SyncServer> => {
		const { loadConfig } = (await vite.ssrLoadModule(
			'/src/lib/server/config.ts'
		)) as typeof import('../src/lib/server/config');
		const { createServices } = (await vite.ssrLoadModule(
			'/src/lib/server/services.ts'
		)) as typeof import('../src/lib/server/services');
		const { servicesOr } = (await vite.ssrLoadModule(
			'/src/lib/server/slot.ts'
		)) as typeof import('../src/lib/server/slot');
		const { createSyncServer, syncOptions } = (await vite.ssrLoadModule(
			'/server/sync/server.ts'
		)) as typeof import('./sync/server');
		const config = loadConfig(process.env);
		const services: Services = await servicesOr(() => createServices(config));
		return createSyncServer(services, syncOptions(config));
	};
	return {
		name: 'doetank-dev-sync',
		apply: 'serve',
		configureServer(vite) {
			vite.httpServer?.on('upgrade', (req, socket, head) => {
				const path = new URL(req.url ?? '/', 'http://localhost').pathname;
				if (!path.startsWith('/sync/')) return;
				sync ??= load(vite);
				sync.then(
					(s) => s.handleUpgrade(req, socket, head),
					(err: unknown) => {
						vite.config.logger.error(`sync server could not start: ${String(err)}`);
						socket.destroy();
					}
				);
			});
		}
	};
}
