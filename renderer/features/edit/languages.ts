/**
 * Syntax highlighting by file extension for the built-in editor: each language pack is loaded
 * only when a file of its kind is opened (its own bundle chunk). Files of other kinds are edited
 * as plain text.
 */
import type { Extension } from '@codemirror/state';

type Loader = () => Promise<Extension>;

const javascript = (options: { jsx?: boolean; typescript?: boolean }): Loader => () => import('@codemirror/lang-javascript').then((m) => m.javascript(options));
const html: Loader = () => import('@codemirror/lang-html').then((m) => m.html());
const xml: Loader = () => import('@codemirror/lang-xml').then((m) => m.xml());

/** Extensions (lower case, without the dot) and the language pack each loads. */
const BY_EXTENSION: Readonly<Record<string, Loader>> = {
  js: javascript({}),
  mjs: javascript({}),
  cjs: javascript({}),
  jsx: javascript({ jsx: true }),
  ts: javascript({ typescript: true }),
  mts: javascript({ typescript: true }),
  tsx: javascript({ typescript: true, jsx: true }),
  json: () => import('@codemirror/lang-json').then((m) => m.json()),
  css: () => import('@codemirror/lang-css').then((m) => m.css()),
  html,
  htm: html,
  shtml: html,
  xhtml: xml,
  xml,
  svg: xml,
  xsl: xml,
  xsd: xml,
  rss: xml,
  atom: xml,
  plist: xml,
  php: () => import('@codemirror/lang-php').then((m) => m.php()),
  phtml: () => import('@codemirror/lang-php').then((m) => m.php()),
  py: () => import('@codemirror/lang-python').then((m) => m.python()),
  md: () => import('@codemirror/lang-markdown').then((m) => m.markdown()),
  markdown: () => import('@codemirror/lang-markdown').then((m) => m.markdown()),
  yml: () => import('@codemirror/lang-yaml').then((m) => m.yaml()),
  yaml: () => import('@codemirror/lang-yaml').then((m) => m.yaml()),
  sql: () => import('@codemirror/lang-sql').then((m) => m.sql()),
};

/** The extension of a file name in lower case ('' for none; a leading dot starts a name, not an extension). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** Loads the highlighting for a file, or resolves undefined for a kind without one. */
export function languageFor(fileName: string): Promise<Extension | undefined> {
  const load = BY_EXTENSION[extensionOf(fileName)];
  return load ? load() : Promise.resolve(undefined);
}
