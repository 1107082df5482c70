/** Message the service worker understands (src/service-worker.ts). */
export interface KeepPageMessage {
	type: 'keep-page';
	path: string;
}

/** Pages the service worker keeps for an offline reload. */
export const OFFLINE_PAGE = /^\/doetanks\/[^/]+\/werkruimte\/?$/;

/**
 * Asks the service worker to keep this page for offline reloads. Needed on the first visit (the
 * worker did not serve that page yet) and after a client-side navigation (no HTML was fetched).
 */
export function keepForOffline(path: string): void {
	if (!('serviceWorker' in navigator)) return;
	const message: KeepPageMessage = { type: 'keep-page', path };
	void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage(message));
}
