import { Lucia, TimeSpan } from 'lucia';
import type { NetworkRole } from '$lib/domain/roles';
import type { Database } from '../db/client';
import { LibsqlSessionAdapter, type SessionAttributes, type SessionUserAttributes } from '../db/sessions';

export const SESSION_COOKIE = 'doetank_session';

/** `allowDemo` false: sessions of demo accounts are not valid (the demo is switched off). */
export function createLucia(db: Database, secureCookies: boolean, allowDemo = true) {
	return new Lucia(new LibsqlSessionAdapter(db, allowDemo), {
		sessionExpiresIn: new TimeSpan(30, 'd'),
		sessionCookie: { name: SESSION_COOKIE, attributes: { secure: secureCookies, sameSite: 'lax' } },
		getSessionAttributes: (attributes) => attributes,
		getUserAttributes: (attributes) => ({
			email: attributes.email,
			name: attributes.name,
			networkRole: attributes.networkRole as NetworkRole
		})
	});
}

export type AppLucia = ReturnType<typeof createLucia>;

declare module 'lucia' {
	interface Register {
		Lucia: AppLucia;
		DatabaseSessionAttributes: SessionAttributes;
		DatabaseUserAttributes: SessionUserAttributes;
	}
}
