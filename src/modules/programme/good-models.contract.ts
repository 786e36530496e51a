// Good models: requests and responses (the web app imports them too).
import { z } from 'zod';
import { cursorParam, nextCursorOut } from '../../app/paging.js';
import { provinceCode } from '../geo/index.js';
import { GOOD_MODEL_TOPICS, PUBLICATION_STATUSES } from './content.tables.js';
import { SECTOR_CODES as SECTORS } from '../registry/index.js';
import { slug } from './news.contract.js';

const version = z.number().int().min(1);
const text = (max: number) => z.string().trim().min(1).max(max);
const score = z.number().min(0).max(100).nullable().optional();
const stars = z.number().int().min(1).max(5).nullable().optional();

const modelFields = {
  name: text(300).describe('The model\'s title, e.g. "Chè Shan tuyết Hà Giang: từ nương chè cổ thụ đến 5 sao"'),
  slug: slug.optional(),
  summary: text(600),
  whatTheyDid: text(20_000).describe('What the entity did (Markdown-lite, as news bodies)'),
  results: text(20_000).describe('What came of it: sales, members, stars, markets'),
  lessons: text(20_000).nullable().optional(),
  topic: z.enum(GOOD_MODEL_TOPICS),
  sectorCode: z.enum(SECTORS),
  provinceCode: provinceCode.optional().describe('Taken from the product or entity when linked; a province office\'s own by default'),
  entityId: z.uuid().nullable().optional(),
  productId: z.uuid().nullable().optional().describe('The product concerned: its page links to the model, and its certificates give the score before and after'),
  scoreBefore: score, starsBefore: stars, scoreAfter: score, starsAfter: stars,
};
export const createGoodModelBody = z.strictObject(modelFields);
export const updateGoodModelBody = z.strictObject({ ...z.object(modelFields).partial().shape, version });

const scoreOut = z.object({ score: z.number().nullable(), stars: z.number().nullable(), on: z.string().nullable(), source: z.enum(['certificate', 'recorded']) }).nullable();
export const goodModelOut = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  summary: z.string(),
  whatTheyDid: z.string(),
  results: z.string(),
  lessons: z.string().nullable(),
  topic: z.enum(GOOD_MODEL_TOPICS),
  sectorCode: z.enum(SECTORS),
  provinceCode: z.string(),
  provinceName: z.string(),
  entity: z.object({ id: z.string(), name: z.string() }).nullable(),
  product: z.object({ id: z.string(), name: z.string() }).nullable(),
  before: scoreOut,
  after: scoreOut,
  status: z.enum(PUBLICATION_STATUSES),
  publishedAt: z.string().nullable(),
  pageUrl: z.string(),
  attachments: z.array(z.object({ id: z.string(), kind: z.enum(['image', 'document']), url: z.string(), caption: z.string().nullable() })),
  // Internal (good-models.fields.ts).
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  version: z.number().optional(),
  actions: z.array(z.string()).optional(),
});
export type GoodModelOut = z.infer<typeof goodModelOut>;

export const goodModelListQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Words, with or without diacritics: "che shan tuyet" finds "Chè Shan tuyết"'),
  sector: z.enum(SECTORS).optional(),
  province: provinceCode.optional(),
  topic: z.enum(GOOD_MODEL_TOPICS).optional(),
  product: z.uuid().optional(),
  status: z.enum(PUBLICATION_STATUSES).optional().describe('Offices: drafts and withdrawn models too'),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
  cursor: cursorParam,
});
export const goodModelList = z.object({ nextCursor: nextCursorOut, items: z.array(goodModelOut) });
