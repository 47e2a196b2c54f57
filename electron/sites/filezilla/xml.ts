/**
 * A small, strict XML reader and escaper for FileZilla's files: elements, attributes, text,
 * CDATA, comments, processing instructions and the five predefined plus numeric entities.
 * DOCTYPE is refused (no entity expansion, no external fetches). Enough for sitemanager.xml,
 * not a general XML library. Pure; must not import electron.
 */
import { SiteManagerFormatError } from '../errors';

/** One element: its name, attributes and children (elements and text, in document order). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

/** A child node: an element or a run of text. */
export type XmlNode = XmlElement | string;

/** Refuse absurd inputs before parsing; real site manager files are kilobytes. */
export const MAX_XML_CHARS = 32 * 1024 * 1024;

const NAME = /[A-Za-z_:][-A-Za-z0-9_.:\u00b7\u00c0-\uffff]*/y;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Parses a whole document and returns its root element; throws `SiteManagerFormatError` with a line number. */
export function parseXml(input: string): XmlElement {
  if (input.length > MAX_XML_CHARS) throw new SiteManagerFormatError('The file is too large to be a site manager file');
  // XML 1.0 §2.11: line ends are normalised to LF before parsing.
  const text = input.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  let pos = 0;
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];

  const fail = (message: string): never => {
    const line = text.slice(0, pos).split('\n').length;
    throw new SiteManagerFormatError(`Not valid XML (line ${line}): ${message}`);
  };
  const skipPast = (terminator: string, what: string): string => {
    const end = text.indexOf(terminator, pos);
    if (end < 0) fail(`unterminated ${what}`);
    const body = text.slice(pos, end);
    pos = end + terminator.length;
    return body;
  };
  const readName = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(text);
    if (!m) fail('expected a name');
    pos += m![0].length;
    return m![0];
  };
  const skipSpace = () => {
    while (pos < text.length && ' \t\n'.includes(text[pos])) pos++;
  };
  const addText = (value: string) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(value);
    else if (value.trim() !== '') fail('text outside the root element');
  };

  while (pos < text.length) {
    if (text[pos] !== '<') {
      const end = text.indexOf('<', pos);
      const raw = text.slice(pos, end < 0 ? text.length : end);
      addText(decodeEntities(raw, fail));
      pos += raw.length;
      continue;
    }
    if (text.startsWith('<?', pos)) {
      pos += 2;
      skipPast('?>', 'processing instruction');
    } else if (text.startsWith('<!--', pos)) {
      pos += 4;
      skipPast('-->', 'comment');
    } else if (text.startsWith('<![CDATA[', pos)) {
      pos += 9;
      addText(skipPast(']]>', 'CDATA section'));
    } else if (text.startsWith('<!', pos)) {
      fail('DOCTYPE and other declarations are not allowed');
    } else if (text.startsWith('</', pos)) {
      pos += 2;
      const name = readName();
      skipSpace();
      if (text[pos] !== '>') fail(`malformed end tag </${name}>`);
      pos++;
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> does not match <${open?.name ?? '(none)'}>`);
    } else {
      pos++;
      const element: XmlElement = { name: readName(), attributes: {}, children: [] };
      for (;;) {
        const before = pos;
        skipSpace();
        if (text.startsWith('/>', pos) || text[pos] === '>') break;
        if (pos === before) fail(`expected space before attribute in <${element.name}>`);
        const attr = readName();
        skipSpace();
        if (text[pos] !== '=') fail(`attribute ${attr} has no value`);
        pos++;
        skipSpace();
        const quote = text[pos];
        if (quote !== '"' && quote !== "'") fail(`attribute ${attr} value is not quoted`);
        pos++;
        const value = skipPast(quote, 'attribute value');
        if (value.includes('<')) fail(`"<" in the value of attribute ${attr}`);
        if (Object.hasOwn(element.attributes, attr)) fail(`duplicate attribute ${attr}`);
        // XML 1.0 §3.3.3: literal whitespace in attribute values becomes a space.
        element.attributes[attr] = decodeEntities(value.replace(/[\t\n]/g, ' '), fail);
      }
      const selfClosing = text[pos] === '/';
      pos += selfClosing ? 2 : 1;
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) fail('more than one root element');
      else root = element;
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1].name}> is not closed`);
  if (!root) fail('no root element');
  return root!;
}

function decodeEntities(raw: string, fail: (message: string) => never): string {
  return raw.replace(/&([^;&\s]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) fail(`bare "&" (write &amp;)`);
    if (Object.hasOwn(PREDEFINED, body)) return PREDEFINED[body];
    const num = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(body);
    if (!num) return fail(`unknown entity &${body};`);
    const code = num[1] !== undefined ? parseInt(num[1], 16) : parseInt(num[2], 10);
    if (!isXmlChar(code)) fail(`character reference &${body}; is not allowed in XML`);
    return String.fromCodePoint(code);
  });
}

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

// Characters XML 1.0 cannot carry at all, even escaped; replaced rather than producing a broken file.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escapes text content (`&`, `<`, `>`, and CR so it survives line-end normalisation). */
export function escapeXmlText(value: string): string {
  return value.replace(NOT_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Escapes an attribute value for double quotes, keeping tabs and line ends as character references. */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** The element children of `element`, optionally only those named `name`. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

/** The first child element named `name`, if any. */
export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  return childElements(element, name)[0];
}

/** The element's own text (not its descendants'), concatenated. */
export function ownText(element: XmlElement): string {
  return element.children.filter((c): c is string => typeof c === 'string').join('');
}

/** The first text node with non-space content, trimmed (what FileZilla reads as a folder's or site's name). */
export function firstText(element: XmlElement): string {
  const text = element.children.find((c): c is string => typeof c === 'string' && c.trim() !== '');
  return text?.trim() ?? '';
}

/** The text of the first child named `name`, or undefined when there is no such child. */
export function childText(element: XmlElement, name: string): string | undefined {
  const child = firstChild(element, name);
  return child && ownText(child);
}
