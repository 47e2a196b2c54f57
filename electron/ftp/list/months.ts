/**
 * Month names as `ls -l` prints them when the server runs under a non-English locale: glibc's
 * abbreviated month names (`abmon`, plus `ab_alt_mon` where a language has two grammatical forms,
 * e.g. Russian "мая"/"май"), the spellings of older glibc releases and the CLDR abbreviations other
 * C libraries use. Owns the rule that a spelling is read only when it names the same month in every
 * language that uses it.
 * Pure: no imports; no node:*, no I/O.
 */

/** {@link monthOfName}'s answer for a token that is no month name we know. */
export const NOT_A_MONTH = -1;

/**
 * {@link monthOfName}'s answer for a spelling that is a month name but is not read: it names
 * different months in different languages (Polish and Czech "lis" is November, Croatian "lis" is
 * October), or it belongs to a language listed only to find such clashes. A line with one still
 * looks like `ls -l`, so it can be kept without a date.
 */
export const UNREAD_MONTH = -2;

// One string per month, January first; '|' separates the spellings of one month. Lower case and
// without a trailing dot: lookups fold case and drop one dot (glibc prints "févr." in French, "Mär"
// in German, CLDR "mrt." in Dutch).
const READ: Readonly<Record<string, readonly string[]>> = {
  en: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep|sept', 'oct', 'nov', 'dec'],
  // "jän" is Austrian (de_AT); "mrz" the DIN 1355 abbreviation some systems print.
  de: ['jan|jän', 'feb', 'mär|mrz|märz', 'apr', 'mai', 'jun|juni', 'jul|juli', 'aug', 'sep|sept', 'okt', 'nov', 'dez'],
  // Current glibc first, then the three-letter forms of releases before 2008.
  fr: ['janv|jan', 'févr|fév', 'mars|mar', 'avr|avril', 'mai', 'juin|jun', 'juil|jul', 'août|aoû', 'sept|sep', 'oct', 'nov', 'déc'],
  es: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep|sept', 'oct', 'nov', 'dic'],
  it: ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
  nl: ['jan', 'feb', 'mrt|maart', 'apr', 'mei', 'jun|juni', 'jul|juli', 'aug', 'sep|sept', 'okt', 'nov', 'dec'],
  pt: ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'],
  sv: ['jan', 'feb', 'mar|mars', 'apr', 'maj', 'jun|juni', 'jul|juli', 'aug', 'sep', 'okt', 'nov', 'dec'],
  da: ['jan', 'feb', 'mar|marts', 'apr', 'maj', 'jun|juni', 'jul|juli', 'aug', 'sep', 'okt', 'nov', 'dec'],
  pl: ['sty', 'lut', 'mar', 'kwi', 'maj', 'cze', 'lip', 'sie', 'wrz', 'paź', 'lis', 'gru'],
  // glibc's `abmon` has the genitive "мая" since 2.27; older releases and `ab_alt_mon` have "май".
  ru: ['янв', 'фев|февр', 'мар|март', 'апр', 'май|мая', 'июн|июнь', 'июл|июль', 'авг', 'сен|сент', 'окт', 'ноя|нояб', 'дек'],
  hu: ['jan', 'febr', 'márc', 'ápr', 'máj', 'jún', 'júl', 'aug', 'szept', 'okt', 'nov', 'dec'],
  cs: ['led', 'úno', 'bře', 'dub', 'kvě', 'čen', 'čec', 'srp', 'zář', 'říj', 'lis', 'pro'],
};

// Languages whose spellings are never read, listed so that a spelling they give another month is
// refused everywhere (Croatian "lis" October, "lip" June, "srp" July against Polish/Czech
// November, July, August) and so that their lines are still recognised as `ls -l`.
const CLASHES_ONLY: Readonly<Record<string, readonly string[]>> = {
  hr: ['sij', 'vel', 'ožu', 'tra', 'svi', 'lip', 'srp', 'kol', 'ruj', 'lis', 'stu', 'pro'],
};

// In no table above, but French readers would take it for juin as readily as for juillet.
const PREFIX_OF_TWO_MONTHS: readonly string[] = ['jui'];

/** Longer than any spelling above with its dot and decomposed accents; longer tokens are not looked up. */
const MAX_NAME_LENGTH = 8;

function buildTable(): ReadonlyMap<string, number> {
  const table = new Map<string, number>();
  for (const months of Object.values(READ)) {
    months.forEach((spellings, month) => {
      for (const spelling of spellings.split('|')) {
        const known = table.get(spelling);
        table.set(spelling, known === undefined || known === month ? month : UNREAD_MONTH);
      }
    });
  }
  for (const months of Object.values(CLASHES_ONLY)) {
    months.forEach((spellings, month) => {
      for (const spelling of spellings.split('|')) {
        const known = table.get(spelling);
        if (known !== month) table.set(spelling, UNREAD_MONTH);
      }
    });
  }
  for (const spelling of PREFIX_OF_TWO_MONTHS) table.set(spelling, UNREAD_MONTH);
  return table;
}

const TABLE = buildTable();

/**
 * The zero-based month a localized abbreviation names (any case, with or without one trailing
 * dot), {@link UNREAD_MONTH} for a month name that is not read, or {@link NOT_A_MONTH}.
 */
export function monthOfName(token: string): number {
  if (token.length === 0 || token.length > MAX_NAME_LENGTH) return NOT_A_MONTH;
  const bare = token.endsWith('.') ? token.slice(0, -1) : token;
  // Precomposed and decomposed accents ("ä" and "a" + U+0308) are the same name.
  const month = TABLE.get(bare.normalize('NFC').toLowerCase());
  return month === undefined ? NOT_A_MONTH : month;
}
