import { dayIn, NETWORK_TIME_ZONE } from '../calendar';
import { SCALES, type ScaleId } from '../instruments/vragenlijst';
import { aggregate, compareWaves, type Answers, type ScaleChange } from '../instruments/vragenlijst-scoring';
import { PHASES, type Phase } from '../roles';
import type { BusinessCaseFieldKey, CanvasLevel, StrategyKey } from '../workspace/business-case-fields';

/**
 * The Meten & Monitoren report (TNO 2013: doe-, leer-, verander- and effectresultaat) for a
 * period of Dutch calendar days, computed from plain facts so every count can be checked by hand.
 */
export interface ReportPeriod {
	from: string;
	to: string;
}

export interface ReportFacts {
	/** `phase` is the current one: for a Doetank seeded or imported without moves it is the only record. */
	doetanks: { id: string; name: string; createdAt: number; phase: Phase }[];
	/** Every phase transition (also before and after the period: they decide the phase at its end). */
	transitions: { doetankId: string; fromPhase: Phase; toPhase: Phase; at: number; reason: string | null }[];
	members: { doetankId: string; userId: string; directStake: boolean }[];
	/** Who edited which document when: the logged updates, and the days compaction folded into checkpoints. */
	loggedEdits: { doetankId: string; userId: string; at: number }[];
	foldedEdits: { doetankId: string; userId: string; day: string }[];
	cafes: { id: string; day: string; held: boolean; attendees: number }[];
	/** When a terugkoppelmoment submission was approved. */
	approvals: { doetankId: string; at: number }[];
	waves: { id: string; name: string; createdAt: number; closesOn: string; responses: Answers[] }[];
	/** The business-case canvases of every Doetank's current document. */
	canvases: { doetankId: string; id: string; level: CanvasLevel; name: string; q5: string; q6: string }[];
	/** The network's own business case (level 5) as its document holds it now, every field as Markdown. */
	networkCanvas: NetworkCanvas | null;
}

export interface NetworkCanvas {
	strategy: StrategyKey | null;
	fields: Record<BusinessCaseFieldKey, string>;
}

export interface WaveFigures {
	id: string;
	name: string;
	closesOn: string;
	respondents: number;
	/** False below the 3-respondent rule: then every mean is null. */
	visible: boolean;
	scales: { scaleId: ScaleId; mean: number | null }[];
}

export interface BusinessCaseOutcome {
	doetankId: string;
	doetankName: string;
	canvasId: string;
	level: CanvasLevel;
	/** The pilot organisation; '' for the Doetank and society canvases. */
	name: string;
	q5: string;
	q6: string;
}

export interface Report {
	period: ReportPeriod;
	doe: {
		started: number;
		/** Per phase at the end of the period, of the Doetanks that existed then. */
		perPhase: Record<Phase, number>;
		completed: number;
		stopped: number;
		stopReasons: { reason: string; count: number }[];
		activeDoetankers: number;
		activeProbleemeigenaren: number;
		cafes: number;
		cafeAttendance: number;
		approvals: number;
	};
	leer: { waves: WaveFigures[]; changes: { from: string; to: string; scales: ScaleChange[] }[] };
	/** Adopting organisations: the names of the pilot canvases, with how many pilots each. */
	verander: { inFase2: number; pilots: number; organisations: { name: string; pilots: number }[] };
	/** `network`: the business case of the network as a whole (indicator D1), null while it is empty. */
	effect: { businessCases: BusinessCaseOutcome[]; network: NetworkCanvas | null };
}

const byText = (a: string, b: string) => a.localeCompare(b, 'nl');

function tally(values: readonly string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	return counts;
}

const isEmpty = (canvas: NetworkCanvas | null): canvas is null =>
	!canvas || (canvas.strategy === null && Object.values(canvas.fields).every((text) => text === ''));

export function buildReport(period: ReportPeriod, facts: ReportFacts, timeZone = NETWORK_TIME_ZONE): Report {
	const day = (ms: number) => dayIn(ms, timeZone);
	const inPeriod = (d: string) => d >= period.from && d <= period.to;
	const existing = facts.doetanks.filter((d) => day(d.createdAt) <= period.to);
	const transitions = [...facts.transitions].sort((a, b) => a.at - b.at);
	const during = transitions.filter((t) => inPeriod(day(t.at)));

	const phaseAtEnd = phasesAt(period.to, existing, transitions, day);
	const perPhase = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
	for (const phase of phaseAtEnd.values()) perPhase[phase]++;

	const stops = during.filter((t) => t.toPhase === 'gestopt');
	const reasons = tally(stops.map((t) => t.reason ?? ''));

	const edits = [...facts.loggedEdits.map((e) => ({ ...e, day: day(e.at) })), ...facts.foldedEdits].filter((e) =>
		inPeriod(e.day)
	);
	const active = new Set(edits.map((e) => e.userId));
	const activeIn = new Set(edits.map((e) => `${e.doetankId}\n${e.userId}`));
	const stakeholders = new Set(
		facts.members.filter((m) => m.directStake && activeIn.has(`${m.doetankId}\n${m.userId}`)).map((m) => m.userId)
	);

	const cafes = facts.cafes.filter((c) => c.held && inPeriod(c.day));
	// Canvases are read from today's documents: leave out Doetanks that did not exist yet.
	const canvases = facts.canvases.filter((c) => phaseAtEnd.has(c.doetankId));
	const pilots = canvases.filter((c) => c.level === 'pilot');
	const names = new Map(facts.doetanks.map((d) => [d.id, d.name]));

	return {
		period,
		doe: {
			started: facts.doetanks.filter((d) => inPeriod(day(d.createdAt))).length,
			perPhase,
			completed: during.filter((t) => t.toPhase === 'afgerond').length,
			stopped: stops.length,
			stopReasons: [...reasons]
				.map(([reason, count]) => ({ reason, count }))
				.sort((a, b) => b.count - a.count || byText(a.reason, b.reason)),
			activeDoetankers: active.size,
			activeProbleemeigenaren: stakeholders.size,
			cafes: cafes.length,
			cafeAttendance: cafes.reduce((sum, c) => sum + c.attendees, 0),
			approvals: facts.approvals.filter((a) => inPeriod(day(a.at))).length
		},
		leer: leerresultaat(period, facts.waves, day),
		verander: {
			inFase2: perPhase.fase_2,
			pilots: pilots.length,
			organisations: [...tally(pilots.map((p) => p.name))]
				.map(([name, n]) => ({ name, pilots: n }))
				.sort((a, b) => byText(a.name, b.name))
		},
		effect: {
			businessCases: canvases
				.filter((c) => c.level !== 'personal' && (c.q5 !== '' || c.q6 !== ''))
				.map((c) => ({
					doetankId: c.doetankId,
					doetankName: names.get(c.doetankId) ?? '',
					canvasId: c.id,
					level: c.level,
					name: c.name,
					q5: c.q5,
					q6: c.q6
				}))
				.sort((a, b) => byText(a.doetankName, b.doetankName) || byText(a.name, b.name)),
			network: isEmpty(facts.networkCanvas) ? null : facts.networkCanvas
		}
	};
}

/**
 * Each Doetank's phase at the end of `lastDay`: the target of its last move up to then; before its
 * first move, the phase that move started from; without any move, its current phase (so a Doetank
 * seeded or imported in a phase counts there, as the overview shows it). `transitions` oldest first.
 */
export function phasesAt(
	lastDay: string,
	doetanks: readonly { id: string; phase: Phase }[],
	transitions: ReportFacts['transitions'],
	day: (ms: number) => string
): Map<string, Phase> {
	const phases = new Map<string, Phase>(doetanks.map((d) => [d.id, d.phase]));
	const decided = new Set<string>();
	for (const t of transitions) {
		if (!phases.has(t.doetankId)) continue;
		if (day(t.at) <= lastDay) {
			phases.set(t.doetankId, t.toPhase);
			decided.add(t.doetankId);
		} else if (!decided.has(t.doetankId)) {
			phases.set(t.doetankId, t.fromPhase);
			decided.add(t.doetankId);
		}
	}
	return phases;
}

/** The waves open during the period, oldest first, each against the previous one that has figures. */
function leerresultaat(period: ReportPeriod, waves: ReportFacts['waves'], day: (ms: number) => string): Report['leer'] {
	const open = waves
		.filter((w) => day(w.createdAt) <= period.to && w.closesOn >= period.from)
		.sort((a, b) => a.closesOn.localeCompare(b.closesOn) || a.createdAt - b.createdAt)
		.map((w) => ({ wave: w, result: aggregate(w.responses) }));
	const shown = open.filter((w) => w.result.visible);
	return {
		waves: open.map(({ wave, result }) => ({
			id: wave.id,
			name: wave.name,
			closesOn: wave.closesOn,
			respondents: result.respondents,
			visible: result.visible,
			scales: SCALES.map((s) => ({ scaleId: s.id, mean: result.scales[s.id].mean }))
		})),
		changes: shown
			.slice(1)
			.map((w, i) => ({ from: shown[i]!.wave.id, to: w.wave.id, scales: compareWaves(shown[i]!.result, w.result) }))
	};
}
