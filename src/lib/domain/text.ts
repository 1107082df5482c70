/**
 * A text of an instrument or of the business-case canvas: the source's Dutch (verbatim) and a
 * working English translation. These stay with their instrument instead of going through
 * src/lib/i18n: they are the instrument's own wording, indexed by locale (`text[locale]`).
 */
export type Text = Readonly<{ nl: string; en: string }>;
