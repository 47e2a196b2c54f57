/**
 * The date forms `ls -l` prints under other locales and time styles, read by the Unix reader:
 * localized month names (glibc `abmon` spellings, older glibc and CLDR forms) in both orders, CJK
 * dates, numeric dates, 24:00, and lines kept without a date. Lines are written after the formats
 * glibc's locale data and coreutils' `ls` produce; yearless dates are judged against NOW.
 */
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../../shared/domain';
import { ListParser, parseListing, parseUnixLine, readUnixLine } from '../../../../electron/ftp/list';
import { monthOfName, NOT_A_MONTH, UNREAD_MONTH } from '../../../../electron/ftp/list/months';

/** Saturday 2024-06-15 12:00 UTC: yearless dates up to June 16 are this year, later ones last year. */
const NOW = Date.UTC(2024, 5, 15, 12, 0);
const t = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s);

type Want = Partial<FileEntry> & { name: string };
type Case = readonly [line: string, want: Want];

/** Checks the fields given; a field given as undefined must be absent. */
function expectEntry(line: string, want: Want): void {
  const entry = parseUnixLine(line, { nowMs: NOW });
  expect(entry, line).not.toBeNull();
  expect(entry, line).toMatchObject(Object.fromEntries(Object.entries(want).filter(([, v]) => v !== undefined)));
  for (const [key, value] of Object.entries(want)) {
    if (value === undefined) expect(entry, `${line}: ${key}`).not.toHaveProperty(key);
  }
}

const file = (name: string, sizeBytes: number, modifiedMs: number | undefined): Want => ({ name, type: 'file', sizeBytes, modifiedMs });
const dir = (name: string, modifiedMs: number | undefined): Want => ({ name, type: 'dir', sizeBytes: undefined, modifiedMs });

const LANGUAGES: Record<string, readonly Case[]> = {
  german: [
    // coreutils' German `ls` prints "%e. %b"; pyftpdlib and others keep "%b %d".
    ['-rw-r--r--    1 ftp      ftp          1024  5. Mär 12:00 bericht.pdf', file('bericht.pdf', 1024, t(2024, 3, 5, 12, 0))],
    ['drwxr-xr-x    2 ftp      ftp          4096 17. Okt  2022 Archiv', dir('Archiv', t(2022, 10, 17))],
    ['-rw-r--r--    1 ftp      ftp            77 Dez 24 18:30 weihnachten.txt', file('weihnachten.txt', 77, t(2023, 12, 24, 18, 30))],
    ['-rw-r--r--    1 ftp      ftp           512 mär.  1  2021 alt.txt', file('alt.txt', 512, t(2021, 3, 1))],
    ['-rw-r--r--    1 ftp      ftp          2048 Jän 31 09:15 jänner.txt', file('jänner.txt', 2048, t(2024, 1, 31, 9, 15))],
    ['-rw-r--r--    1 ftp      ftp             0 MÄR 03 07:00 GROSS.TXT', file('GROSS.TXT', 0, t(2024, 3, 3, 7, 0))],
    ['-rw-r--r--    1 ftp      ftp             5 Mrz  9  2019 din.txt', file('din.txt', 5, t(2019, 3, 9))],
  ],
  french: [
    ['-rw-r--r--    1 ftp      ftp          1024 févr. 14 09:30 rapport.odt', file('rapport.odt', 1024, t(2024, 2, 14, 9, 30))],
    ['-rw-r--r--    1 ftp      ftp          2048 déc.  25  2023 noel.jpg', file('noel.jpg', 2048, t(2023, 12, 25))],
    ['drwxr-xr-x    2 ftp      ftp          4096  3 juil.  2022 vacances', dir('vacances', t(2022, 7, 3))],
    // `ls` pads month names to one width: "mai" is followed by blanks.
    ['-rw-r--r--    1 ftp      ftp           300 12 mai   10:05 mai.txt', file('mai.txt', 300, t(2024, 5, 12, 10, 5))],
    ['-rw-r--r--    1 ftp      ftp            42 août   8  2019 été.txt', file('été.txt', 42, t(2019, 8, 8))],
    ['-rw-r--r--    1 ftp      ftp            43 JANV.  2 11:11 majuscules.txt', file('majuscules.txt', 43, t(2024, 1, 2, 11, 11))],
    // glibc before 2008: three letters, no dots.
    ['-rw-r--r--    1 ftp      ftp            10 fév 29  2020 bissextile.txt', file('bissextile.txt', 10, t(2020, 2, 29))],
  ],
  spanish: [
    ['-rw-r--r-- 1 ftp ftp 1500 ene 10 08:00 enero.csv', file('enero.csv', 1500, t(2024, 1, 10, 8, 0))],
    ['-rw-r--r-- 1 ftp ftp 1501 dic 31  2023 nochevieja.csv', file('nochevieja.csv', 1501, t(2023, 12, 31))],
    ['drwxr-xr-x 3 ftp ftp 4096 15 abr 16:45 proyectos', dir('proyectos', t(2024, 4, 15, 16, 45))],
    ['-rw-r--r-- 1 ftp ftp 99 ago  1  2020 agosto.txt', file('agosto.txt', 99, t(2020, 8, 1))],
    ['-rw-r--r-- 1 ftp ftp 7 may  5 23:59 mayo.txt', file('mayo.txt', 7, t(2024, 5, 5, 23, 59))],
    ['-rw-r--r-- 1 ftp ftp 8 sept. 9 2018 septiembre.txt', file('septiembre.txt', 8, t(2018, 9, 9))],
  ],
  italian: [
    ['-rw-r--r-- 1 ftp ftp 100 gen  7 10:00 gennaio.txt', file('gennaio.txt', 100, t(2024, 1, 7, 10, 0))],
    ['-rw-r--r-- 1 ftp ftp 200 mag 21 14:30 maggio.txt', file('maggio.txt', 200, t(2024, 5, 21, 14, 30))],
    ['-rw-r--r-- 1 ftp ftp 300 giu  2  2021 giugno.txt', file('giugno.txt', 300, t(2021, 6, 2))],
    ['drwxr-xr-x 2 ftp ftp 4096 lug 14  2023 luglio', dir('luglio', t(2023, 7, 14))],
    ['-rw-r--r-- 1 ftp ftp 500 20 set  2022 settembre.txt', file('settembre.txt', 500, t(2022, 9, 20))],
    ['-rw-r--r-- 1 ftp ftp 600 ott 31  2023 ottobre.txt', file('ottobre.txt', 600, t(2023, 10, 31))],
    ['-rw-r--r-- 1 ftp ftp 700 dic  1 09:00 dicembre.txt', file('dicembre.txt', 700, t(2023, 12, 1, 9, 0))],
  ],
  dutch: [
    ['-rw-r--r-- 1 ftp ftp 10 mrt 12 09:00 maart.txt', file('maart.txt', 10, t(2024, 3, 12, 9, 0))],
    ['-rw-r--r-- 1 ftp ftp 11 mei  3  2022 mei.txt', file('mei.txt', 11, t(2022, 5, 3))],
    ['-rw-r--r-- 1 ftp ftp 12 okt.  9  2021 oktober.txt', file('oktober.txt', 12, t(2021, 10, 9))],
    ['-rw-r--r-- 1 ftp ftp 13  1 jun 06:30 juni.txt', file('juni.txt', 13, t(2024, 6, 1, 6, 30))],
    ['drwxr-xr-x 2 ftp ftp 4096 28 aug  2023 augustus', dir('augustus', t(2023, 8, 28))],
    ['-rw-r--r-- 1 ftp ftp 14 Mrt.  1  1999 oud.txt', file('oud.txt', 14, t(1999, 3, 1))],
  ],
  portuguese: [
    ['-rw-r--r-- 1 ftp ftp 10 fev  2 10:10 fevereiro.txt', file('fevereiro.txt', 10, t(2024, 2, 2, 10, 10))],
    ['-rw-r--r-- 1 ftp ftp 11 Abr 22  2023 abril.txt', file('abril.txt', 11, t(2023, 4, 22))],
    ['-rw-r--r-- 1 ftp ftp 12 out  5  2020 outubro.txt', file('outubro.txt', 12, t(2020, 10, 5))],
    ['-rw-r--r-- 1 ftp ftp 13 dez 25  2019 natal.txt', file('natal.txt', 13, t(2019, 12, 25))],
    ['-rw-r--r-- 1 ftp ftp 14  7 set  2021 setembro.txt', file('setembro.txt', 14, t(2021, 9, 7))],
    ['drwxr-xr-x 2 ftp ftp 4096 Mai 30 17:00 maio', dir('maio', t(2024, 5, 30, 17, 0))],
  ],
  swedish: [
    ['-rw-r--r-- 1 ftp ftp 10 maj 17 08:00 maj.txt', file('maj.txt', 10, t(2024, 5, 17, 8, 0))],
    ['-rw-r--r-- 1 ftp ftp 11 okt  1  2023 oktober.txt', file('oktober.txt', 11, t(2023, 10, 1))],
    // coreutils' Swedish `ls` prints "%e %b %Y" with one blank before the year.
    ['-rw-r--r-- 1 ftp ftp 12  6 jun 2022 nationaldag.txt', file('nationaldag.txt', 12, t(2022, 6, 6))],
    ['-rw-r--r-- 1 ftp ftp 13 24 dec 15:00 julafton.txt', file('julafton.txt', 13, t(2023, 12, 24, 15, 0))],
    ['drwxr-xr-x 2 ftp ftp 4096 mars  3  2020 mars', dir('mars', t(2020, 3, 3))],
    ['-rw-r--r-- 1 ftp ftp 14 aug.  8 12:12 augusti.txt', file('augusti.txt', 14, t(2023, 8, 8, 12, 12))],
  ],
  danish: [
    ['-rw-r--r-- 1 ftp ftp 10 maj  4 07:45 maj.txt', file('maj.txt', 10, t(2024, 5, 4, 7, 45))],
    ['-rw-r--r-- 1 ftp ftp 11 jun.  5  2019 grundlov.txt', file('grundlov.txt', 11, t(2019, 6, 5))],
    ['-rw-r--r-- 1 ftp ftp 12 okt 13  2021 oktober.txt', file('oktober.txt', 12, t(2021, 10, 13))],
    ['-rw-r--r-- 1 ftp ftp 13  1 jan 00:00 nytaar.txt', file('nytaar.txt', 13, t(2024, 1, 1, 0, 0))],
    ['drwxr-xr-x 2 ftp ftp 4096 marts 31  2022 marts', dir('marts', t(2022, 3, 31))],
    ['-rw-r--r-- 1 ftp ftp 14 Nov 11  2020 november.txt', file('november.txt', 14, t(2020, 11, 11))],
  ],
  polish: [
    ['-rw-r--r-- 1 ftp ftp 10 sty 15 10:00 styczen.txt', file('styczen.txt', 10, t(2024, 1, 15, 10, 0))],
    ['-rw-r--r-- 1 ftp ftp 11 lut 29  2020 luty.txt', file('luty.txt', 11, t(2020, 2, 29))],
    ['-rw-r--r-- 1 ftp ftp 12 paź 12  2023 pazdziernik.txt', file('pazdziernik.txt', 12, t(2023, 10, 12))],
    ['-rw-r--r-- 1 ftp ftp 13  3 maj 09:00 konstytucja.txt', file('konstytucja.txt', 13, t(2024, 5, 3, 9, 0))],
    ['-rw-r--r-- 1 ftp ftp 14 gru  6  2022 grudzien.txt', file('grudzien.txt', 14, t(2022, 12, 6))],
    ['drwxr-xr-x 2 ftp ftp 4096 wrz  1  2021 wrzesien', dir('wrzesien', t(2021, 9, 1))],
    ['-rw-r--r-- 1 ftp ftp 15 kwi 30 18:00 kwiecien.txt', file('kwiecien.txt', 15, t(2024, 4, 30, 18, 0))],
    // "lis" and "lip" are other months in Croatian: kept, without a date.
    ['-rw-r--r-- 1 ftp ftp 16 lis 11  2023 listopad.txt', file('listopad.txt', 16, undefined)],
    ['-rw-r--r-- 1 ftp ftp 17 22 lip 10:00 lipiec.txt', file('lipiec.txt', 17, undefined)],
  ],
  russian: [
    ['-rw-r--r-- 1 ftp ftp 10 янв 10 10:00 январь.txt', file('январь.txt', 10, t(2024, 1, 10, 10, 0))],
    ['-rw-r--r-- 1 ftp ftp 11 мар  8  2023 март.txt', file('март.txt', 11, t(2023, 3, 8))],
    // glibc 2.27+ prints the genitive "мая" in dates, older releases "май"/"Май".
    ['-rw-r--r-- 1 ftp ftp 12 мая  9 12:00 победа.txt', file('победа.txt', 12, t(2024, 5, 9, 12, 0))],
    ['-rw-r--r-- 1 ftp ftp 13 Май  1  2020 май.txt', file('май.txt', 13, t(2020, 5, 1))],
    ['drwxr-xr-x 2 ftp ftp 4096 12 июн 2022 россия', dir('россия', t(2022, 6, 12))],
    ['-rw-r--r-- 1 ftp ftp 14 дек 31 23:59 новый год.txt', file('новый год.txt', 14, t(2023, 12, 31, 23, 59))],
    ['-rw-r--r-- 1 ftp ftp 15 сент. 1 2021 школа.txt', file('школа.txt', 15, t(2021, 9, 1))],
  ],
  hungarian: [
    ['-rw-r--r-- 1 ftp ftp 10 márc 15 10:00 nemzeti.txt', file('nemzeti.txt', 10, t(2024, 3, 15, 10, 0))],
    ['-rw-r--r-- 1 ftp ftp 11 márc. 15. 2023 tavaly.txt', file('tavaly.txt', 11, t(2023, 3, 15))],
    ['-rw-r--r-- 1 ftp ftp 12 aug 20. 09:00 allamalapitas.txt', file('allamalapitas.txt', 12, t(2023, 8, 20, 9, 0))],
    // Year first for old files, as Hungarian dates are written.
    ['-rw-r--r-- 1 ftp ftp 13 2022 okt. 23. forradalom.txt', file('forradalom.txt', 13, t(2022, 10, 23))],
    ['drwxr-xr-x 2 ftp ftp 4096 2021. szept. 1. iskola', dir('iskola', t(2021, 9, 1))],
    ['-rw-r--r-- 1 ftp ftp 14 febr  2 08:08 februar.txt', file('februar.txt', 14, t(2024, 2, 2, 8, 8))],
    ['-rw-r--r-- 1 ftp ftp 15 ÁPR  4  2019 aprilis.txt', file('aprilis.txt', 15, t(2019, 4, 4))],
  ],
  czech: [
    ['-rw-r--r-- 1 ftp ftp 10 15. bře 10:00 brezen.txt', file('brezen.txt', 10, t(2024, 3, 15, 10, 0))],
    ['-rw-r--r-- 1 ftp ftp 11 28. říj 2023 vznik.txt', file('vznik.txt', 11, t(2023, 10, 28))],
    ['-rw-r--r-- 1 ftp ftp 12 úno 14 09:00 unor.txt', file('unor.txt', 12, t(2024, 2, 14, 9, 0))],
    ['drwxr-xr-x 2 ftp ftp 4096  1. kvě 2021 kveten', dir('kveten', t(2021, 5, 1))],
    ['-rw-r--r-- 1 ftp ftp 13 čec  6  2020 hus.txt', file('hus.txt', 13, t(2020, 7, 6))],
    ['-rw-r--r-- 1 ftp ftp 14 24. pro 18:00 vanoce.txt', file('vanoce.txt', 14, t(2023, 12, 24, 18, 0))],
    ['-rw-r--r-- 1 ftp ftp 15 led  1  2000 novy.txt', file('novy.txt', 15, t(2000, 1, 1))],
    // "lis" and "srp" are other months in Croatian: kept, without a date.
    ['-rw-r--r-- 1 ftp ftp 16 17. lis 2023 listopad.txt', file('listopad.txt', 16, undefined)],
    ['-rw-r--r-- 1 ftp ftp 17 srp 20 08:00 srpen.txt', file('srpen.txt', 17, undefined)],
  ],
};

describe('localized month names', () => {
  for (const [language, cases] of Object.entries(LANGUAGES)) {
    it.each(cases)(`${language}: %s`, (line, want) => expectEntry(line, want));
  }

  it('reads a whole German listing through the registry', () => {
    const text = LANGUAGES.german.map(([line]) => line).join('\r\n');
    const result = parseListing(`total 12\r\n${text}\r\n`, { nowMs: NOW });
    expect(result.unparsed).toEqual([]);
    expect(result.format).toBe('unix');
    expect(result.entries.map((e) => e.name)).toEqual(LANGUAGES.german.map(([, want]) => want.name));
  });
});

/**
 * Every month of every language, as glibc's `abmon` spells it, in all four orders. Months this
 * reader refuses (names of another month in another language) are listed as null.
 */
const ABMON: Record<string, ReadonlyArray<string | null>> = {
  de_DE: ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'],
  fr_FR: ['janv.', 'févr.', 'mars', 'avril', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  es_ES: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
  it_IT: ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
  nl_NL: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  pt_BR: ['Jan', 'Fev', 'Mar', 'Abr', 'Mai', 'Jun', 'Jul', 'Ago', 'Set', 'Out', 'Nov', 'Dez'],
  sv_SE: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  da_DK: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  pl_PL: ['sty', 'lut', 'mar', 'kwi', 'maj', 'cze', null, 'sie', 'wrz', 'paź', null, 'gru'],
  ru_RU: ['янв', 'фев', 'мар', 'апр', 'мая', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
  hu_HU: ['jan', 'febr', 'márc', 'ápr', 'máj', 'jún', 'júl', 'aug', 'szept', 'okt', 'nov', 'dec'],
  cs_CZ: ['led', 'úno', 'bře', 'dub', 'kvě', 'čen', 'čec', null, 'zář', 'říj', null, 'pro'],
};
const REFUSED: Record<string, Record<number, string>> = { pl_PL: { 6: 'lip', 10: 'lis' }, cs_CZ: { 7: 'srp', 10: 'lis' } };

describe('every abbreviated month, in every order', () => {
  const rows: Array<[string, number, string, number | undefined]> = [];
  for (const [locale, months] of Object.entries(ABMON)) {
    months.forEach((spelling, index) => {
      const name = spelling ?? REFUSED[locale][index];
      const ok = spelling !== null;
      // Day 10 of months January-June lies before NOW, of July-December after it.
      const recentYear = index <= 5 ? 2024 : 2023;
      rows.push(
        [locale, index, `${name} 10 13:14`, ok ? t(recentYear, index + 1, 10, 13, 14) : undefined],
        [locale, index, `${name} 10  2019`, ok ? t(2019, index + 1, 10) : undefined],
        [locale, index, `10 ${name} 13:14`, ok ? t(recentYear, index + 1, 10, 13, 14) : undefined],
        [locale, index, `10. ${name}  2019`, ok ? t(2019, index + 1, 10) : undefined],
      );
    });
  }
  it.each(rows)('%s month %i: %s', (_locale, _index, date, modifiedMs) => {
    expectEntry(`-rw-r--r-- 1 ftp ftp 123 ${date} x`, { name: 'x', type: 'file', sizeBytes: 123, modifiedMs });
  });
});

describe('monthOfName', () => {
  it.each([
    ['Mär', 2],
    ['mär.', 2],
    ['MÄR', 2],
    ['ma\u0308r', 2], // decomposed "ä"
    ['févr.', 1],
    ['déc.', 11],
    ['ene', 0],
    ['dic', 11],
    ['mag', 4],
    ['okt', 9],
    ['mei', 4],
    ['maj', 4],
    ['mai', 4],
    ['mar', 2],
    ['paź', 9],
    ['мар', 2],
    ['МАЯ', 4],
    ['márc.', 2],
    ['bře', 2],
    ['pro', 11],
  ])('%s -> %i', (token, month) => {
    expect(monthOfName(token)).toBe(month);
  });

  it.each(['lis', 'lip', 'srp', 'jui', 'tra', 'Lis.'])('refuses %s, which names different months in different languages', (token) => {
    expect(monthOfName(token)).toBe(UNREAD_MONTH);
  });

  it.each(['', 'x', 'Foo', 'janvier', '12', 'mär..', 'm'.repeat(64 * 1024)])('knows no month %j', (token) => {
    expect(monthOfName(token)).toBe(NOT_A_MONTH);
  });
});

const CJK: Record<string, readonly Case[]> = {
  'M月 D日 HH:MM and M月 D日 YYYY': [
    ['-rw-r--r-- 1 ftp ftp 100 3月 5日 12:00 文件.txt', file('文件.txt', 100, t(2024, 3, 5, 12, 0))],
    ['-rw-r--r-- 1 ftp ftp 101 12月 31日 23:59 年末.txt', file('年末.txt', 101, t(2023, 12, 31, 23, 59))],
    ['drwxr-xr-x 2 ftp ftp 4096 1月 1日 00:00 新年', dir('新年', t(2024, 1, 1, 0, 0))],
    ['-rw-r--r-- 1 ftp ftp 5 6月 15日 11:00 今天.txt', file('今天.txt', 5, t(2024, 6, 15, 11, 0))],
    ['-rw-r--r-- 1 ftp ftp 6 10月 1日  2020 国庆.txt', file('国庆.txt', 6, t(2020, 10, 1))],
    ['-rw-r--r-- 1 ftp ftp 7 03月05日 12:00 补零.txt', file('补零.txt', 7, t(2024, 3, 5, 12, 0))],
  ],
  'M月 D HH:MM (glibc abmon with the default format)': [
    ['-rw-r--r--  1 user user 0  3月  5 12:00 メモ.txt', file('メモ.txt', 0, t(2024, 3, 5, 12, 0))],
    ['drwxr-xr-x  2 student student 6  7月  1 15:07 Documents', dir('Documents', t(2023, 7, 1, 15, 7))],
    ['-rw-r--r-- 1 ftp ftp 10 11月 30 08:00 十一月.txt', file('十一月.txt', 10, t(2023, 11, 30, 8, 0))],
    ['-rw-r--r-- 1 ftp ftp 11 2月 29 09:00 閏日.txt', file('閏日.txt', 11, t(2024, 2, 29, 9, 0))],
    // pyftpdlib formats "%b %d %H:%M" with the locale's month names (zh_TW here).
    ['-rw-r--r-- 1 owner group 2048  1月 18 07:28 檔案.txt', file('檔案.txt', 2048, t(2024, 1, 18, 7, 28))],
  ],
  'M月 D YYYY': [
    ['-rw-r--r-- 1 ftp ftp 10  3月  5  2024 a.txt', file('a.txt', 10, t(2024, 3, 5))],
    ['-rw-r--r-- 1 ftp ftp 11 12月 25  2019 b.txt', file('b.txt', 11, t(2019, 12, 25))],
    ['-rw-r--r-- 1 ftp ftp 12  1月  1  2000 c.txt', file('c.txt', 12, t(2000, 1, 1))],
    ['drwxr-xr-x 2 ftp ftp 4096  9月 30  2021 d', dir('d', t(2021, 9, 30))],
    ['-rw-r--r-- 1 ftp ftp 13  2月 29  2020 e.txt', file('e.txt', 13, t(2020, 2, 29))],
  ],
  'YYYY年M月D日': [
    ['-rw-r--r-- 1 ftp ftp 10 2024年3月5日 a.txt', file('a.txt', 10, t(2024, 3, 5))],
    ['-rw-r--r-- 1 ftp ftp 11 2019年12月31日 b.txt', file('b.txt', 11, t(2019, 12, 31))],
    ['-rw-r--r-- 1 ftp ftp 12 2023年01月09日 c.txt', file('c.txt', 12, t(2023, 1, 9))],
    ['drwxr-xr-x 2 ftp ftp 4096 2020年2月29日 d', dir('d', t(2020, 2, 29))],
    ['-rw-r--r-- 1 ftp ftp 13 2021年7月4日 13:45 e.txt', file('e.txt', 13, t(2021, 7, 4, 13, 45))],
    ['-rw-r--r-- 1 ftp ftp 14 2022年 11月 3日 f.txt', file('f.txt', 14, t(2022, 11, 3))],
  ],
  'Korean M월 D HH:MM': [
    ['-rw-r--r-- 1 ftp ftp 10  3월  5 12:00 파일.txt', file('파일.txt', 10, t(2024, 3, 5, 12, 0))],
    ['-rw-r--r-- 1 ftp ftp 11 12월 25  2022 성탄절.txt', file('성탄절.txt', 11, t(2022, 12, 25))],
    ['drwxr-xr-x 2 ftp ftp 4096  8월 15 09:00 광복절', dir('광복절', t(2023, 8, 15, 9, 0))],
    ['-rw-r--r-- 1 ftp ftp 12 2024년 5월 5일 어린이날.txt', file('어린이날.txt', 12, t(2024, 5, 5))],
    ['-rw-r--r-- 1 ftp ftp 13  6월  1일 10:00 유월.txt', file('유월.txt', 13, t(2024, 6, 1, 10, 0))],
    ['-rw-r--r-- 1 ftp ftp 14 2023년3월1일 삼일절.txt', file('삼일절.txt', 14, t(2023, 3, 1))],
  ],
};

describe('CJK dates', () => {
  for (const [form, cases] of Object.entries(CJK)) {
    it.each(cases)(`${form}: %s`, (line, want) => expectEntry(line, want));
  }

  it.each([
    '-rw-r--r-- 1 ftp ftp 10 13月 5日 12:00 x',
    '-rw-r--r-- 1 ftp ftp 10 0月 5 12:00 x',
    '-rw-r--r-- 1 ftp ftp 10 3月 32日 12:00 x',
    '-rw-r--r-- 1 ftp ftp 10 3月 5 25:00 x',
    '-rw-r--r-- 1 ftp ftp 10 2024年13月1日 x',
  ])('leaves %j unparsed: a field is out of range', (line) => {
    expect(readUnixLine(line, { nowMs: NOW })).toBeNull();
  });
});

const NUMERIC: Record<string, readonly Case[]> = {
  'MM-DD-YY HH:MM': [
    ['-rw-r--r-- 1 ftp ftp 10 03-05-24 12:00 a.txt', file('a.txt', 10, t(2024, 3, 5, 12, 0))],
    ['-rw-r--r-- 1 ftp ftp 11 12-31-99 23:59 b.txt', file('b.txt', 11, t(1999, 12, 31, 23, 59))],
    ['-rw-r--r-- 1 ftp ftp 12 01-01-00 00:00 c.txt', file('c.txt', 12, t(2000, 1, 1, 0, 0))],
    ['drwxr-xr-x 2 ftp ftp 4096 07-04-2021 09:30 d', dir('d', t(2021, 7, 4, 9, 30))],
    ['-rw-r--r-- 1 ftp ftp 13 02-29-20 08:15 e.txt', file('e.txt', 13, t(2020, 2, 29, 8, 15))],
    ['-rw-r--r-- 1 ftp ftp 14 11-11-18 f.txt', file('f.txt', 14, t(2018, 11, 11))],
  ],
  'DD.MM.YYYY HH:MM': [
    ['-rw-r--r-- 1 ftp ftp 10 05.03.2024 12:00 a.txt', file('a.txt', 10, t(2024, 3, 5, 12, 0))],
    ['-rw-r--r-- 1 ftp ftp 11 31.12.1999 23:59 b.txt', file('b.txt', 11, t(1999, 12, 31, 23, 59))],
    ['-rw-r--r-- 1 ftp ftp 12 1.1.2000 00:00 c.txt', file('c.txt', 12, t(2000, 1, 1, 0, 0))],
    ['drwxr-xr-x 2 ftp ftp 4096 29.02.2020 08:00 d', dir('d', t(2020, 2, 29, 8, 0))],
    ['-rw-r--r-- 1 ftp ftp 13 15.08.2021 e.txt', file('e.txt', 13, t(2021, 8, 15))],
  ],
  'YYYY/MM/DD': [
    ['-rw-r--r-- 1 ftp ftp 10 2024/03/05 a.txt', file('a.txt', 10, t(2024, 3, 5))],
    ['-rw-r--r-- 1 ftp ftp 11 1999/12/31 b.txt', file('b.txt', 11, t(1999, 12, 31))],
    ['-rw-r--r-- 1 ftp ftp 12 2020/2/29 c.txt', file('c.txt', 12, t(2020, 2, 29))],
    ['drwxr-xr-x 2 ftp ftp 4096 2021/07/04 d', dir('d', t(2021, 7, 4))],
    ['-rw-r--r-- 1 ftp ftp 13 2023/10/01 14:30 e.txt', file('e.txt', 13, t(2023, 10, 1, 14, 30))],
  ],
  'YYYY-MM-DD HH:MM': [
    ['-rw-r--r-- 1 ftp ftp 10 2024-03-05 12:00 a.txt', file('a.txt', 10, t(2024, 3, 5, 12, 0))],
    ['-rw-r--r-- 1 ftp ftp 11 1999-12-31 23:59:58 b.txt', file('b.txt', 11, t(1999, 12, 31, 23, 59, 58))],
    ['-rw-r--r-- 1 ftp ftp 12 2020-02-29 08:00:00.123456789 +0100 c.txt', file('c.txt', 12, t(2020, 2, 29, 7, 0))],
    ['drwxr-xr-x 2 ftp ftp 4096 2021-07-04 09:30 d', dir('d', t(2021, 7, 4, 9, 30))],
    ['-rw-r--r-- 1 ftp ftp 13 2023-10-01 14:30 12:00 e.txt', file('12:00 e.txt', 13, t(2023, 10, 1, 14, 30))],
  ],
};

describe('numeric dates', () => {
  for (const [form, cases] of Object.entries(NUMERIC)) {
    it.each(cases)(`${form}: %s`, (line, want) => expectEntry(line, want));
  }

  it.each([
    '13-05-24 12:00', // the European order written with dashes: no month 13
    '00-05-24 12:00',
    '03-32-24 12:00',
    '32.01.2024 12:00',
    '01.13.2024 12:00',
    '2024/13/01',
    '2024/01/00',
    '2024-13-01 12:00',
    '2024-01-31 25:00',
    '2024/01/31 12:61',
  ])('leaves a line dated %j unparsed', (date) => {
    expect(readUnixLine(`-rw-r--r-- 1 ftp ftp 10 ${date} x`, { nowMs: NOW })).toBeNull();
  });

  it.each(['31.04.2023', '2023/02/29', '02-30-24 10:00', '2023年2月29日'])('keeps an entry dated %j, a day no calendar has, without a time', (date) => {
    expectEntry(`-rw-r--r-- 1 ftp ftp 10 ${date} x`, file('x', 10, undefined));
  });
});

describe('24:00, the end of a day', () => {
  it.each([
    ['Mar  5 24:00', t(2024, 3, 6)],
    ['Feb 28 24:00', t(2024, 2, 29)],
    ['Dec 31 24:00', t(2024, 1, 1)], // Dec 31 is last year's; its end is this year's first midnight
    ['Jan 31 24:00:00 2020', t(2020, 2, 1)],
    ['5. Mär 24:00', t(2024, 3, 6)],
    ['2023-02-28 24:00', t(2023, 3, 1)],
    ['31.12.2023 24:00', t(2024, 1, 1)],
    ['2024年3月5日 24:00', t(2024, 3, 6)],
    ['3월 31 24:00', t(2024, 4, 1)],
    ['12-31-23 24:00', t(2024, 1, 1)],
  ])('%s rolls to the next day', (date, modifiedMs) => {
    expectEntry(`-rw-r--r-- 1 ftp ftp 10 ${date} x`, file('x', 10, modifiedMs));
  });

  it('shifts by the server zone like any other time', () => {
    const entry = parseUnixLine('-rw-r--r-- 1 ftp ftp 10 2023-12-31 24:00 x', { timezoneOffsetMinutes: 60 });
    expect(entry?.modifiedMs).toBe(t(2023, 12, 31, 23, 0));
  });

  it.each(['Jan 31 24:01', 'Jan 31 24:00:01 2020', 'Jan 31 30:01', 'Jan 31 12:60', 'Aug 36 12:00', 'Aug 0 12:00', 'Aug 36  2020', '36. Aug 12:00'])(
    'leaves %s unparsed: a field is out of range',
    (date) => {
      expect(readUnixLine(`-rw-r--r-- 1 ftp ftp 10 ${date} x`, { nowMs: NOW })).toBeNull();
    },
  );
});

describe('entries kept without a date', () => {
  it.each([
    ['-rw-r--r-- 1 ftp ftp 10 Μαρ  5 12:00 ελληνικά.txt', file('ελληνικά.txt', 10, undefined)],
    ['-rw-r--r-- 1 ftp ftp 11  5 Şub 2021 şubat.txt', file('şubat.txt', 11, undefined)],
    ['-rw-r--r-- 1 ftp ftp 12 三月 5 12:00 三月.txt', file('三月.txt', 12, undefined)],
    ['-rw-r--r-- 1 ftp ftp 13 tra  5 12:00 travanj.txt', file('travanj.txt', 13, undefined)],
    ['drwxr-xr-x 2 ftp ftp 4096 17. lis 2023 listopad', dir('listopad', undefined)],
    // Thai abbreviations have inner dots and vowel marks; Thai years are Buddhist-era.
    ['-rw-r--r-- 1 ftp ftp 14 มิ.ย.  5 12:00 มิถุนายน.txt', file('มิถุนายน.txt', 14, undefined)],
    ['-rw-r--r-- 1 ftp ftp 15  5 ธ.ค. 2566  two spaces', file(' two spaces', 15, undefined)],
  ])('%s', (line, want) => expectEntry(line, want));

  it('keeps the owner, group and permissions', () => {
    expect(parseUnixLine('-rwxr-x--- 3 alice staff 99 Μαρ  5  2021 script.sh', { nowMs: NOW })).toEqual({
      name: 'script.sh',
      type: 'file',
      sizeBytes: 99,
      permissions: 'rwxr-x---',
      owner: 'alice',
      group: 'staff',
    });
  });

  it('keeps device files, links and leading blanks', () => {
    expectEntry('crw-rw-rw- 1 root root 1, 3 Μαρ  5 12:00 null', { name: 'null', type: 'other', sizeBytes: undefined, modifiedMs: undefined });
    expect(parseUnixLine('lrwxrwxrwx 1 a a 6 Μαρ  5 12:00 link -> target')).toMatchObject({ name: 'link', linkTarget: 'target' });
    expect(parseUnixLine('-rw-r--r-- 1 a a 6 Μαρ  5 12:00  lead')?.name).toBe(' lead');
  });

  it.each([
    ['no link count', '-rw-r--r-- ftp ftp 10 Μαρ  5 12:00 x'],
    ['no group', '-rw-r--r-- 1 ftp 10 Μαρ  5 12:00 x'],
    ['a group with a blank', '-rw-r--r-- 1 ftp Domain Users 10 Μαρ  5 12:00 x'],
    ['no size', '-rw-r--r-- 1 ftp ftp Μαρ  5 12:00 x'],
    ['an ASCII word we know no month by', '-rw-r--r-- 1 ftp ftp 10 Foo  5 12:00 x'],
    ['no time or year after the day', '-rw-r--r-- 1 ftp ftp 10 Μαρ  5 x y'],
    ['a day out of range', '-rw-r--r-- 1 ftp ftp 10 Μαρ 36 12:00 x'],
    ['a time out of range', '-rw-r--r-- 1 ftp ftp 10 Μαρ  5 25:00 x'],
    ['nothing after the date', '-rw-r--r-- 1 ftp ftp 10 Μαρ  5 12:00'],
  ])('leaves a line with %s unparsed', (_why, line) => {
    expect(readUnixLine(line, { nowMs: NOW })).toBeNull();
  });
});

describe('localized listings on hostile 64 KiB lines', () => {
  const LINE = 64 * 1024;
  const head = '-rw-r--r-- 1 a b 1 ';
  /** A line of exactly 64 KiB (the longest the parser passes on): `before`, `unit` repeated, `after`. */
  const shape = (before: string, unit: string, after = ''): string => {
    const length = LINE - before.length - after.length;
    return before + unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + after;
  };
  const SHAPES: Record<string, string> = {
    'German month tokens': shape(head, 'mär. '),
    'day-first German dates': shape(head, ' 5. Mär '),
    'Russian month tokens': shape(head, 'мая '),
    'unread month tokens': shape(head, 'lis 5 '),
    'Greek words': shape(head, 'Μαρ 5 '),
    'one Greek word': shape(head, 'Μ'),
    'one word of Thai letters and dots': shape(head, 'ม.'),
    'CJK month and day tokens': shape(head, '3月 5日 '),
    'Korean month tokens': shape(head, ' 3월 '),
    'one CJK date token': shape(head, '2024年3月5日'),
    'one run of 月': shape(head, '月'),
    'digits then 月': shape(head, '1', '月 5 12:00 x'),
    'digits then 年': shape(head, '9', '年 3月 5日 x'),
    'a clock of digits': shape(`${head}Jan 5 `, '1', ':00 x'),
    'dotted digits': shape(head, '1.'),
    'dashed digits': shape(head, '12-'),
    'slashed digits': shape(head, '2024/'),
    'a size of digits and a unit': shape('-rw-r--r-- 1 a b ', '1', '.5k Jan 1 12:00 x'),
    'a size of digits with commas and a unit': shape('-rw-r--r-- 1 a b ', '1,', 'G Jan 1 12:00 x'),
    'ACL marks and digits': shape('-rw-r--r--+', '1', ' a b 1 Jan 1 12:00 x'),
    'owners that read as dates': shape('-rw-r--r-- 1 ', 'pro 20 2048 '),
  };

  for (const [name, line] of Object.entries(SHAPES)) {
    it(`reads "${name}" in linear time`, () => {
      expect(line).toHaveLength(LINE);
      readUnixLine(line, { nowMs: NOW });
      const parser = new ListParser({ nowMs: NOW });
      const batch = parser.push(`${line}\r\n`);
      expect(batch.entries.length + batch.unparsed.length).toBe(1);
    });
  }
});
