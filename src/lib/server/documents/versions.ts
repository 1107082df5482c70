import { generateIdFromEntropySize } from 'lucia';
import * as Y from 'yjs';
import { NETWORK_TIME_ZONE } from '$lib/domain/calendar';
import { versionsToPrune, type VersionKind } from '$lib/domain/history/version-schedule';
import type { Actor } from '$lib/domain/policy';
import { HistoryVersionInput, NamedVersionInput, RenameVersionInput } from '$lib/validation/schemas';
import { requireDoetank } from '../authz';
import type { Database } from '../db/client';
import { readDocument } from '../db/doc-log';
import {
	authorsBetween,
	deleteNamedVersion,
	deleteVersions,
	insertAutomaticVersion,
	insertVersion,
	latestVersionSeq,
	listVersions,
	readVersionState,
	renameNamedVersion
} from '../db/doc-versions';
import { userNames } from '../db/users';
import { AppError } from '../errors';
import { parseInput } from '../parse';
import { applyInOrder } from './stored';

export interface HistoryVersion {
	id: string;
	kind: VersionKind;
	name: string | null;
	createdAt: number;
	createdBy: { id: string; name: string } | null;
	/** Who edited since the version before. */
	contributors: { id: string; name: string }[];
}

/** The bounds of one Doetank's versions (HISTORY_MAX_BYTES, HISTORY_MAX_NAMED_VERSIONS). */
export interface HistoryLimits {
	maxBytes: number;
	maxNamed: number;
}

export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { maxBytes: 64 * 1024 * 1024, maxNamed: 100 };

/** The document's state at a log position, e.g. taken from the live document. */
export interface StateAt {
	state: Uint8Array;
	seq: number;
}

/**
 * Versions of a Doetank's document finer than the day checkpoints: automatic ones, cut by the sync
 * server (see server/sync/version-clock.ts), and named ones a writer makes. Each version stores the
 * whole state, so reading, diffing and restoring one never replays the log.
 */
export class VersionService {
	constructor(
		private readonly db: Database,
		private readonly timeZone = NETWORK_TIME_ZONE,
		private readonly now: () => number = Date.now,
		private readonly limits: HistoryLimits = DEFAULT_HISTORY_LIMITS
	) {}

	/**
	 * Cuts an automatic version when the document changed since the newest version and no automatic
	 * one was cut in the last `spacingMs` (several instances serving the document each keep their
	 * own clock: the database lets one of them cut for the moment). `at` is its state when the
	 * caller has it (the live document); otherwise the stored log is read.
	 */
	async cutAutomatic(doetankId: string, at?: StateAt, spacingMs = 0): Promise<string | null> {
		const since = await latestVersionSeq(this.db, doetankId);
		const current = at ?? (await this.storedState(doetankId));
		if (current.seq <= since) return null;
		const id = generateIdFromEntropySize(10);
		const contributors = await authorsBetween(this.db, doetankId, since, current.seq);
		const createdAt = this.now();
		const row = { id, seq: current.seq, contributors, createdAt, state: current.state };
		if (!(await insertAutomaticVersion(this.db, doetankId, row, spacingMs))) return null;
		await this.prune(doetankId, createdAt);
		return id;
	}

	/** Whether the document at log position `seq` holds edits no version holds yet. */
	async unversioned(doetankId: string, seq: number): Promise<boolean> {
		return seq > (await latestVersionSeq(this.db, doetankId));
	}

	/** A writer names the document as it is now; returns the new version. */
	async name(actor: Actor | null, doetankId: string, input: unknown): Promise<HistoryVersion> {
		const access = await requireDoetank(this.db, actor, 'workspace.write', doetankId);
		const { name } = parseInput(NamedVersionInput, input);
		const named = (await listVersions(this.db, doetankId)).filter((v) => v.kind === 'named');
		const { maxNamed, maxBytes } = this.limits;
		if (named.length >= maxNamed) throw new AppError('conflict', 'error.tooManyNamedVersions', { max: maxNamed });
		const current = await this.storedState(doetankId);
		// Named versions are never thinned: at most half the bound, so automatic ones keep room.
		if (named.reduce((sum, v) => sum + v.bytes, current.state.byteLength) > maxBytes / 2) {
			throw new AppError('conflict', 'error.namedVersionsTooLarge');
		}
		const since = await latestVersionSeq(this.db, doetankId);
		const id = await this.writeNamed(doetankId, name, access.actor.id, current, since);
		const created = (await this.list(actor, doetankId)).find((v) => v.id === id);
		if (!created) throw new Error('version: the new version is missing');
		return created;
	}

	/** A writer renames a named version (automatic ones have no name to change: 404). */
	async rename(actor: Actor | null, doetankId: string, input: RenameVersionInput): Promise<void> {
		await requireDoetank(this.db, actor, 'workspace.write', doetankId);
		if (!(await renameNamedVersion(this.db, doetankId, input.versionId, input.name))) {
			throw new AppError('not_found', 'error.versionNotFound');
		}
	}

	/** A writer removes a named version; automatic ones are the server's to thin (404). */
	async remove(actor: Actor | null, doetankId: string, input: HistoryVersionInput): Promise<void> {
		await requireDoetank(this.db, actor, 'workspace.write', doetankId);
		if (!(await deleteNamedVersion(this.db, doetankId, input.versionId))) {
			throw new AppError('not_found', 'error.versionNotFound');
		}
	}

	/** Every version, newest first, with names resolved. */
	async list(actor: Actor | null, doetankId: string): Promise<HistoryVersion[]> {
		await requireDoetank(this.db, actor, 'workspace.read', doetankId);
		const rows = await listVersions(this.db, doetankId);
		const ids = new Set(rows.flatMap((r) => [...r.contributors, ...(r.createdBy ? [r.createdBy] : [])]));
		const names = await userNames(this.db, [...ids]);
		const person = (id: string) => (names.has(id) ? [{ id, name: names.get(id)! }] : []);
		return rows.reverse().map((r) => ({
			id: r.id,
			kind: r.kind,
			name: r.name,
			createdAt: r.createdAt,
			createdBy: r.createdBy ? (person(r.createdBy)[0] ?? null) : null,
			contributors: r.contributors.flatMap(person)
		}));
	}

	/** The whole document as one version holds it, as one Yjs update. */
	async state(actor: Actor | null, doetankId: string, input: unknown): Promise<Uint8Array> {
		await requireDoetank(this.db, actor, 'workspace.read', doetankId);
		const { versionId } = parseInput(HistoryVersionInput, input);
		const state = await readVersionState(this.db, doetankId, versionId);
		if (!state) throw new AppError('not_found', 'error.versionNotFound');
		return state;
	}

	private async writeNamed(
		doetankId: string,
		name: string,
		createdBy: string,
		current: StateAt,
		since: number
	): Promise<string> {
		const id = generateIdFromEntropySize(10);
		const contributors = await authorsBetween(this.db, doetankId, since, current.seq);
		const createdAt = this.now();
		await insertVersion(this.db, doetankId, {
			id,
			kind: 'named',
			name,
			createdBy,
			seq: current.seq,
			contributors,
			createdAt,
			state: current.state
		});
		await this.prune(doetankId, createdAt);
		return id;
	}

	/** Thins automatic versions older than a week to the last one of each day, and more past the byte bound. */
	private async prune(doetankId: string, now: number): Promise<void> {
		const rows = await listVersions(this.db, doetankId);
		const refs = rows.map((r) => ({ id: r.id, kind: r.kind, at: r.createdAt, bytes: r.bytes }));
		await deleteVersions(this.db, doetankId, versionsToPrune(refs, now, this.timeZone, this.limits.maxBytes));
	}

	private async storedState(doetankId: string): Promise<StateAt> {
		const stored = await readDocument(this.db, doetankId);
		const doc = new Y.Doc({ gc: true });
		try {
			applyInOrder(doc, stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates);
			return { state: Y.encodeStateAsUpdate(doc), seq: stored.lastSeq };
		} finally {
			doc.destroy();
		}
	}
}
