import * as Y from 'yjs';
import {
	businessCaseToMarkdown,
	canvasesMap,
	fragmentToMarkdown,
	probleemdefinitie,
	restoreCanvas,
	restoreFragment,
	type CanvasExportLabels,
	type DiffLine,
	type InstrumentLocale
} from '$lib/domain/workspace';
import { dayIn, NETWORK_TIME_ZONE } from '$lib/domain/calendar';
import type { CheckpointStatus } from '$lib/domain/governance/checkpoints';
import { formatDay } from '$lib/components/instruments/format';
import type { Locale, Translate } from '$lib/i18n';

export interface Contributor {
	id: string;
	name: string;
}

interface VersionBase {
	/** Unique within the list. */
	key: string;
	/** The Dutch calendar day, YYYY-MM-DD. */
	day: string;
	contributors: Contributor[];
	/** Where the version's whole Yjs state is fetched. */
	stateUrl: string;
}

/**
 * An earlier version of the whole document: the end of a day, rebuilt from the sync server's
 * checkpoints (`GET …/history`); a version cut during the work, automatically or named by a writer
 * (`GET …/history/versions`); or a terugkoppelmoment round, the state frozen when it was
 * submitted (`GET …/history/terugkoppelmomenten`). All are read, diffed and restored alike.
 */
export type Version =
	| (VersionBase & { kind: 'day' })
	| (VersionBase & {
			kind: 'moment';
			id: string;
			name: string | null;
			createdAt: number;
			createdBy: Contributor | null;
	  })
	| (VersionBase & {
			kind: 'terugkoppelmoment';
			title: string;
			round: number;
			status: CheckpointStatus;
			submittedAt: number;
	  });

/** A submitted round as `GET …/history/terugkoppelmomenten` lists it. */
export interface SubmissionSummary {
	id: string;
	title: string;
	round: number;
	status: CheckpointStatus;
	day: string;
	submittedAt: number;
	submittedBy: Contributor;
}

/** A version as `GET …/history/versions` lists it. */
export interface MomentSummary {
	id: string;
	kind: 'auto' | 'named';
	name: string | null;
	createdAt: number;
	createdBy: Contributor | null;
	contributors: Contributor[];
}

/** What a history view shows: the probleemdefinitie or one business-case canvas. */
export type HistoryTarget = { kind: 'probleemdefinitie' } | { kind: 'canvas'; id: string; labels: CanvasExportLabels };

const historyUrl = (doetankId: string) => `/api/v1/doetanks/${encodeURIComponent(doetankId)}/history`;

export function dayVersions(
	doetankId: string,
	days: readonly { day: string; contributors: Contributor[] }[]
): Version[] {
	const base = historyUrl(doetankId);
	return days.map((d) => ({
		kind: 'day',
		key: `day:${d.day}`,
		day: d.day,
		contributors: d.contributors,
		stateUrl: `${base}/${d.day}`
	}));
}

export function momentVersions(doetankId: string, moments: readonly MomentSummary[]): Version[] {
	const base = `${historyUrl(doetankId)}/versions`;
	return moments.map((m) => ({
		kind: 'moment',
		id: m.id,
		key: `moment:${m.id}`,
		day: dayIn(m.createdAt, NETWORK_TIME_ZONE),
		contributors: m.contributors,
		stateUrl: `${base}/${encodeURIComponent(m.id)}`,
		name: m.name,
		createdAt: m.createdAt,
		createdBy: m.createdBy
	}));
}

type Outcome = { ok: true } | { ok: false; message: string | null };

/** One change of the version list (writers only); resolves to the server's error message on refusal. */
async function changeVersions(url: string, method: string, body: unknown, fetchFn: typeof fetch): Promise<Outcome> {
	const res = await fetchFn(url, {
		method,
		...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
	});
	if (res.ok) return { ok: true };
	const answer = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
	return { ok: false, message: answer?.error?.message ?? null };
}

/** Names the document as it is now. */
export const nameVersion = (doetankId: string, name: string, fetchFn: typeof fetch = fetch) =>
	changeVersions(`${historyUrl(doetankId)}/versions`, 'POST', { name }, fetchFn);

/** Gives a named version another name. */
export const renameVersion = (doetankId: string, id: string, name: string, fetchFn: typeof fetch = fetch) =>
	changeVersions(`${historyUrl(doetankId)}/versions/${encodeURIComponent(id)}`, 'PUT', { name }, fetchFn);

/** Removes a named version. */
export const removeVersion = (doetankId: string, id: string, fetchFn: typeof fetch = fetch) =>
	changeVersions(`${historyUrl(doetankId)}/versions/${encodeURIComponent(id)}`, 'DELETE', undefined, fetchFn);

export function terugkoppelmomentVersions(doetankId: string, submissions: readonly SubmissionSummary[]): Version[] {
	const base = `${historyUrl(doetankId)}/terugkoppelmomenten`;
	return submissions.map((s) => ({
		kind: 'terugkoppelmoment',
		key: `terugkoppelmoment:${s.id}`,
		day: s.day,
		contributors: [s.submittedBy],
		stateUrl: `${base}/${encodeURIComponent(s.id)}`,
		title: s.title,
		round: s.round,
		status: s.status,
		submittedAt: s.submittedAt
	}));
}

async function getJson<T>(url: string, fetchFn: typeof fetch): Promise<T> {
	const res = await fetchFn(url);
	if (!res.ok) throw new Error(`history: ${res.status}`);
	return (await res.json()) as T;
}

/** Every version of the document: the moments, the days, then the terugkoppelmomenten, each newest first. */
export async function fetchVersions(doetankId: string, fetchFn: typeof fetch = fetch): Promise<Version[]> {
	const base = historyUrl(doetankId);
	const [{ versions }, { days }, { submissions }] = await Promise.all([
		getJson<{ versions: MomentSummary[] }>(`${base}/versions`, fetchFn),
		getJson<{ days: { day: string; contributors: Contributor[] }[] }>(base, fetchFn),
		getJson<{ submissions: SubmissionSummary[] }>(`${base}/terugkoppelmomenten`, fetchFn)
	]);
	return [
		...momentVersions(doetankId, versions),
		...dayVersions(doetankId, days),
		...terugkoppelmomentVersions(doetankId, submissions)
	];
}

/**
 * Sorts versions in time, for the two sides of a diff: a day version is the end of its day, so it
 * is newer than a round submitted that day.
 */
export function versionOrder(version: Version): string {
	if (version.kind === 'day') return `${version.day}~`;
	const at = version.kind === 'moment' ? version.createdAt : version.submittedAt;
	return `${version.day} ${String(at).padStart(16, '0')}`;
}

/** How a version is named in a sentence and in the diff: the day, or the terugkoppelmoment round. */
export function versionLabel(version: Version, today: string, t: Translate, locale: Locale): string {
	if (version.kind === 'day') return dayLabel(version.day, today, t, locale);
	if (version.kind === 'moment') {
		const when = t('workspace.history.at', {
			day: dayLabel(version.day, today, t, locale),
			time: timeOf(version.createdAt, locale)
		});
		return version.name ? t('workspace.history.named', { name: version.name, when }) : when;
	}
	return t('workspace.history.submission', { title: version.title, round: version.round });
}

/** A version as a document of its own: reading it never touches the live one. */
export async function fetchVersionDoc(version: Version, fetchFn: typeof fetch = fetch): Promise<Y.Doc> {
	const res = await fetchFn(version.stateUrl);
	if (!res.ok) throw new Error(`history state: ${res.status}`);
	const doc = new Y.Doc();
	Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
	return doc;
}

/** The canvas of a version, or null when it did not exist then. */
export function canvasIn(doc: Y.Doc, id: string): Y.Map<unknown> | null {
	const canvas = canvasesMap(doc).get(id);
	return canvas instanceof Y.Map ? (canvas as Y.Map<unknown>) : null;
}

/** The target's text in one version as Markdown (for the diff); null when it did not exist then. */
export function targetMarkdown(doc: Y.Doc, target: HistoryTarget, locale: InstrumentLocale): string | null {
	if (target.kind === 'probleemdefinitie') return fragmentToMarkdown(probleemdefinitie(doc));
	const canvas = canvasIn(doc, target.id);
	return canvas ? businessCaseToMarkdown(canvas, target.labels, locale) : null;
}

/** Writes the target as it was in `version` into the live document, as one new change. */
export function restoreTarget(live: Y.Doc, version: Y.Doc, target: HistoryTarget, origin: unknown): void {
	if (target.kind === 'probleemdefinitie') {
		restoreFragment(probleemdefinitie(live), probleemdefinitie(version), origin);
		return;
	}
	const canvas = canvasIn(version, target.id);
	if (!canvas) throw new Error(`canvas ${target.id} is not in that version`);
	restoreCanvas(live, target.id, canvas, origin);
}

export function previousDay(day: string): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() - 1);
	return date.toISOString().slice(0, 10);
}

/** "vandaag", "gisteren" or the date, to use inside a sentence (lists capitalise it with CSS). */
export function dayLabel(day: string, today: string, t: Translate, locale: Locale): string {
	if (day === today) return t('workspace.history.today');
	if (day === previousDay(today)) return t('workspace.history.yesterday');
	return formatDay(locale, day);
}

/** The Dutch clock time of an instant, e.g. "20:10". */
export function timeOf(ms: number, locale: Locale): string {
	return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
		timeZone: NETWORK_TIME_ZONE,
		hour: '2-digit',
		minute: '2-digit'
	}).format(ms);
}

export function contributorList(contributors: readonly Contributor[], locale: Locale): string {
	return new Intl.ListFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { type: 'conjunction' }).format(
		contributors.map((c) => c.name)
	);
}

/** A diff line, or a run of unchanged lines folded away. */
export type DiffRow = DiffLine | { kind: 'skipped'; count: number };

/** Folds long runs of unchanged lines, keeping `context` lines next to every change. */
export function collapseUnchanged(lines: readonly DiffLine[], context = 2): DiffRow[] {
	const near = lines.map((_, i) =>
		lines.slice(Math.max(0, i - context), i + context + 1).some((line) => line.kind !== 'unchanged')
	);
	const rows: DiffRow[] = [];
	let skipped = 0;
	const flush = () => {
		if (skipped > 0) rows.push({ kind: 'skipped', count: skipped });
		skipped = 0;
	};
	lines.forEach((line, i) => {
		if (near[i]) {
			flush();
			rows.push(line);
		} else skipped++;
	});
	flush();
	return rows;
}

/** Lines added and removed, blank lines not counted. */
export function changeCounts(lines: readonly DiffLine[]): { added: number; removed: number } {
	const count = (kind: DiffLine['kind']) => lines.filter((l) => l.kind === kind && l.text.trim() !== '').length;
	return { added: count('added'), removed: count('removed') };
}
