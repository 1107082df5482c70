/** Doetanks and their course: list, overview, phase page, timeline, gates and stop reasons. */
export const nl = {
	'doetanks.title': 'Doetanks',
	'doetanks.mine': 'Mijn Doetanks',
	'doetanks.all': 'Alle Doetanks in het netwerk',
	'doetanks.empty': 'Je bent nog geen lid van een Doetank. Start er zelf een, of vraag een trekker om een uitnodiging.',
	'doetanks.emptyAll': 'Er zijn nog geen Doetanks in het netwerk.',
	'doetanks.create': 'Nieuwe Doetank',
	'doetanks.createIntro': 'Je wordt zelf trekker. Beschrijf het probleem uit je eigen werk; een oplossing komt later.',
	'doetanks.name': 'Naam',
	'doetanks.onderwerp': 'Onderwerp',
	'doetanks.onderwerpHint': 'Welk probleem uit het dagelijks werk pakt de Doetank op?',
	'doetanks.beoogdDoel': 'Beoogd doel',
	'doetanks.beoogdDoelHint': 'Wat is er beter als het lukt, en voor wie?',
	'doetanks.createButton': 'Doetank starten',
	'doetanks.members': '{count, plural, one {# lid} other {# leden}}',
	'doetanks.yourRoles': 'Jouw rollen:',
	'doetanks.notMember': 'Je bent geen lid',

	'doetank.about': 'Over deze Doetank',
	'doetank.members': 'Leden',
	'doetank.noMembers': 'Nog geen leden.',
	'doetank.directStake': 'Onderwerp hoort bij het dagelijks werk',
	'doetank.you': '(jij)',
	'doetank.rolesOf': 'Rollen van {name}',
	'doetank.saveRoles': 'Rollen opslaan',
	'doetank.rolesSaved': 'De rollen zijn opgeslagen.',
	'doetank.remove': 'Verwijderen uit Doetank',
	'doetank.removeConfirm': '{name} uit de Doetank verwijderen?',
	'doetank.removed': '{name} is uit de Doetank verwijderd.',
	'doetank.addMember': 'Bestaand account uitnodigen',
	'doetank.addMemberButton': 'Uitnodigen',
	'doetank.memberInvited':
		'Als er een account met dit e-mailadres is, staat de uitnodiging nu in de inbox van die persoon. Die wordt lid na het accepteren.',
	'doetank.invite': 'Uitnodigen met een link',
	'doetank.inviteIntro': 'De link werkt één keer en verloopt na {days} dagen.',
	'doetank.inviteButton': 'Link maken',
	'doetank.inviteLinks': 'Gemaakte links (elke link wordt maar op deze pagina getoond)',
	'doetank.inviteLinkFor': 'Link voor: {roles}',
	'doetank.inviteCopy': 'Kopieer link',
	'doetank.inviteCopied': 'Gekopieerd',
	'doetank.roles': 'Rollen',
	'doetank.lidType': 'Kern of schil',
	'doetank.lidTypeNone': 'Niet van toepassing',
	'doetank.edit': 'Beschrijving bewerken',
	'doetank.save': 'Opslaan',
	'doetank.saved': 'Opgeslagen.',

	'gate.opdrachtgever.label': 'Er is een opdrachtgever lid van de Doetank',
	'gate.opdrachtgever.met': 'De opdrachtgever is lid van de Doetank.',
	'gate.opdrachtgever.missing':
		'Er is nog geen opdrachtgever. Voeg de opdrachtgever toe bij Leden of stuur een uitnodiging met de rol opdrachtgever.',
	'gate.besluitvormer.label': 'De besluitvormer is genoemd',
	'gate.besluitvormer.member': 'De besluitvormer is lid van de Doetank.',
	'gate.besluitvormer.agreement': 'De bevestigde afspraak noemt de besluitvormer: {name}.',
	'gate.besluitvormer.opdrachtgever': 'De opdrachtgever heeft bevestigd zelf de besluitvormer te zijn.',
	'gate.besluitvormer.missing':
		'Noem de besluitvormer in de opdrachtgeversafspraak (of vink aan dat de opdrachtgever zelf beslist) en laat de opdrachtgever dat bevestigen, of voeg de besluitvormer toe als lid.',
	'gate.agreement.label': 'De opdrachtgeversafspraak is bevestigd',
	'gate.agreement.none':
		'Er is nog geen opdrachtgeversafspraak. Leg randvoorwaarden, spelregels en terugkoppelmomenten vast.',
	'gate.agreement.unconfirmed': 'Versie {version} van de afspraak wacht op bevestiging door de opdrachtgever.',
	'gate.agreement.changed':
		'De afspraak is gewijzigd na de bevestiging van versie {confirmed}; de opdrachtgever moet versie {version} opnieuw bevestigen.',
	'gate.agreement.confirmed': 'Versie {version} is bevestigd door de opdrachtgever.',
	'gate.probleemdefinitie.label': 'Een terugkoppelmoment over de probleemdefinitie is goedgekeurd',
	'gate.probleemdefinitie.met':
		'De opdrachtgever of besluitvormer heeft een versie van de probleemdefinitie goedgekeurd.',
	'gate.probleemdefinitie.missing':
		'Dien de probleemdefinitie in bij een terugkoppelmoment en laat de opdrachtgever of besluitvormer die goedkeuren.',
	'gate.businessCase.label': 'Een terugkoppelmoment over de business case of de pilotresultaten is goedgekeurd',
	'gate.businessCase.met': 'De opdrachtgever of besluitvormer heeft een business case goedgekeurd.',
	'gate.businessCase.missing':
		'Dien een business case (van de Doetank of van een pilot) in bij een terugkoppelmoment en laat die goedkeuren.',

	'stopReason.oplossing_sluit_niet_aan': 'oplossing sluit niet aan bij het probleem',
	'stopReason.probleem_minder_urgent': 'probleem minder urgent dan aangenomen; opdrachtgever trekt zich terug',
	'stopReason.probleem_niet_afgebakend':
		'probleem onvoldoende afgebakend om opdrachtgevers te committeren; momentum verdwenen',
	'stopReason.kernleden_andere_baan': 'kernleden krijgen een andere baan',
	'stopReason.probleemdefinitie_niet_gedeeld':
		'probleemdefinitie van de opdrachtgever vindt geen gehoor bij de professionals (en staat niet ter discussie)',
	'stopReason.gebrek_actieve_leden': 'gebrek aan actieve Doetank-leden',
	'stopReason.geen_duidelijk_doel': 'geen duidelijk en concreet doel',
	'stopReason.geen_opdrachtgever_stakeholders':
		'geen geïnteresseerde opdrachtgevers; stakeholders niet bereid mee te doen',
	'stopReason.gebrek_motivatie_organiserend_vermogen': 'gebrek aan (intrinsieke) motivatie en organiserend vermogen',
	'stopReason.onvoldoende_tijd':
		'onvoldoende tijd / geen prioriteit, vooral als de Doetank niet aansluit bij het dagelijks werk',
	'stopReason.opgeheven_na_herdefinitie':
		'opgeheven nadat de coach op een heldere probleemdefinitie stuurde (oplossing zocht een probleem)',
	'stopReason.kwam_niet_van_de_grond': 'kwam niet van de grond (bleef bij een idee)',
	'stopReason.anders': 'anders',

	'doetanks.questionnaireLink': 'Vragenlijst {wave} voor {doetank} invullen',

	'gatePanel.met': '(in orde)',
	'gatePanel.missing': '(ontbreekt nog)',
	'gatePanel.invite': 'Nodig een opdrachtgever uit',
	'gatePanel.agreement': 'Naar de opdrachtgeversafspraak',
	'gatePanel.checkpoints': 'Naar de terugkoppelmomenten',

	'timeline.title': 'Tijdlijn van de fasen',
	'timeline.empty': 'Nog geen faseovergangen.',
	'timeline.move': 'van {from} naar {to}',
	'timeline.reason': 'Reden: {reason}',
	'timeline.result': 'Resultaat: {summary}',
	'timeline.override': 'Poort gepasseerd door een beheerder: {justification}',

	'phasePage.title': 'Fasen en poorten',
	'phasePage.current': 'Huidige fase:',
	'phasePage.final': 'Deze Doetank is in een eindfase; er zijn geen overgangen meer.',
	'phasePage.to': 'Naar {phase}',
	'phasePage.open': 'De poort is open.',
	'phasePage.closed':
		'De poort is nog dicht: {count, plural, one {# voorwaarde ontbreekt} other {# voorwaarden ontbreken}}.',
	'phasePage.noGate': 'Hiervoor geldt geen poort; wel vraagt de stap om een toelichting.',
	'phasePage.reason': 'Reden van stoppen',
	'phasePage.reasonChoose': 'Kies een reden',
	'phasePage.explanation': 'Toelichting',
	'phasePage.resultSummary': 'Korte samenvatting van het resultaat',
	'phasePage.override': 'Poort passeren als beheerder',
	'phasePage.justification': 'Verantwoording',
	'phasePage.justificationHint':
		'Waarom gaat de Doetank verder terwijl niet alle voorwaarden zijn vervuld? Dit wordt vastgelegd.',
	'phasePage.move': 'Naar {phase}',
	'phasePage.moved': 'De Doetank is nu in {phase}.',
	'phasePage.confirmTitle': 'Naar {phase}?',
	'phasePage.confirmMove':
		'{doetank} gaat naar {phase}. De stap wordt vastgelegd in de tijdlijn en kan niet worden teruggedraaid; iedereen in de Doetank krijgt er bericht van.',
	'phasePage.confirmFinal':
		'{doetank} gaat naar {phase}. Dat is een eindfase: daarna kan de Doetank niet meer van fase wisselen. De stap wordt vastgelegd en kan niet worden teruggedraaid.',

	'overview.title': 'Overzicht Doetanks',
	'overview.csv': 'Als CSV',
	'overview.intro':
		'Alle Doetanks van het netwerk met onderwerp, beoogd doel, fase en bijzonderheden, zoals in het overzicht van het rapport.',
	'overview.phase': 'Fase',
	'overview.bijzonderheden': 'Bijzonderheden',
	'overview.noteOf': 'Bijzonderheden van {name}',
	'overview.save': 'Opslaan',
	'overview.saved': 'Opgeslagen.'
};

export const en: Record<keyof typeof nl, string> = {
	'doetanks.title': 'Doetanks',
	'doetanks.mine': 'My Doetanks',
	'doetanks.all': 'All Doetanks in the network',
	'doetanks.empty': 'You are not in a Doetank yet. Start one yourself, or ask a trekker for an invitation.',
	'doetanks.emptyAll': 'There are no Doetanks in the network yet.',
	'doetanks.create': 'New Doetank',
	'doetanks.createIntro': 'You become its trekker. Describe the problem from your own work; a solution comes later.',
	'doetanks.name': 'Name',
	'doetanks.onderwerp': 'Topic (onderwerp)',
	'doetanks.onderwerpHint': 'Which problem from daily work does the Doetank take on?',
	'doetanks.beoogdDoel': 'Intended goal (beoogd doel)',
	'doetanks.beoogdDoelHint': 'What is better when it works, and for whom?',
	'doetanks.createButton': 'Start Doetank',
	'doetanks.members': '{count, plural, one {# member} other {# members}}',
	'doetanks.yourRoles': 'Your roles:',
	'doetanks.notMember': 'You are not a member',

	'doetank.about': 'About this Doetank',
	'doetank.members': 'Members',
	'doetank.noMembers': 'No members yet.',
	'doetank.directStake': 'Topic is part of daily work',
	'doetank.you': '(you)',
	'doetank.rolesOf': 'Roles of {name}',
	'doetank.saveRoles': 'Save roles',
	'doetank.rolesSaved': 'The roles have been saved.',
	'doetank.remove': 'Remove from Doetank',
	'doetank.removeConfirm': 'Remove {name} from the Doetank?',
	'doetank.removed': '{name} has been removed from the Doetank.',
	'doetank.addMember': 'Invite an existing account',
	'doetank.addMemberButton': 'Invite',
	'doetank.memberInvited':
		'If an account with this e-mail address exists, the invitation is now in that person’s inbox. They become a member once they accept.',
	'doetank.invite': 'Invite with a link',
	'doetank.inviteIntro': 'The link works once and expires after {days} days.',
	'doetank.inviteButton': 'Create link',
	'doetank.inviteLinks': 'Links made (each link is shown only on this page)',
	'doetank.inviteLinkFor': 'Link for: {roles}',
	'doetank.inviteCopy': 'Copy link',
	'doetank.inviteCopied': 'Copied',
	'doetank.roles': 'Roles',
	'doetank.lidType': 'Core or shell',
	'doetank.lidTypeNone': 'Not applicable',
	'doetank.edit': 'Edit description',
	'doetank.save': 'Save',
	'doetank.saved': 'Saved.',

	'gate.opdrachtgever.label': 'An opdrachtgever (sponsor) is a member of the Doetank',
	'gate.opdrachtgever.met': 'The opdrachtgever is a member of the Doetank.',
	'gate.opdrachtgever.missing':
		'There is no opdrachtgever yet. Add the opdrachtgever under Members or send an invitation with the opdrachtgever role.',
	'gate.besluitvormer.label': 'The besluitvormer (decision maker) is named',
	'gate.besluitvormer.member': 'The besluitvormer is a member of the Doetank.',
	'gate.besluitvormer.agreement': 'The confirmed agreement names the besluitvormer: {name}.',
	'gate.besluitvormer.opdrachtgever': 'The opdrachtgever has confirmed being the decision maker.',
	'gate.besluitvormer.missing':
		'Name the besluitvormer in the opdrachtgever agreement (or tick that the opdrachtgever decides) and have the opdrachtgever confirm it, or add the besluitvormer as a member.',
	'gate.agreement.label': 'The opdrachtgever agreement is confirmed',
	'gate.agreement.none':
		'There is no opdrachtgever agreement yet. Record the randvoorwaarden (preconditions), spelregels (ground rules) and terugkoppelmomenten (checkpoints).',
	'gate.agreement.unconfirmed': 'Version {version} of the agreement is waiting for the opdrachtgever to confirm it.',
	'gate.agreement.changed':
		'The agreement changed after version {confirmed} was confirmed; the opdrachtgever must confirm version {version} again.',
	'gate.agreement.confirmed': 'Version {version} was confirmed by the opdrachtgever.',
	'gate.probleemdefinitie.label': 'A terugkoppelmoment (checkpoint) about the probleemdefinitie is approved',
	'gate.probleemdefinitie.met': 'The opdrachtgever or besluitvormer approved a version of the probleemdefinitie.',
	'gate.probleemdefinitie.missing':
		'Submit the probleemdefinitie at a terugkoppelmoment and have the opdrachtgever or besluitvormer approve it.',
	'gate.businessCase.label':
		'A terugkoppelmoment (checkpoint) about the business case or the pilot results is approved',
	'gate.businessCase.met': 'The opdrachtgever or besluitvormer approved a business case.',
	'gate.businessCase.missing':
		'Submit a business case (of the Doetank or of a pilot) at a terugkoppelmoment and have it approved.',

	'stopReason.oplossing_sluit_niet_aan': 'solution does not fit the problem',
	'stopReason.probleem_minder_urgent': 'problem less urgent than assumed; opdrachtgever withdraws',
	'stopReason.probleem_niet_afgebakend':
		'problem not scoped into a manageable issue to commit opdrachtgevers; momentum lost',
	'stopReason.kernleden_andere_baan': 'core members change jobs',
	'stopReason.probleemdefinitie_niet_gedeeld':
		"the opdrachtgever's problem definition does not resonate with the professionals (and is not open to discussion)",
	'stopReason.gebrek_actieve_leden': 'lack of active Doetank members',
	'stopReason.geen_duidelijk_doel': 'no clear and concrete goal',
	'stopReason.geen_opdrachtgever_stakeholders': 'no interested opdrachtgevers; stakeholders unwilling to take part',
	'stopReason.gebrek_motivatie_organiserend_vermogen': 'lack of (intrinsic) motivation and organising capacity',
	'stopReason.onvoldoende_tijd':
		'not enough time / no priority, especially when the Doetank does not tie in with daily work',
	'stopReason.opgeheven_na_herdefinitie':
		'dissolved after the coach pushed for a clear problem definition (a solution looking for a problem)',
	'stopReason.kwam_niet_van_de_grond': 'never got off the ground (stayed an idea)',
	'stopReason.anders': 'other',

	'doetanks.questionnaireLink': 'Answer questionnaire {wave} for {doetank}',

	'gatePanel.met': '(met)',
	'gatePanel.missing': '(still missing)',
	'gatePanel.invite': 'Invite an opdrachtgever',
	'gatePanel.agreement': 'To the opdrachtgeversafspraak',
	'gatePanel.checkpoints': 'To the terugkoppelmomenten',

	'timeline.title': 'Phase timeline',
	'timeline.empty': 'No phase transitions yet.',
	'timeline.move': 'from {from} to {to}',
	'timeline.reason': 'Reason: {reason}',
	'timeline.result': 'Result: {summary}',
	'timeline.override': 'Gate overridden by an admin: {justification}',

	'phasePage.title': 'Phases and gates',
	'phasePage.current': 'Current phase:',
	'phasePage.final': 'This Doetank is in a final phase; there are no more transitions.',
	'phasePage.to': 'To {phase}',
	'phasePage.open': 'The gate is open.',
	'phasePage.closed': 'The gate is still closed: {count, plural, one {# condition} other {# conditions}} missing.',
	'phasePage.noGate': 'No gate applies; the step does ask for an explanation.',
	'phasePage.reason': 'Reason for stopping',
	'phasePage.reasonChoose': 'Choose a reason',
	'phasePage.explanation': 'Explanation',
	'phasePage.resultSummary': 'Short summary of the result',
	'phasePage.override': 'Pass the gate as an admin',
	'phasePage.justification': 'Justification',
	'phasePage.justificationHint': 'Why does the Doetank move on while not every condition is met? This is recorded.',
	'phasePage.move': 'Move to {phase}',
	'phasePage.moved': 'The Doetank is now in {phase}.',
	'phasePage.confirmTitle': 'Move to {phase}?',
	'phasePage.confirmMove':
		'{doetank} moves to {phase}. The step is recorded in the timeline and cannot be undone; everyone in the Doetank is told.',
	'phasePage.confirmFinal':
		'{doetank} moves to {phase}. That is a final phase: afterwards the Doetank cannot change phase again. The step is recorded and cannot be undone.',

	'overview.title': 'Overview of Doetanks',
	'overview.csv': 'As CSV',
	'overview.intro':
		"All Doetanks of the network with onderwerp, beoogd doel, phase and bijzonderheden, as in the report's overview.",
	'overview.phase': 'Phase',
	'overview.bijzonderheden': 'Bijzonderheden (particulars)',
	'overview.noteOf': 'Bijzonderheden of {name}',
	'overview.save': 'Save',
	'overview.saved': 'Saved.'
};
