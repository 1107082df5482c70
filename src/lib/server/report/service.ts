import { NETWORK_TIME_ZONE } from '$lib/domain/calendar';
import type { Actor } from '$lib/domain/policy';
import { buildReport, type Report, type ReportFacts } from '$lib/domain/report/report';
import { REPORT_CSV_HEADER, reportRows } from '$lib/domain/report/rows';
import { NETWORK_CANVAS_ID, NETWORK_ROOM, readCanvas, readCanvases } from '$lib/domain/workspace';
import type { NetworkCanvas } from '$lib/domain/report/report';
import type { ReportPeriodInput } from '$lib/validation/report';
import { requireNetwork } from '../authz';
import type { Database } from '../db/client';
import { readReportFacts } from '../db/report';
import { toCsv } from '../csv';
import { reportToMarkdown } from './markdown';
import type { Locale, Translate } from '$lib/i18n';
import { loadStoredDocument } from '../documents/stored';

/**
 * The Meten & Monitoren report of the whole network for a period (see docs/instruments.md):
 * governance tables, the update log and every Doetank's stored document, for admins and coaches.
 */
export class ReportService {
	constructor(
		private readonly db: Database,
		private readonly timeZone = NETWORK_TIME_ZONE
	) {}

	/** 401 / 403 as `report` would answer them: routes call it before they parse the period. */
	mayView(actor: Actor | null): void {
		requireNetwork(actor, 'report.view');
	}

	async report(actor: Actor | null, period: ReportPeriodInput): Promise<Report> {
		requireNetwork(actor, 'report.view');
		const facts = await readReportFacts(this.db);
		return buildReport(
			period,
			{
				...facts,
				canvases: await this.canvases(facts.doetanks.map((d) => d.id)),
				networkCanvas: await this.networkCanvas()
			},
			this.timeZone
		);
	}

	/** The report as CSV: headers in the reader's language, the row keys as documented in docs/api.md. */
	async csv(actor: Actor | null, period: ReportPeriodInput, t: Translate): Promise<{ filename: string; csv: string }> {
		const report = await this.report(actor, period);
		return {
			filename: `rapportage-${report.period.from}-${report.period.to}.csv`,
			csv: toCsv([REPORT_CSV_HEADER.map((k) => t(`csv.report.${k}`)), ...reportRows(report)])
		};
	}

	async markdown(
		actor: Actor | null,
		period: ReportPeriodInput,
		t: Translate,
		locale: Locale
	): Promise<{ filename: string; markdown: string }> {
		const report = await this.report(actor, period);
		return {
			filename: `rapportage-${report.period.from}-${report.period.to}.md`,
			markdown: reportToMarkdown(report, t, locale)
		};
	}

	/** The network's business case (level 5) as its document holds it now; null before anyone opened it. */
	private async networkCanvas(): Promise<NetworkCanvas | null> {
		const doc = await loadStoredDocument(this.db, NETWORK_ROOM);
		try {
			const canvas = readCanvas(doc, NETWORK_CANVAS_ID);
			return canvas && { strategy: canvas.strategy, fields: canvas.fields };
		} finally {
			doc.destroy();
		}
	}

	/** The business-case canvases as the documents hold them now, one Doetank at a time to bound memory. */
	private async canvases(doetankIds: string[]): Promise<ReportFacts['canvases']> {
		const out: ReportFacts['canvases'] = [];
		for (const doetankId of doetankIds) {
			const doc = await loadStoredDocument(this.db, doetankId);
			try {
				for (const c of readCanvases(doc)) {
					out.push({
						doetankId,
						id: c.id,
						level: c.level,
						name: c.name,
						q5: c.fields.q5_kwantitatieve_outcome,
						q6: c.fields.q6_kwalitatieve_outcome
					});
				}
			} finally {
				doc.destroy();
			}
		}
		return out;
	}
}
