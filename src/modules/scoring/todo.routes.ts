// GET /me/todo: each role's work, ordered by legal deadline, from its own scope only (todo.policy.ts).
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModulePlugin } from '../../app/plugin.js';
import { requireUser } from '../accounts/index.js';
import { vnDate } from './deadlines.rules.js';
import { calendarFromDb } from './holidays.repo.js';
import { todoOut, todoQuery, type TodoOut } from './todo.contract.js';
import { todoSources } from './todo.policy.js';
import { listTodoSource, scopeNames, TODO_COUNT_CAP } from './todo.repo.js';
import { mergeTodo, todoLink, todoOverdue, todoWorkingDaysLeft } from './todo.rules.js';

export const todoRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  r.get('/me/todo', { config: { access: 'user' }, schema: { tags: ['workspace'], summary: 'The signed-in person\'s to-do list: what their role has to do next in their scope, ordered by legal deadline, overdue items marked', querystring: todoQuery, response: { 200: todoOut } } }, async (req, reply) => {
    const a = requireUser(req);
    const today = vnDate(new Date());
    const { limit } = req.query;
    const [lists, cal, scope] = await Promise.all([
      Promise.all(todoSources(a).map((s) => listTodoSource(db, s, today, limit))),
      calendarFromDb(db),
      scopeNames(db, a),
    ]);
    const counts: TodoOut['counts'] = {};
    todoSources(a).forEach((s, i) => { counts[s.kind] = Math.min(lists[i].count, TODO_COUNT_CAP); });
    const fetched = lists.flatMap((l) => l.rows);
    const items = mergeTodo(lists.map((l) => l.rows), limit).map((row) => ({
      kind: row.kind, key: `${row.kind}:${row.ref}`, subject: row.subject, number: row.number, link: todoLink(row.kind, row.ref, row.number),
      dueOn: row.dueOn, overdue: todoOverdue(row, today), workingDaysLeft: todoWorkingDaysLeft(row, today, cal),
      provinceName: row.provinceName, communeName: row.communeName, detail: row.detail, status: row.status, at: row.at,
    }));
    reply.header('cache-control', 'private, no-store');
    return {
      today, items, total: Object.values(counts).reduce((s, n) => s + n, 0), capped: lists.some((l) => l.count > TODO_COUNT_CAP), countCap: TODO_COUNT_CAP, counts,
      // Among the rows read (the first `limit` of each kind): the badge on the home, not a statistic.
      overdue: fetched.filter((row) => todoOverdue(row, today)).length,
      scope: { provinceName: scope?.provinceName ?? null, communeName: scope?.communeName ?? null, entityName: scope?.entityName ?? null },
    };
  });
};
