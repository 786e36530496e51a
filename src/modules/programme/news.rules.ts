// Pure rules of news and guidance: slugs, the Markdown-lite of article bodies (parsed into a small tree that the
// page renders through React, which escapes every string: no HTML from users ever reaches a page), the article in
// the reader's language, and the RSS 2.0 feed. No I/O.
import { fold } from '../registry/index.js';
import type { PublicationStatus } from './content.tables.js';

/** A slug from a title: ASCII words (no diacritics, đ → d) joined by '-', at most 80 characters, never empty. */
export function slugify(title: string): string {
  const words = fold(title).replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  let out = '';
  for (const w of words) {
    if ((out ? out.length + 1 : 0) + w.length > 80) break;
    out = out ? `${out}-${w}` : w;
  }
  return out || 'bai-viet';
}

/** `slug`, or `slug-2`, `slug-3`… the first one `taken` does not hold. */
export function uniqueSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// ---- Markdown-lite ---------------------------------------------------------------------------------------------

export type Inline =
  | { t: 'text'; text: string }
  | { t: 'strong'; text: string }
  | { t: 'em'; text: string }
  | { t: 'link'; text: string; href: string };
export type Block =
  | { t: 'p'; inlines: Inline[] }
  | { t: 'h'; level: 2 | 3; inlines: Inline[] }
  | { t: 'ul' | 'ol'; items: Inline[][] }
  | { t: 'quote'; inlines: Inline[] };

/** A link's target when it is safe on a public page: http(s) or a path of this site; otherwise none. */
export function safeHref(href: string): string | null {
  const h = href.trim();
  if (/^\/(?!\/)[^\s]*$/.test(h)) return h;
  try {
    const u = new URL(h);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password ? u.toString() : null;
  } catch {
    return null;
  }
}

const INLINE = /\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** **bold**, *italic* and [text](https://…) within a line; everything else is text (an unsafe link stays text). */
export function parseInline(line: string): Inline[] {
  const out: Inline[] = [];
  const text = (s: string) => {
    if (!s) return;
    const last = out.at(-1);
    if (last?.t === 'text') last.text += s;
    else out.push({ t: 'text', text: s });
  };
  let at = 0;
  for (const m of line.matchAll(INLINE)) {
    text(line.slice(at, m.index));
    if (m[1] !== undefined) out.push({ t: 'strong', text: m[1] });
    else if (m[2] !== undefined) out.push({ t: 'em', text: m[2] });
    else {
      const href = safeHref(m[4]);
      if (href) out.push({ t: 'link', text: m[3], href });
      else text(m[0]);
    }
    at = m.index + m[0].length;
  }
  text(line.slice(at));
  return out;
}

/** The blocks of a body: paragraphs (lines joined), `## ` and `### ` headings, `- `/`* ` and `1. ` lists, `> ` quotes. */
export function parseBody(body: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: { t: 'ul' | 'ol'; items: Inline[][] } | null = null;
  let quote: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ t: 'p', inlines: parseInline(para.join(' ')) });
    if (list) blocks.push(list);
    if (quote.length) blocks.push({ t: 'quote', inlines: parseInline(quote.join(' ')) });
    para = [];
    list = null;
    quote = [];
  };
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) { flush(); continue; }
    const heading = /^(#{2,3})\s+(.+)$/.exec(line);
    const bullet = /^[-*]\s+(.+)$/.exec(line);
    const numbered = /^\d{1,3}[.)]\s+(.+)$/.exec(line);
    const quoted = /^>\s?(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ t: 'h', level: heading[1].length === 2 ? 2 : 3, inlines: parseInline(heading[2]) });
    } else if (bullet || numbered) {
      const t = bullet ? 'ul' : 'ol';
      if (para.length || quote.length || (list && list.t !== t)) flush();
      list ??= { t, items: [] };
      list.items.push(parseInline((bullet ?? numbered)![1]));
    } else if (quoted) {
      if (para.length || list) flush();
      quote.push(quoted[1]);
    } else {
      if (list || quote.length) flush();
      para.push(line);
    }
  }
  flush();
  return blocks;
}

/** The body as plain text (the feed's and the page description's fallback): markers dropped, words kept. */
export function plainText(body: string): string {
  return parseBody(body).map((b) => ('items' in b ? b.items.map((i) => i.map((x) => x.text).join('')).join('; ') : b.inlines.map((x) => x.text).join(''))).join('\n\n');
}

// ---- Language, publication --------------------------------------------------------------------------------------

export type Localizable = { titleVi: string; titleEn: string | null; summaryVi: string; summaryEn: string | null; bodyVi: string; bodyEn: string | null };

/** The article in the reader's language: English when it has an English version, else the Vietnamese one. */
export function inLanguage(a: Localizable, lang: 'vi' | 'en'): { lang: 'vi' | 'en'; title: string; summary: string; body: string } {
  if (lang === 'en' && a.titleEn && a.bodyEn) return { lang: 'en', title: a.titleEn, summary: a.summaryEn ?? a.summaryVi, body: a.bodyEn };
  return { lang: 'vi', title: a.titleVi, summary: a.summaryVi, body: a.bodyVi };
}

/** Which publication step may follow which: draft → published ⇄ unpublished. */
export function canMoveTo(from: PublicationStatus, to: PublicationStatus): boolean {
  return to === 'published' ? from !== 'published' : to === 'unpublished' ? from === 'published' : false;
}

// ---- RSS 2.0 ----------------------------------------------------------------------------------------------------

export const xmlEscape = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)
  // Characters XML 1.0 cannot carry at all.
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

export type FeedItem = { title: string; link: string; description: string; publishedAt: Date; guid: string; category: string };

/** The whole feed: RFC 822 dates, a permalink guid (the article's page), every text escaped. */
export function rssFeed(channel: { title: string; link: string; selfLink: string; description: string; language: string }, items: FeedItem[]): string {
  const tag = (name: string, value: string) => `<${name}>${xmlEscape(value)}</${name}>`;
  const built = items[0]?.publishedAt ?? new Date(0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n`
    + `${tag('title', channel.title)}\n${tag('link', channel.link)}\n${tag('description', channel.description)}\n${tag('language', channel.language)}\n`
    + `<atom:link href="${xmlEscape(channel.selfLink)}" rel="self" type="application/rss+xml"/>\n`
    + `${tag('lastBuildDate', built.toUTCString())}\n`
    + items.map((i) => `<item>\n${tag('title', i.title)}\n${tag('link', i.link)}\n${tag('description', i.description)}\n`
      + `${tag('category', i.category)}\n${tag('pubDate', i.publishedAt.toUTCString())}\n<guid isPermaLink="true">${xmlEscape(i.guid)}</guid>\n</item>\n`).join('')
    + '</channel>\n</rss>\n';
}
