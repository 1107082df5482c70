import type { Actor } from '$lib/domain/policy';
import type { Locale, Translate } from '$lib/i18n';
import type { Services } from '$lib/server/services';
import type { Session } from 'lucia';

declare global {
	namespace App {
		interface Error {
			message: string;
			code?: string;
		}
		interface Locals {
			services: Services;
			user: (Actor & { name: string; email: string }) | null;
			session: Session | null;
			/** The request carried a session cookie that is no longer valid (ended, expired or revoked). */
			sessionEnded: boolean;
			locale: Locale;
			t: Translate;
		}
	}
}

export {};
