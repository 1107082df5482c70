/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';
import { OFFLINE_PAGE, type KeepPageMessage } from '$lib/sync/offline';

/**
 * Lets a workspace page reload without a network: the app's files are cached at install, and the
 * last HTML of each workspace page is kept (network first, cache when offline). The document itself
 * comes from IndexedDB (src/lib/sync). Nothing else is intercepted.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `werkplaats-${version}`;
const ASSETS = new Set([...build, ...files]);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll([...ASSETS]))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			// Pages kept by an older version point at its files, which are gone: drop them together.
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

const pageKey = (path: string) => new URL(path, sw.location.origin).href;

async function keepPage(path: string, response: Response): Promise<void> {
	const cache = await caches.open(CACHE);
	if (response.ok && !response.redirected && response.type === 'basic') await cache.put(pageKey(path), response);
	// A redirect (to the login page) or a refusal means the page is no longer this user's to see;
	// a server error says nothing about that.
	else if (response.status < 500) await cache.delete(pageKey(path));
}

async function forgetPages(): Promise<void> {
	const cache = await caches.open(CACHE);
	for (const request of await cache.keys()) {
		if (OFFLINE_PAGE.test(new URL(request.url).pathname)) await cache.delete(request);
	}
}

async function networkFirst(request: Request, path: string): Promise<Response> {
	try {
		const response = await fetch(request);
		await keepPage(path, response.clone());
		return response;
	} catch (err) {
		const kept = await caches.match(pageKey(path));
		if (kept) return kept;
		throw err;
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	// Logging in or out changes whose pages these are.
	if (request.method === 'POST' && (url.pathname === '/login' || url.pathname === '/logout')) {
		event.waitUntil(forgetPages());
		return;
	}
	if (request.method !== 'GET') return;
	if (ASSETS.has(url.pathname)) {
		event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request)));
	} else if (request.mode === 'navigate' && OFFLINE_PAGE.test(url.pathname)) {
		event.respondWith(networkFirst(request, url.pathname));
	}
});

sw.addEventListener('message', (event) => {
	const message = event.data as KeepPageMessage | null;
	if (message?.type !== 'keep-page' || !OFFLINE_PAGE.test(message.path)) return;
	event.waitUntil(
		fetch(message.path, { credentials: 'same-origin' })
			.then((response) => keepPage(message.path, response))
			.catch(() => undefined)
	);
});
