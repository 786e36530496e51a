// Product feeds at the site's root, for marketplaces and partners: /feeds/google-merchant.xml (Google Merchant Center
// RSS 2.0, g: namespace), /feeds/products.json (the same records for partners) and /feeds/entities/:id.csv (one
// entity's products for a marketplace's bulk upload). Only published products whose certificate is in force today
// (and, in the Google feed, only those with a price and a photo, which Google requires):
// a revoked or expired certificate leaves at the next request. Streamed batch by batch (feeds.repo.ts); never held
// in a cache (each request reads the database; Cache-Control makes a CDN revalidate).
import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { absolute } from '../../app/html/document.js';
import { CSV_BOM, csvLine } from '../../app/csv.js';
import type { ModuleDeps } from '../../app/plugin.js';
import { vnDate } from '../scoring/index.js';
import { feedRows, publishedEntity } from './feeds.repo.js';
import { CSV_COLUMNS, csvRow, feedRecord, googleAccepts, RSS_TAIL, rssHead, rssItem } from './feeds.rules.js';

const FEED_ROUTE = { schema: { hide: true }, config: { access: 'public' as const } };
const uuid = z.uuid();

function stream(reply: FastifyReply, type: string, chunks: AsyncGenerator<string>, log: (err: unknown) => void) {
  async function* guarded() {
    try {
      yield* chunks;
    } catch (err) {
      log(err); // headers are gone: the client sees a cut-short body, the log says why
      throw err;
    }
  }
  return reply.type(type).header('cache-control', 'public, max-age=0, must-revalidate').send(Readable.from(guarded()));
}

export const feedRoutes: FastifyPluginAsync<ModuleDeps> = async (app, { database, config }) => {
  const { db } = database;
  const urls = {
    product: (id: string) => absolute(config.publicUrl, `/san-pham/${id}`),
    file: (id: string) => absolute(config.publicUrl, `/api/v1/files/${id}`),
  };

  app.get('/feeds/google-merchant.xml', FEED_ROUTE, async (req, reply) => {
    const today = vnDate(new Date());
    async function* body() {
      yield rssHead({ title: 'Sản phẩm OCOP', link: absolute(config.publicUrl, '/'), description: 'Sản phẩm OCOP có giấy chứng nhận còn hiệu lực' });
      for await (const row of feedRows(db, today)) {
        const record = feedRecord(row, urls);
        if (googleAccepts(record)) yield rssItem(record);
      }
      yield RSS_TAIL;
    }
    return stream(reply, 'application/rss+xml; charset=utf-8', body(), (err) => req.log.error({ err }, 'google feed failed'));
  });

  app.get('/feeds/products.json', FEED_ROUTE, async (req, reply) => {
    const today = vnDate(new Date());
    async function* body() {
      yield `{"generatedOn":${JSON.stringify(today)},"items":[`;
      let first = true;
      for await (const row of feedRows(db, today)) {
        yield (first ? '\n' : ',\n') + JSON.stringify(feedRecord(row, urls));
        first = false;
      }
      yield '\n]}\n';
    }
    return stream(reply, 'application/json; charset=utf-8', body(), (err) => req.log.error({ err }, 'json feed failed'));
  });

  app.get<{ Params: { file: string } }>('/feeds/entities/:file', FEED_ROUTE, async (req, reply) => {
    const id = req.params.file.replace(/\.csv$/, '');
    const entity = req.params.file.endsWith('.csv') && uuid.safeParse(id).success ? await publishedEntity(db, id) : undefined;
    if (!entity) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    const today = vnDate(new Date());
    async function* body() {
      yield CSV_BOM + csvLine([...CSV_COLUMNS]);
      for await (const row of feedRows(db, today, entity!.id)) {
        const r = csvRow(feedRecord(row, urls));
        yield csvLine(CSV_COLUMNS.map((c) => r[c]));
      }
    }
    reply.header('content-disposition', `attachment; filename="ocop-${entity.id}.csv"`);
    return stream(reply, 'text/csv; charset=utf-8', body(), (err) => req.log.error({ err }, 'entity feed failed'));
  });
};
