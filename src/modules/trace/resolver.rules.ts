// The GS1 Digital Link resolver's decisions without I/O (GS1-Conformant Resolver Standard 1.x, RFC 9264): which
// links an identifier has (the registry's defaults, then the links stored for it and for the levels above it),
// the linkset document, and where a request goes (a linkset, a link of the asked type, or the default link).
import { CANONICAL_DL, digitalLinkPath, type Gs1Key } from './gs1.rules.js';

/** The link types this resolver knows (GS1 Web Vocabulary, https://gs1.org/voc/). A stored link may use these only. */
export const LINK_TYPES = [
  'gs1:defaultLink', 'gs1:pip', 'gs1:certificationInfo', 'gs1:traceability', 'gs1:epcis', 'gs1:hasRetailers',
  'gs1:productSustainabilityInfo', 'gs1:recipeInfo', 'gs1:leaveReview', 'gs1:locationInfo', 'gs1:support',
  'gs1:instructions', 'gs1:promotion', 'gs1:nutritionalInfo', 'gs1:allergenInfo', 'gs1:safetyInfo',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export const GS1_VOC = 'https://gs1.org/voc/';
export const LINKSET_TYPE = 'application/linkset+json';

/** One link as the resolver answers it. `hreflang` is a BCP 47 tag (`vi`, `en`). */
export type Link = { linkType: LinkType; href: string; title: string; hreflang: string; type: string };

/**
 * The anchors of a key from the most specific up: a serial inherits its lot's links and the GTIN's; a lot the GTIN's.
 * Stored links are keyed by these paths (`/01/{gtin14}/10/{lot}`).
 */
export function anchorsOf(key: Gs1Key): string[] {
  if (key.kind === 'gln') return [digitalLinkPath({ kind: 'gln', gln: key.gln, extension: key.extension }), ...(key.extension ? [digitalLinkPath({ kind: 'gln', gln: key.gln })] : [])];
  const out = [digitalLinkPath(key)];
  if (key.serial !== undefined && key.lot !== undefined) out.push(digitalLinkPath({ kind: 'gtin', gtin: key.gtin, lot: key.lot }));
  if (key.serial !== undefined || key.lot !== undefined) out.push(digitalLinkPath({ kind: 'gtin', gtin: key.gtin }));
  return out;
}

/** The canonical identifier of a key (https://id.gs1.org/…), as the EPCIS repository indexes it. */
export const canonicalOf = (key: Gs1Key) => CANONICAL_DL + digitalLinkPath(key);

/**
 * The links of one identifier: the stored links of its own anchor first, then of each level above, then the
 * registry's defaults; the first link of a (type, language) pair wins, so a lot's own link overrides its GTIN's and a
 * stored link overrides a default.
 */
export function mergeLinks(key: Gs1Key, stored: (Link & { anchor: string })[], defaults: Link[]): Link[] {
  const seen = new Set<string>();
  const out: Link[] = [];
  const take = (l: Link) => {
    const k = `${l.linkType} ${l.hreflang}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ linkType: l.linkType, href: l.href, title: l.title, hreflang: l.hreflang, type: l.type });
  };
  for (const anchor of anchorsOf(key)) for (const l of stored.filter((s) => s.anchor === anchor)) take(l);
  for (const l of defaults) take(l);
  return out;
}

/**
 * The RFC 9264 linkset of an identifier: one context object whose keys are the link relation types as URIs
 * (gs1:pip → https://gs1.org/voc/pip), each a list of target objects with href, title, type and hreflang (a list, as
 * RFC 9264 §4.2.4.1 has it).
 */
export function linkset(anchorUri: string, links: Link[], itemDescription?: string) {
  const context: Record<string, unknown> = { anchor: anchorUri };
  if (itemDescription) context.itemDescription = itemDescription;
  for (const l of links) {
    const rel = GS1_VOC + l.linkType.slice('gs1:'.length);
    ((context[rel] ??= []) as unknown[]).push({ href: l.href, title: l.title, type: l.type, hreflang: [l.hreflang] });
  }
  return { linkset: [context] };
}

/** `gs1:pip`, `pip` or `https://gs1.org/voc/pip` → `gs1:pip`; undefined when it names no type this resolver knows. */
export function readLinkType(raw: string): LinkType | undefined {
  const name = raw.startsWith(GS1_VOC) ? raw.slice(GS1_VOC.length) : raw.startsWith('gs1:') ? raw.slice(4) : raw;
  const t = `gs1:${name}`;
  return (LINK_TYPES as readonly string[]).includes(t) ? t as LinkType : undefined;
}

export type Decision = { kind: 'linkset' } | { kind: 'redirect'; link: Link };

/** The languages an Accept-Language header asks for, best first (`vi-VN,en;q=0.8` → ['vi', 'en']). */
export function preferredLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header.split(',').map((part, i) => {
    const [tag, ...params] = part.trim().split(';');
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
    return { lang: tag.trim().toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0, i };
  }).filter((x) => x.lang && x.lang !== '*' && x.q > 0).sort((a, b) => b.q - a.q || a.i - b.i).map((x) => x.lang);
}

/** Of several links, the one in the reader's language, else Vietnamese, else the first. */
export function pickByLanguage(links: Link[], langs: string[]): Link | undefined {
  for (const lang of [...langs, 'vi']) {
    const hit = links.find((l) => l.hreflang.toLowerCase().split('-')[0] === lang);
    if (hit) return hit;
  }
  return links[0];
}

/**
 * What a request gets: the linkset when it asks for one (`?linkType=linkset` or `all`, or an Accept naming the
 * linkset or JSON), a redirect to the link of the type it names when the identifier has one, else to the default
 * link (the GS1 resolver standard: an unavailable link type falls back to the default).
 */
export function decide(links: Link[], q: { linkType?: string; accept?: string; acceptLanguage?: string }): Decision {
  const lt = q.linkType?.trim();
  if (lt === 'linkset' || lt === 'all') return { kind: 'linkset' };
  if (!lt && q.accept && /application\/(linkset\+)?json/.test(q.accept) && !/text\/html/.test(q.accept)) return { kind: 'linkset' };
  const langs = preferredLanguages(q.acceptLanguage);
  const wanted = lt ? readLinkType(lt) : undefined;
  const ofType = (t: LinkType) => links.filter((l) => l.linkType === t);
  const link = (wanted && pickByLanguage(ofType(wanted), langs)) ?? pickByLanguage(ofType('gs1:defaultLink'), langs) ?? links[0];
  return link ? { kind: 'redirect', link } : { kind: 'linkset' };
}

/** The query string passed on to the target, without the resolver's own `linkType`; the target's own query kept. */
export function withQuery(href: string, query: URLSearchParams): string {
  const pass = new URLSearchParams(query);
  pass.delete('linkType');
  if (![...pass.keys()].length) return href;
  const url = new URL(href);
  for (const [k, v] of pass) if (!url.searchParams.has(k)) url.searchParams.append(k, v);
  return url.toString();
}

/** The link titles in a language (the site's i18n, `trace.link.*`), handed in so the rules stay without I/O. */
export type LinkTitle = (lang: 'vi' | 'en', name: 'pip' | 'defaultLink' | 'certificationInfo' | 'traceability' | 'hasRetailers' | 'locationInfo', params?: Record<string, string>) => string;

/** The path of the public trace page of a GTIN key: /truy-xuat/01/{gtin}[/10/{lot}[/21/{serial}]]. */
export const tracePagePath = (key: Extract<Gs1Key, { kind: 'gtin' }>) => `/truy-xuat${digitalLinkPath(key)}`;

/**
 * The links every published product has without a stored row (the registry knows them): its trace page (the
 * default, where a browser goes), its product page, its OCOP certificate's verification page, its EPCIS events and,
 * until the registry knows sales channels, its product page as where to buy. The human pages come in Vietnamese and
 * English (`?lang=en`); the events are language-neutral (`und`).
 */
export function defaultGtinLinks(base: string, key: Extract<Gs1Key, { kind: 'gtin' }>, r: { productId: string; certificate: string | null }, title: LinkTitle): Link[] {
  const at = (path: string, lang: 'vi' | 'en') => `${base.replace(/\/+$/, '')}${path}${lang === 'en' ? `${path.includes('?') ? '&' : '?'}lang=en` : ''}`;
  const both = (linkType: LinkType, path: string, name: Parameters<LinkTitle>[1], params?: Record<string, string>): Link[] =>
    (['vi', 'en'] as const).map((lang) => ({ linkType, href: at(path, lang), title: title(lang, name, params), hreflang: lang, type: 'text/html' }));
  const productPath = `/san-pham/${r.productId}`;
  // A serial is an instance (MATCH_epc); a lot or a GTIN is a class of objects (MATCH_anyEPCClass).
  const events = `/epcis/events?${key.serial !== undefined ? 'MATCH_epc' : 'MATCH_anyEPCClass'}=${encodeURIComponent(canonicalOf(key))}`;
  return [
    ...both('gs1:defaultLink', tracePagePath(key), 'defaultLink'),
    ...both('gs1:pip', productPath, 'pip'),
    ...(r.certificate ? both('gs1:certificationInfo', `/xac-minh/${encodeURIComponent(r.certificate)}`, 'certificationInfo', { number: r.certificate }) : []),
    { linkType: 'gs1:traceability', href: at(events, 'vi'), title: title('en', 'traceability'), hreflang: 'und', type: 'application/ld+json' },
    ...both('gs1:hasRetailers', productPath, 'hasRetailers'),
  ];
}

/** A location's defaults: its entity's page (the default and the location information) and the events there. */
export function defaultGlnLinks(base: string, key: Extract<Gs1Key, { kind: 'gln' }>, r: { entityId: string }, title: LinkTitle): Link[] {
  const root = base.replace(/\/+$/, '');
  const entity = (lang: 'vi' | 'en') => `${root}/chu-the/${r.entityId}${lang === 'en' ? '?lang=en' : ''}`;
  return [
    ...(['vi', 'en'] as const).flatMap((lang) => [
      { linkType: 'gs1:defaultLink' as const, href: entity(lang), title: title(lang, 'locationInfo'), hreflang: lang, type: 'text/html' },
      { linkType: 'gs1:locationInfo' as const, href: entity(lang), title: title(lang, 'locationInfo'), hreflang: lang, type: 'text/html' },
    ]),
    { linkType: 'gs1:traceability', href: `${root}/epcis/events?EQ_bizLocation=${encodeURIComponent(canonicalOf(key))}`, title: title('en', 'traceability'), hreflang: 'und', type: 'application/ld+json' },
  ];
}
