import { dayIn, NETWORK_TIME_ZONE } from '$lib/domain/calendar';
import { activeWithin, daysBetween, lastActivity, lastEditByUser } from '$lib/domain/monitoring/activity';
import type { DashboardRow } from '$lib/domain/monitoring/dashboard';
import { can, type Actor } from '$lib/domain/policy';
import type { Phase } from '$lib/domain/roles';
import type { Translate } from '$lib/i18n';
import {
	DEFAULT_SIGNAL_SETTINGS,
	evaluateSignals,
	overdueActions,
	type SignalInput,
	type SignalSettings
} from '$lib/domain/signals/signals';
import { fragmentToMarkdown, probleemdefinitie, readActions } from '$lib/domain/workspace';
import { SignalSettingsInput, type NoteInput } from '$lib/validation/monitoring';
import { requireDoetank, requireNetwork } from '../authz';
import { listCheckpoints } from '../db/checkpoints';
import type { Database } from '../db/client';
import { listAllDoetanks, listMembers, rolesByDoetank, type DoetankRow } from '../db/doetanks';
import { readGateFacts } from '../db/governance';
import { getMeta, setMetaStatement } from '../db/meta';
import { governanceFingerprint, phaseSince, readActivity, readNotes, saveNote } from '../db/monitoring';
import { toCsv } from '../csv';
import { loadStoredDocument } from '../documents/stored';

const SETTINGS_KEY = 'signal_settings';

export interface OverviewRow {
	id: string;
	name: string;
	onderwerp: string;
	beoogdDoel: string;
	phase: Phase;
	bijzonderheden: string;
	/** Whether the caller may edit the bijzonderheden. */
	canNote: boolean;
}

/**
 * The coach's dashboard: per Doetank the phase, activity, actions, terugkoppelmomenten and risk
 * signals, gathered from the live document, the sync log and the governance tables.
 */
export class MonitoringService {
	constructor(
		private readonly db: Database,
		private readonly now: () => number = Date.now,
		private readonly timeZone = NETWORK_TIME_ZONE
	) {}

	/** The Doetanks the actor monitors: those they coach, and for an admin all of them. */
	async dashboard(actor: Actor | null): Promise<{ rows: DashboardRow[]; settings: SignalSettings }> {
		const me = requireNetwork(actor, 'doetank.list');
		const roles = await rolesByDoetank(this.db, me.id);
		const mine = (await listAllDoetanks(this.db)).filter((d) =>
			can(me, 'monitoring.view', { roles: roles.get(d.id) ?? [] })
		);
		const settings = await this.readSettings();
		return { rows: await Promise.all(mine.map((d) => this.row(d, settings))), settings };
	}

	/** The signal input of one Doetank, as the rules see it (also for tests and the API). */
	async signalInput(actor: Actor | null, doetankId: string): Promise<SignalInput> {
		const { doetank } = await requireDoetank(this.db, actor, 'monitoring.view', doetankId);
		return (await this.facts(doetank)).input;
	}

	/** The network's "Overzicht Doetanks": onderwerp, beoogd doel, fase, bijzonderheden. */
	async overview(actor: Actor | null): Promise<OverviewRow[]> {
		const me = requireNetwork(actor, 'network.overview');
		const [notes, roles] = await Promise.all([readNotes(this.db), rolesByDoetank(this.db, me.id)]);
		return (await listAllDoetanks(this.db)).map((d) => ({
			id: d.id,
			name: d.name,
			onderwerp: d.onderwerp,
			beoogdDoel: d.beoogdDoel,
			phase: d.phase,
			bijzonderheden: notes.get(d.id) ?? '',
			canNote: can(me, 'monitoring.note', { roles: roles.get(d.id) ?? [] })
		}));
	}

	/** The overview as CSV, headers and phases in the reader's language. */
	async overviewCsv(actor: Actor | null, t: Translate): Promise<string> {
		const rows = await this.overview(actor);
		const header = (['doetank', 'onderwerp', 'beoogdDoel', 'phase', 'bijzonderheden'] as const).map((k) =>
			t(`csv.overview.${k}`)
		);
		return toCsv([
			header,
			...rows.map((r) => [r.name, r.onderwerp, r.beoogdDoel, t(`phase.${r.phase}`), r.bijzonderheden])
		]);
	}

	async setNote(actor: Actor | null, doetankId: string, input: NoteInput): Promise<void> {
		const { actor: me } = await requireDoetank(this.db, actor, 'monitoring.note', doetankId);
		await saveNote(this.db, doetankId, input.bijzonderheden, me.id);
	}

	async settings(actor: Actor | null): Promise<SignalSettings> {
		requireNetwork(actor, 'doetank.list');
		return this.readSettings();
	}

	async saveSettings(actor: Actor | null, settings: SignalSettingsInput): Promise<SignalSettings> {
		requireNetwork(actor, 'monitoring.settings');
		await this.db.execute(setMetaStatement(SETTINGS_KEY, JSON.stringify(settings)));
		return settings;
	}

	/** Changes whenever a transition, confirmation, submission, review or membership change happens. */
	fingerprint(): Promise<string> {
		return governanceFingerprint(this.db);
	}

	private async readSettings(): Promise<SignalSettings> {
		const stored = await getMeta(this.db, SETTINGS_KEY);
		const parsed = stored ? SignalSettingsInput.safeParse(JSON.parse(stored)) : null;
		return parsed?.success ? parsed.data : DEFAULT_SIGNAL_SETTINGS;
	}

	private async row(d: DoetankRow, settings: SignalSettings): Promise<DashboardRow> {
		const { input, lastEdits, checkpoints } = await this.facts(d);
		const open = input.actions.filter((a) => a.status !== 'klaar');
		const next = checkpoints.find((c) => c.status !== 'goedgekeurd' && c.plannedDay >= input.today);
		return {
			id: d.id,
			name: d.name,
			phase: d.phase,
			daysInPhase: daysBetween(input.phaseSince, input.now),
			lastActivityAt: input.lastActivityAt,
			active7: activeWithin(lastEdits, input.now, 7),
			active30: activeWithin(lastEdits, input.now, 30),
			openActions: open.length,
			overdueActions: overdueActions(input.actions, input.today),
			nextCheckpoint: next ? { title: next.title, day: next.plannedDay } : null,
			pendingApprovals: checkpoints.filter((c) => c.status === 'ingediend').length,
			signals: evaluateSignals(input, settings)
		};
	}

	private async facts(d: DoetankRow) {
		const now = this.now();
		const [members, activity, since, gate, checkpoints, doc] = await Promise.all([
			listMembers(this.db, d.id),
			readActivity(this.db, d.id),
			phaseSince(this.db, d.id),
			readGateFacts(this.db, d.id),
			listCheckpoints(this.db, d.id),
			loadStoredDocument(this.db, d.id)
		]);
		try {
			const lastEdits = lastEditByUser(activity);
			const { version, confirmed } = gate.agreement;
			const input: SignalInput = {
				phase: d.phase,
				phaseSince: since,
				createdAt: d.createdAt,
				members: members.map((m) => ({
					userId: m.userId,
					roles: m.roles,
					lidType: m.lidType,
					directStake: m.directStake
				})),
				lastEditByUser: lastEdits,
				lastActivityAt: lastActivity(lastEdits),
				// The delegation and the besluitvormer count as known once the opdrachtgever confirmed an agreement.
				agreement: {
					confirmed: confirmed !== null && confirmed.version === version,
					opdrachtgeverDelegated: confirmed !== null && !confirmed.opdrachtgeverDecides,
					besluitvormerNamed: (confirmed?.besluitvormer.trim() ?? '') !== ''
				},
				probleemdefinitie: {
					empty: fragmentToMarkdown(probleemdefinitie(doc)).trim() === '',
					approved: gate.approved.includes('probleemdefinitie')
				},
				actions: readActions(doc).map((a) => ({ status: a.status, due: a.due })),
				checkpoints: checkpoints.map((c) => ({ day: c.plannedDay, done: c.status === 'goedgekeurd' })),
				today: dayIn(now, this.timeZone),
				now
			};
			return { input, lastEdits, checkpoints };
		} finally {
			doc.destroy();
		}
	}
}
