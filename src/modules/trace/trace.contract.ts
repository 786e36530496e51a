// Request and response shapes of the trace module's API (zod): the resolver's stored links, QR codes, label sheets.
import { z } from 'zod';
import { LINK_TYPES } from './resolver.rules.js';
import { LABEL_SIZES } from './labels.pdf.js';

export const anchorQuery = z.object({
  anchor: z.string().min(4).max(200).describe('A Digital Link path, e.g. /01/08930000000017 or /01/08930000000017/10/LOT1, or a full Digital Link URI'),
}).strict();

export const linkIn = z.object({
  linkType: z.enum(LINK_TYPES),
  href: z.url({ protocol: /^https?$/ }).max(2000),
  title: z.string().trim().min(1).max(200),
  hreflang: z.string().regex(/^([a-z]{2,3}(-[A-Za-z0-9]{2,8})*|und)$/).default('vi'),
  type: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/).max(100).default('text/html'),
}).strict();

export const putLinksBody = z.object({ links: z.array(linkIn).max(50) }).strict();

export const linksOut = z.object({
  anchor: z.string(),
  uri: z.string(),
  canEdit: z.boolean(),
  links: z.array(z.object({
    linkType: z.string(), href: z.string(), title: z.string(), hreflang: z.string(), type: z.string(), updatedAt: z.string(),
  })),
});

export const productIdParams = z.object({ id: z.uuid() });
export const lotIdParams = z.object({ lotId: z.uuid() });
export const lotQrQuery = z.object({ serial: z.string().regex(/^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/).optional() }).strict();
export const uriQrQuery = z.object({ uri: z.string().min(10).max(500) }).strict();
export const labelsQuery = z.object({
  size: z.enum(Object.keys(LABEL_SIZES) as [keyof typeof LABEL_SIZES]).default('medium'),
  count: z.coerce.number().int().min(1).max(1000).optional().describe('How many stamps (default: one full sheet)'),
  lang: z.enum(['vi', 'en']).default('vi'),
}).strict();
