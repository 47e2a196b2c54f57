import { describe, expect, it } from 'vitest';
import { SiteManagerFormatError } from '../../../../electron/sites/errors';
import { childText, escapeXmlAttribute, escapeXmlText, firstText, ownText, parseXml } from '../../../../electron/sites/filezilla/xml';

describe('parseXml', () => {
  it('reads elements, attributes, entities, CDATA and mixed text', () => {
    const root = parseXml(
      '\ufeff<?xml version="1.0"?>\r\n<!-- note --><A x="1 &amp; 2" y=\'&#x41;&#66;\'>Folder\n<B>t&lt;&gt;&quot;&apos;</B><![CDATA[<raw>&amp;]]><C/></A>',
    );
    expect(root.name).toBe('A');
    expect(root.attributes).toEqual({ x: '1 & 2', y: 'AB' });
    expect(childText(root, 'B')).toBe('t<>"\'');
    expect(ownText(root)).toBe('Folder\n<raw>&amp;');
    expect(firstText(root)).toBe('Folder');
    expect(childText(root, 'C')).toBe('');
    expect(childText(root, 'D')).toBeUndefined();
  });

  it.each([
    ['<!DOCTYPE x [<!ENTITY a "b">]><x/>', 'DOCTYPE'],
    ['<a><b></a></b>', '</a> does not match <b>'],
    ['<a>', '<a> is not closed'],
    ['<a>&nbsp;</a>', 'unknown entity &nbsp;'],
    ['<a>fish & chips</a>', 'bare "&"'],
    ['<a>&#0;</a>', 'not allowed in XML'],
    ['<a/><b/>', 'more than one root element'],
    ['text', 'text outside the root element'],
    ['<a x="1" x="2"/>', 'duplicate attribute x'],
    ['<a x=1/>', 'not quoted'],
    ['', 'no root element'],
  ])('rejects %j', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(SiteManagerFormatError);
    expect(() => parseXml(xml)).toThrow(message);
  });

  it('gives the line of the error', () => {
    expect(() => parseXml('<a>\n<b>\n</c>\n</a>')).toThrow('line 3');
  });

  it('round-trips escaped text and attributes', () => {
    const nasty = 'a & b < c > d " e \' f\r\ng\th \u0001 😀';
    const root = parseXml(`<r v="${escapeXmlAttribute(nasty)}">${escapeXmlText(nasty)}</r>`);
    const expected = nasty.replace('\u0001', '\ufffd');
    expect(root.attributes.v).toBe(expected);
    expect(ownText(root)).toBe(expected);
  });
});
