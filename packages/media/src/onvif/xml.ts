/**
 * Minimal, namespace-agnostic XML reader for ONVIF SOAP answers (no dependency). Elements are
 * matched by their local name ("tt:Uri", "trt:Uri" and "Uri" are the same), which is what an
 * ONVIF client needs: vendors pick their own prefixes. Input is hostile (a camera on the
 * Internet): DTDs/entities declarations are refused (no XXE, no billion laughs), and size, depth
 * and element count are bounded.
 */
export interface XmlElement {
  /** Local name (prefix removed). */
  name: string;
  /** Attributes by local name (xmlns declarations included as "xmlns"/prefix names). */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Decoded character data directly inside this element (not its children's). */
  text: string;
}

export class XmlError extends Error {
  override readonly name = 'XmlError';
}

export interface XmlLimits {
  maxChars: number;
  maxDepth: number;
  maxElements: number;
}

const DEFAULT_LIMITS: XmlLimits = { maxChars: 1024 * 1024, maxDepth: 64, maxElements: 20_000 };

const START_TAG = /<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export const localName = (qualified: string): string => {
  const i = qualified.indexOf(':');
  return i < 0 ? qualified : qualified.slice(i + 1);
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_, e: string) => {
    if (e[0] !== '#') return NAMED[e]!;
    const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** Parses a document into its root element. Throws XmlError on malformed or refused input. */
export function parseXml(xml: string, limits: Partial<XmlLimits> = {}): XmlElement {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  if (xml.length > lim.maxChars) throw new XmlError('document too large');
  const top: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [top];
  let count = 0;
  let i = 0;
  const appendText = (s: string) => {
    const cur = stack[stack.length - 1]!;
    if (cur !== top) cur.text += s;
    else if (s.trim()) throw new XmlError('text outside the root element');
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      appendText(decodeEntities(xml.slice(i)));
      break;
    }
    if (lt > i) appendText(decodeEntities(xml.slice(i, lt)));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) throw new XmlError('unterminated comment');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) throw new XmlError('unterminated CDATA');
      appendText(xml.slice(lt + 9, end));
      i = end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlError('unterminated processing instruction');
      i = end + 2;
    } else if (xml.startsWith('<!', lt)) {
      throw new XmlError('DTD not allowed');
    } else if (xml.startsWith('</', lt)) {
      const end = xml.indexOf('>', lt + 2);
      if (end < 0) throw new XmlError('unterminated end tag');
      const name = localName(xml.slice(lt + 2, end).trim());
      const open = stack.pop();
      if (!open || open === top || open.name !== name) throw new XmlError(`mismatched end tag </${name}>`);
      i = end + 1;
    } else {
      START_TAG.lastIndex = lt;
      const m = START_TAG.exec(xml);
      if (!m) throw new XmlError('malformed start tag');
      if (++count > lim.maxElements) throw new XmlError('too many elements');
      const attributes: Record<string, string> = {};
      for (const a of m[2]!.matchAll(ATTRIBUTE)) attributes[localName(a[1]!)] = decodeEntities(a[2] ?? a[3] ?? '');
      const el: XmlElement = { name: localName(m[1]!), attributes, children: [], text: '' };
      const parent = stack[stack.length - 1]!;
      if (parent === top && top.children.length > 0) throw new XmlError('more than one root element');
      parent.children.push(el);
      if (m[3] !== '/') {
        if (stack.length > lim.maxDepth) throw new XmlError('too deep');
        stack.push(el);
      }
      i = START_TAG.lastIndex;
    }
  }
  if (stack.length !== 1) throw new XmlError('unterminated element');
  const root = top.children[0];
  if (!root) throw new XmlError('empty document');
  return root;
}

/** First descendant (depth-first, the element itself excluded) with this local name. */
export function findFirst(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    if (c.name === name) return c;
    const d = findFirst(c, name);
    if (d) return d;
  }
  return undefined;
}

/** Every descendant with this local name, in document order. */
export function findAll(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (c.name === name) out.push(c);
    findAll(c, name, out);
  }
  return out;
}

/** Follows a path of local names, each step a descendant of the previous one. */
export function findPath(el: XmlElement, ...names: string[]): XmlElement | undefined {
  let cur: XmlElement | undefined = el;
  for (const n of names) {
    cur = cur && findFirst(cur, n);
    if (!cur) return undefined;
  }
  return cur;
}

/** Trimmed text of the element at the path, or undefined. */
export function textAt(el: XmlElement, ...names: string[]): string | undefined {
  const found = findPath(el, ...names);
  const t = found?.text.trim();
  return t ? t : undefined;
}

/** Escapes text for an XML element or attribute value. */
export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
