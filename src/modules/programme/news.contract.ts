// News and guidance: requests and responses (the web app imports them too).
import { z } from 'zod';
import { cursorParam, nextCursorOut } from '../../app/paging.js';
import { provinceCode } from '../geo/index.js';
import { NEWS_KINDS, PUBLICATION_STATUSES } from './content.tables.js';
import { SLUG_PATTERN } from './news.rules.js';

const version = z.number().int().min(1);
const text = (max: number) => z.string().trim().min(1).max(max);
export const slug = z.string().trim().min(3).max(80).regex(SLUG_PATTERN, 'Lower-case letters and digits joined by "-"');

const articleFields = {
  kind: z.enum(NEWS_KINDS),
  slug: slug.optional().describe('The public page\'s address (/tin-tuc/{slug}); made from the Vietnamese title when absent; fixed once published'),
  titleVi: text(300),
  titleEn: text(300).nullable().optional(),
  summaryVi: text(600).describe('One or two sentences: the list, the feed and the page description show it'),
  summaryEn: text(600).nullable().optional(),
  bodyVi: text(50_000).describe('Markdown-lite: paragraphs, ## headings, - or 1. lists, > quotes, **bold**, *italic*, [text](https://…). No HTML.'),
  bodyEn: text(50_000).nullable().optional(),
};
/** An English version has both its title and its body, or neither. */
export const englishPaired = (b: { titleEn?: string | null; bodyEn?: string | null }) => ((b.titleEn ?? null) === null) === ((b.bodyEn ?? null) === null);
const pairMessage = { message: 'An English version needs both its title and its body', path: ['bodyEn'] };

export const createArticleBody = z.strictObject(articleFields).refine(englishPaired, pairMessage);
// The pair is checked on the article as it will read (the command), since a change may send one half only.
export const updateArticleBody = z.strictObject({ ...z.object(articleFields).partial().shape, version });
export const versionBody = z.strictObject({ version });

export const articleImageOut = z.object({ id: z.string(), url: z.string(), caption: z.string().nullable() });
export const articleOut = z.object({
  id: z.string(),
  slug: z.string(),
  kind: z.enum(NEWS_KINDS),
  titleVi: z.string(),
  titleEn: z.string().nullable(),
  summaryVi: z.string(),
  summaryEn: z.string().nullable(),
  bodyVi: z.string(),
  bodyEn: z.string().nullable(),
  provinceCode: z.string().nullable().describe('The province whose office published it; null: the central office (national)'),
  publisher: z.string(),
  status: z.enum(PUBLICATION_STATUSES),
  publishedAt: z.string().nullable(),
  pageUrl: z.string().describe('The server-rendered public page'),
  images: z.array(articleImageOut),
  // Internal (news.fields.ts): the publishing office only.
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  version: z.number().optional(),
  actions: z.array(z.string()).optional(),
});
export type ArticleOut = z.infer<typeof articleOut>;

export const articleListQuery = z.object({
  kind: z.enum(NEWS_KINDS).optional(),
  province: z.union([provinceCode, z.literal('national')]).optional().describe('A province\'s articles, or "national" for the central office\'s'),
  status: z.enum(PUBLICATION_STATUSES).optional().describe('Offices: their drafts and unpublished articles too (the public sees published ones only)'),
  sort: z.enum(['-publishedAt', '-createdAt']).default('-publishedAt'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  cursor: cursorParam,
});
export const articleList = z.object({ nextCursor: nextCursorOut, items: z.array(articleOut) });
