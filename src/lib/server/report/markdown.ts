import { formatChange, formatDay, formatNumber } from '$lib/components/instruments/format';
import type { Report } from '$lib/domain/report/report';
import { SCALES } from '$lib/domain/instruments/vragenlijst';
import { BUSINESS_CASE_FIELDS, fieldLabel, PRODUCTIVITY_STRATEGIES } from '$lib/domain/workspace/business-case-fields';
import type { Locale, MessageKey, Translate } from '$lib/i18n';

/** A table cell: pipes would end the cell and line breaks the row. */
const cell = (value: string | number) =>
	String(value)
		.replaceAll('|', '\\|')
		.replace(/\s*\n\s*/g, ' ');

function table(head: readonly string[], rows: readonly (readonly (string | number)[])[], numeric = 1): string {
	const align = head.map((_, i) => (i >= head.length - numeric ? '---:' : '---'));
	return [head, align, ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
}

/**
 * The Meten & Monitoren report as Markdown, with the words and figures of the page (`/rapportage`):
 * for pasting into a year report. Texts the teams wrote (outcomes, the network canvas) are Markdown
 * already and go in as they are, under a heading of their own rather than in a table.
 */
export function reportToMarkdown(report: Report, t: Translate, locale: Locale): string {
	const { doe, leer, verander, effect } = report;
	const parts: string[] = [`# ${t('report.title')}`];
	parts.push(
		t('report.period', { from: formatDay(locale, report.period.from), to: formatDay(locale, report.period.to) })
	);

	parts.push(`## ${t('report.doe')}`);
	parts.push(
		table(
			[t('report.measure'), t('report.count')],
			[
				[t('report.started'), doe.started],
				...Object.entries(doe.perPhase).map(([phase, n]) => [
					t('report.phaseAtEnd', { phase: t(`phase.${phase}` as MessageKey) }),
					n
				]),
				[t('report.completed'), doe.completed],
				[t('report.stopped'), doe.stopped],
				...doe.stopReasons.map((s) => [
					t('report.stopReason', {
						reason: s.reason ? t(`stopReason.${s.reason}` as MessageKey) : t('report.noReason')
					}),
					s.count
				]),
				[t('report.activeDoetankers'), doe.activeDoetankers],
				[t('report.activeProbleemeigenaren'), doe.activeProbleemeigenaren],
				[t('report.cafes'), doe.cafes],
				[t('report.cafeAttendance'), doe.cafeAttendance],
				[t('report.approvals'), doe.approvals]
			]
		)
	);

	parts.push(`## ${t('report.leer')}`);
	if (leer.waves.length === 0) parts.push(t('report.noWaves'));
	else {
		const waveName = (id: string) => leer.waves.find((w) => w.id === id)?.name ?? id;
		const columns = leer.waves.length + leer.changes.length;
		parts.push(
			table(
				[
					t('report.scale'),
					...leer.waves.map((w) => w.name),
					...leer.changes.map((c) => t('report.changeFrom', { from: waveName(c.from), to: waveName(c.to) }))
				],
				[
					[t('report.respondents'), ...leer.waves.map((w) => w.respondents), ...leer.changes.map(() => '')],
					...SCALES.map((s) => [
						s.label[locale],
						...leer.waves.map((w) =>
							w.visible
								? formatNumber(locale, w.scales.find((x) => x.scaleId === s.id)?.mean ?? null)
								: t('report.hidden')
						),
						...leer.changes.map((c) => formatChange(locale, c.scales.find((x) => x.scaleId === s.id)?.change ?? null))
					])
				],
				columns
			)
		);
	}

	parts.push(`## ${t('report.verander')}`);
	parts.push(
		table(
			[t('report.measure'), t('report.count')],
			[
				[t('report.inFase2'), verander.inFase2],
				[t('report.pilots'), verander.pilots]
			]
		)
	);
	parts.push(`### ${t('report.organisations')}`);
	parts.push(
		verander.organisations.length === 0
			? t('report.none')
			: table(
					[t('report.organisation'), t('report.pilots')],
					verander.organisations.map((o) => [o.name, o.pilots])
				)
	);

	parts.push(`## ${t('report.effect')}`);
	if (effect.businessCases.length === 0) parts.push(t('report.noBusinessCases'));
	const outcome = (key: string) => BUSINESS_CASE_FIELDS.find((f) => f.key === key)!;
	for (const b of effect.businessCases) {
		const canvas =
			b.level === 'pilot' ? b.name : b.level === 'society' ? t('workspace.canvas.society') : t('report.doetankCanvas');
		parts.push(`### ${b.doetankName} · ${canvas}`);
		for (const [key, text] of [
			['q5_kwantitatieve_outcome', b.q5],
			['q6_kwalitatieve_outcome', b.q6]
		] as const) {
			parts.push(`**${fieldLabel(outcome(key), locale)}**`);
			if (text) parts.push(text);
		}
	}

	parts.push(`## ${t('networkCanvas.title')}`);
	const network = effect.network;
	if (!network) parts.push(t('report.noNetworkCanvas'));
	else {
		for (const f of BUSINESS_CASE_FIELDS) {
			const strategy =
				f.key === 'productiviteitsstrategie'
					? PRODUCTIVITY_STRATEGIES.find((s) => s.key === network.strategy)?.label[locale]
					: undefined;
			if (!network.fields[f.key] && !strategy) continue;
			parts.push(`### ${fieldLabel(f, locale)}`);
			if (strategy) parts.push(`**${strategy}**`);
			if (network.fields[f.key]) parts.push(network.fields[f.key]);
		}
	}
	return `${parts.join('\n\n')}\n`;
}
