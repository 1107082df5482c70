import * as Y from 'yjs';
import type { z } from 'zod';
import type { Database } from '../db/client';
import { appendUpdateStatement } from '../db/doc-log';
import { AppError } from '../errors';
import { parseInput } from '../parse';

/** Test support: the error code a service call ends with, or 'ok'. */
export async function outcome(work: Promise<unknown>): Promise<string> {
	try {
		await work;
		return 'ok';
	} catch (err) {
		if (err instanceof AppError) return err.code;
		throw err;
	}
}

/** Test support: Doetanks, users (named 'Naam <id>') and their roles, written straight into the database. */
export async function seedNetwork(
	db: Database,
	network: {
		doetanks: [id: string, name: string][];
		users: string[];
		roles: [doetankId: string, userId: string, role: string][];
	}
): Promise<void> {
	const memberships = [...new Set(network.roles.map(([d, u]) => `${d}|${u}`))].map(
		(key) => key.split('|') as [string, string]
	);
	await db.batch(
		[
			...network.doetanks.map(([id, name]) => ({
				sql: "INSERT INTO doetanks (id, name, onderwerp, beoogd_doel, created_at) VALUES (?, ?, 'o', 'd', 0)",
				args: [id, name]
			})),
			...network.users.map((u) => ({
				sql: "INSERT INTO users (id, email, name, password_hash, network_role, created_at) VALUES (?, ?, ?, 'h', 'member', 0)",
				args: [u, `${u}@x.nl`, `Naam ${u}`]
			})),
			...memberships.map(([d, u]) => ({
				sql: 'INSERT INTO memberships (doetank_id, user_id, joined_at) VALUES (?, ?, 0)',
				args: [d, u]
			})),
			...network.roles.map(([d, u, role]) => ({
				sql: 'INSERT INTO membership_roles (doetank_id, user_id, role) VALUES (?, ?, ?)',
				args: [d, u, role]
			}))
		],
		'write'
	);
}

/** Test support: logs one edit of a Doetank's document as the sync server does (all of `change` as one update). */
export async function logEdit(
	db: Database,
	doetankId: string,
	seq: number,
	userId: string | null,
	at: number,
	change: (doc: Y.Doc) => void
): Promise<void> {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	change(doc);
	await db.execute(appendUpdateStatement({ doetankId, seq, update: Y.mergeUpdates(updates), userId, at }));
}

/**
 * Calls a service as its route does: the input parsed with the route's schema first, so a parse
 * failure rejects like the route's 422 (services take parsed input).
 */
export function viaRoute<S extends z.ZodType, T>(
	schema: S,
	input: unknown,
	call: (parsed: z.output<S>) => Promise<T>
): Promise<T> {
	return Promise.resolve().then(() => call(parseInput(schema, input)));
}
