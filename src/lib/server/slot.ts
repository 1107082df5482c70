import type { Services } from './services';

/*
 * The production entries (server/index.ts, server/sync-main.ts, bundled apart by server/build.js)
 * load SvelteKit's handler, whose init hook builds the services and whose hooks module offers the
 * process code (server/processes.ts). This process-wide slot hands both to the entries, so every
 * process holds exactly one copy of the code and one database connection.
 */
const SLOT = Symbol.for('doetank-werkplaats.services');
const PROCESSES = Symbol.for('doetank-werkplaats.processes');
type Processes = typeof import('../../../server/processes');
type Slot = { [SLOT]?: Promise<Services>; [PROCESSES]?: () => Promise<Processes> };

export function servicesOr(create: () => Promise<Services>): Promise<Services> {
	const slot = globalThis as Slot;
	slot[SLOT] ??= create();
	return slot[SLOT];
}

export function providedServices(): Promise<Services> {
	const services = (globalThis as Slot)[SLOT];
	if (!services) throw new Error('Services were not created: load the SvelteKit handler first');
	return services;
}

/** Called by hooks.server.ts, so the process code is built into SvelteKit's server bundle. */
export function offerProcesses(load: () => Promise<Processes>): void {
	(globalThis as Slot)[PROCESSES] = load;
}

export function providedProcesses(): Promise<Processes> {
	const load = (globalThis as Slot)[PROCESSES];
	if (!load) throw new Error('The process code was not offered: load the SvelteKit handler first');
	return load();
}
