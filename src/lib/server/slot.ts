import type { Services } from './services';

/*
 * The production entry (server/) loads SvelteKit's handler, whose init hook builds the services.
 * This process-wide slot hands them to the entry and the sync server, so every process holds
 * exactly one copy of the service code and one database connection.
 */
const SLOT = Symbol.for('doetank-werkplaats.services');
type Slot = { [SLOT]?: Promise<Services> };

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
