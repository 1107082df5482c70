import type { Report } from './report';

export type ReportRow = readonly [
	section: string,
	measure: string,
	item: string,
	detail: string,
	value: string | number | null
];

export const REPORT_CSV_HEADER = ['section', 'measure', 'item', 'detail', 'value'] as const;

/**
 * The report as one table with a row per figure, for the CSV export: machine-readable keys
 * (documented in docs/api.md), so a spreadsheet or a script can read the numbers back.
 */
export function reportRows(report: Report): ReportRow[] {
	const { doe, leer, verander, effect } = report;
	const count = (measure: string, value: number, item = ''): ReportRow => ['doe', measure, item, '', value];
	return [
		['period', 'from', '', '', report.period.from],
		['period', 'to', '', '', report.period.to],
		count('started', doe.started),
		...Object.entries(doe.perPhase).map(([phase, n]) => count('phase', n, phase)),
		count('completed', doe.completed),
		count('stopped', doe.stopped),
		...doe.stopReasons.map((r) => count('stopReason', r.count, r.reason)),
		count('activeDoetankers', doe.activeDoetankers),
		count('activeProbleemeigenaren', doe.activeProbleemeigenaren),
		count('cafes', doe.cafes),
		count('cafeAttendance', doe.cafeAttendance),
		count('approvals', doe.approvals),
		...leer.waves.flatMap((w): ReportRow[] => [
			['leer', 'respondents', w.name, '', w.respondents],
			...w.scales.map((s): ReportRow => ['leer', 'mean', w.name, s.scaleId, s.mean])
		]),
		...leer.changes.flatMap((c) => {
			const label = `${leer.waves.find((w) => w.id === c.from)?.name} → ${leer.waves.find((w) => w.id === c.to)?.name}`;
			return c.scales.map((s): ReportRow => ['leer', 'change', label, s.scaleId, s.change]);
		}),
		['verander', 'inFase2', '', '', verander.inFase2],
		['verander', 'pilots', '', '', verander.pilots],
		...verander.organisations.map((o): ReportRow => ['verander', 'organisation', o.name, '', o.pilots]),
		...effect.businessCases.flatMap((b): ReportRow[] => [
			['effect', 'q5', b.doetankName, b.name, b.q5],
			['effect', 'q6', b.doetankName, b.name, b.q6]
		])
	];
}
