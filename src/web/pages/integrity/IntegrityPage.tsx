// Scoring integrity (/lam-viec/lien-chinh): five views over the closed council sessions — threshold bunching, member
// leniency, spread and re-scoring, self-assessment against the council, deadlines — each a chart with its table
// beneath, CSV/xlsx exports, and a drill-down to the products (and their sessions) or dossiers behind a figure.
import { Anchor, Badge, Button, Card, Group, NumberInput, ScrollArea, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { withQuery } from '../../api.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { ErrorState, Loading } from '../../components/States.js';
import { formatDate, formatNumber } from '../../format.js';
import { useProvinces } from '../../reference.js';
import type { User } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import type { bunchingOut, dossierDrillOut, drillOut, leniencyOut, selfOut, spreadOut, timelinessOut } from '../../../modules/supervision/integrity.contract.js';
import { Chart } from './Chart.js';

type Bunching = z.infer<typeof bunchingOut>; type Leniency = z.infer<typeof leniencyOut>; type Spread = z.infer<typeof spreadOut>;
type Self = z.infer<typeof selfOut>; type Time = z.infer<typeof timelinessOut>; type Drill = z.infer<typeof drillOut>; type DossierDrill = z.infer<typeof dossierDrillOut>;
type Filters = Record<string, string | undefined>;
type DrillTarget = { kind: 'items' | 'dossiers'; filters: Filters; label: string };

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${formatNumber(Math.round(x * 1000) / 10)} %`);
const RED = '#c92a2a'; const GREY = '#868e96';

function View({ id, title, help, path, filters, children }: { id: string; title: string; help: string; path: string; filters: Filters; children: ReactNode }) {
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby={`${id}-title`} data-testid={id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} size="h4" id={`${id}-title`}>{title}</Title>
          <ExportButtons path={path} filters={filters} />
        </Group>
        <Text size="sm" c="dimmed">{help}</Text>
        {children}
      </Stack>
    </Card>
  );
}

function Scroll({ children }: { children: ReactNode }) {
  return <ScrollArea type="auto"><Table striped highlightOnHover fz="sm" miw={480}>{children}</Table></ScrollArea>;
}

function Loaded<T>({ f, children }: { f: { data?: T; error: unknown; loading: boolean; reload: () => void }; children: (d: T) => ReactNode }) {
  if (f.error) return <ErrorState error={f.error} onRetry={f.reload} />;
  if (!f.data) return <Loading />;
  return <>{children(f.data)}</>;
}

function DrillPanel({ target, base, user, onClose }: { target: DrillTarget; base: Filters; user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const filters = { ...base, ...target.filters };
  const items = useFetch<Drill>(target.kind === 'items' ? withQuery('/api/v1/integrity/items', filters) : null);
  const dossiers = useFetch<DossierDrill>(target.kind === 'dossiers' ? withQuery('/api/v1/integrity/dossiers', filters) : null);
  // The session screens are the council's: its office and the central office open them; inspectors read the table.
  const opensSession = user.role === 'central' || user.role === 'province';
  return (
    <Card withBorder radius="md" p="md" component="section" aria-label={target.kind === 'items' ? t('integrity.drill.title') : t('integrity.drill.dossiersTitle')} data-testid="drill" bg="gray.0">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h5">{target.kind === 'items' ? t('integrity.drill.title') : t('integrity.drill.dossiersTitle')}: {target.label}</Title>
          <Group gap="xs">
            <ExportButtons path={target.kind === 'items' ? '/api/v1/integrity/items' : '/api/v1/integrity/dossiers'} filters={filters} />
            <Button size="xs" variant="subtle" onClick={onClose}>{t('integrity.drill.close')}</Button>
          </Group>
        </Group>
        {target.kind === 'items' ? (
          <Loaded f={items}>{(d) => (
            <>
              <Text size="sm">{t('integrity.drill.total', { count: d.total, limit: d.limit })}</Text>
              <Scroll>
                <Table.Thead><Table.Tr><Table.Th>{t('integrity.spread.date')}</Table.Th><Table.Th>{t('integrity.drill.product')}</Table.Th><Table.Th>{t('integrity.province')}</Table.Th><Table.Th>{t('integrity.drill.mean')}</Table.Th><Table.Th>{t('integrity.drill.stars')}</Table.Th><Table.Th>{t('integrity.drill.round')}</Table.Th><Table.Th>{t('integrity.spread.sessionTitle')}</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>{d.items.map((i) => (
                  <Table.Tr key={i.itemId}>
                    <Table.Td>{formatDate(i.scheduledOn)}</Table.Td><Table.Td>{i.productName}<Text size="xs" c="dimmed">{i.dossierNumber}</Text></Table.Td><Table.Td>{i.provinceName}</Table.Td>
                    <Table.Td>{formatNumber(i.mean)}</Table.Td><Table.Td>{i.stars}★</Table.Td><Table.Td>{i.rescoreRound}</Table.Td>
                    <Table.Td>{opensSession ? <Anchor component={Link} to={`/phien-hop/${i.sessionId}`}>{i.sessionTitle}</Anchor> : i.sessionTitle}</Table.Td>
                  </Table.Tr>
                ))}</Table.Tbody>
              </Scroll>
            </>
          )}</Loaded>
        ) : (
          <Loaded f={dossiers}>{(d) => (
            <>
              <Text size="sm">{t('integrity.drill.dossierTotal', { count: d.total, limit: d.limit })}</Text>
              <Scroll>
                <Table.Thead><Table.Tr><Table.Th>{t('integrity.drill.dossier')}</Table.Th><Table.Th>{t('integrity.drill.product')}</Table.Th><Table.Th>{t('integrity.time.stage')}</Table.Th><Table.Th>{t('integrity.time.start')}</Table.Th><Table.Th>{t('integrity.time.due')}</Table.Th><Table.Th>{t('integrity.time.end')}</Table.Th><Table.Th>{t('integrity.time.overdue')}</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>{d.items.map((i) => (
                  <Table.Tr key={`${i.dossierId}-${i.stage}`}>
                    <Table.Td>{opensSession ? <Anchor component={Link} to={`/ho-so/${i.dossierId}`}>{i.number}</Anchor> : i.number}</Table.Td><Table.Td>{i.productName}<Text size="xs" c="dimmed">{i.provinceName}</Text></Table.Td>
                    <Table.Td>{t(`integrity.time.stages.${i.stage}`)}</Table.Td><Table.Td>{formatDate(i.start)}</Table.Td><Table.Td>{formatDate(i.due)}</Table.Td><Table.Td>{i.end ? formatDate(i.end) : '—'}</Table.Td>
                    <Table.Td>{i.overdue ? <Badge color="red" variant="light">{t('integrity.yes')}</Badge> : t('integrity.no')}</Table.Td>
                  </Table.Tr>
                ))}</Table.Tbody>
              </Scroll>
            </>
          )}</Loaded>
        )}
      </Stack>
    </Card>
  );
}

export default function IntegrityPage({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const provinces = useProvinces();
  const national = user.role === 'central' || (user.role === 'inspector' && !user.provinceCode);
  const [province, setProvince] = useState<string | null>(null);
  const [window_, setWindow] = useState<number>(2);
  const [distance, setDistance] = useState<number>(3);
  const [by, setBy] = useState<'province' | 'sheet'>('province');
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const base: Filters = { province: province ?? undefined, lang };
  const q = (path: string, extra: Filters = {}) => withQuery(path, { ...base, ...extra });
  const bunching = useFetch<Bunching>(q('/api/v1/integrity/bunching', { window: String(window_) }));
  const leniency = useFetch<Leniency>(q('/api/v1/integrity/leniency', { distance: String(distance) }));
  const spread = useFetch<Spread>(q('/api/v1/integrity/spread'));
  const self = useFetch<Self>(q('/api/v1/integrity/self-assessment', { by }));
  const time = useFetch<Time>(q('/api/v1/integrity/timeliness'));
  const open = (target: DrillTarget) => { setDrill(target); setTimeout(() => document.querySelector('[data-testid="drill"]')?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50); };
  const drillLink = (label: string, target: DrillTarget) => <Anchor component="button" type="button" size="sm" onClick={() => open(target)}>{label}</Anchor>;

  const bunchingChart = useMemo(() => bunching.data && {
    grid: { left: 40, right: 12, top: 24, bottom: 30 }, tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: bunching.data.histogram.map((h) => String(h.from)), axisLabel: { interval: 9 } },
    yAxis: { type: 'value', minInterval: 1, name: t('integrity.bunching.products') },
    series: [{
      type: 'bar', data: bunching.data.histogram.map((h) => ({ value: h.count, itemStyle: { color: bunching.data!.thresholds.some((x) => h.from >= x.points && h.from < x.points + window_) ? '#1c7ed6' : GREY } })), barCategoryGap: '10%',
      markLine: { symbol: 'none', lineStyle: { color: RED, type: 'solid', width: 2 }, label: { formatter: '{b}' }, data: bunching.data.thresholds.map((x) => ({ xAxis: String(x.points), name: `${x.stars}★ ${x.points}` })) },
    }],
  }, [bunching.data, window_, t]);
  const leniencyChart = useMemo(() => leniency.data && {
    grid: { left: 110, right: 16, top: 10, bottom: 24 }, tooltip: { trigger: 'axis' },
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: leniency.data.rows.map((r) => r.name ?? r.alias).reverse(), axisLabel: { width: 100, overflow: 'truncate' } },
    series: [{ type: 'bar', data: leniency.data.rows.map((r) => ({ value: r.meanDiff, itemStyle: { color: r.flagged ? RED : GREY } })).reverse() }],
  }, [leniency.data]);
  const spreadChart = useMemo(() => spread.data && {
    grid: { left: 36, right: 12, top: 30, bottom: 60 }, tooltip: { trigger: 'axis' }, legend: { top: 0 },
    xAxis: { type: 'category', data: spread.data.rows.map((r) => `${formatDate(r.scheduledOn)}`), axisLabel: { rotate: 30 } }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t('integrity.spread.items'), type: 'bar', data: spread.data.rows.map((r) => r.items), itemStyle: { color: GREY } }, { name: t('integrity.spread.rescored'), type: 'bar', data: spread.data.rows.map((r) => r.rescored), itemStyle: { color: RED } }],
  }, [spread.data, t]);
  const selfChart = useMemo(() => self.data && {
    grid: { left: 36, right: 12, top: 30, bottom: 70 }, tooltip: { trigger: 'axis' }, legend: { top: 0 },
    xAxis: { type: 'category', data: self.data.rows.map((r) => r.label), axisLabel: { rotate: 30, width: 90, overflow: 'truncate' } }, yAxis: { type: 'value', min: 0, max: 100 },
    series: [{ name: t('integrity.self.self'), type: 'bar', data: self.data.rows.map((r) => r.meanSelf), itemStyle: { color: '#f08c00' } }, { name: t('integrity.self.council'), type: 'bar', data: self.data.rows.map((r) => r.meanCouncil), itemStyle: { color: '#1c7ed6' } }],
  }, [self.data, t]);
  const timeChart = useMemo(() => time.data && {
    grid: { left: 44, right: 12, top: 16, bottom: 60 }, tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: time.data.byStage.map((r) => t(`integrity.time.stages.${r.stage}`)), axisLabel: { interval: 0, width: 80, overflow: 'break' } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
    series: [{ type: 'bar', data: time.data.byStage.map((r) => ({ value: Math.round((r.overdueShare ?? 0) * 1000) / 10, itemStyle: { color: r.stage === 'all' ? '#495057' : RED } })) }],
  }, [time.data, t]);

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h3">{t('integrity.title')}</Title>
        <Text size="sm" c="dimmed">{t('integrity.intro')}</Text>
      </Stack>
      <Group gap="sm" align="flex-end" wrap="wrap">
        {national && <Select label={t('integrity.province')} placeholder={t('integrity.allProvinces')} clearable searchable w={220} value={province} onChange={(v) => { setProvince(v); setDrill(null); }}
          data={(provinces ?? []).map((p) => ({ value: p.code, label: p.name }))} />}
        <NumberInput label={t('integrity.window')} value={window_} onChange={(v) => setWindow(typeof v === 'number' && v >= 0.5 && v <= 10 ? v : 2)} min={0.5} max={10} step={0.5} w={200} decimalSeparator="," />
        <NumberInput label={t('integrity.distance')} value={distance} onChange={(v) => setDistance(typeof v === 'number' && v >= 0.5 && v <= 30 ? v : 3)} min={0.5} max={30} step={0.5} w={180} decimalSeparator="," />
      </Group>
      {drill && <DrillPanel target={drill} base={base} user={user} onClose={() => setDrill(null)} />}

      <View id="bunching" title={t('integrity.bunching.title')} help={t('integrity.bunching.help')} path="/api/v1/integrity/bunching" filters={{ ...base, window: String(window_) }}>
        <Loaded f={bunching}>{(d) => (
          <>
            <Text size="sm">{t('integrity.closedItems', { count: d.closedItems })}</Text>
            <Chart option={bunchingChart!} label={t('integrity.bunching.chart')} testId="bunching-chart"
              onBarClick={(i) => { const h = d.histogram[i]; open({ kind: 'items', filters: { meanFrom: String(h.from), meanBelow: String(h.to === 100 ? 101 : h.to) }, label: `${h.from}–${h.to}` }); }} />
            <Scroll>
              <Table.Thead><Table.Tr><Table.Th>{t('integrity.bunching.threshold')}</Table.Th><Table.Th>{t('integrity.bunching.below')}</Table.Th><Table.Th>{t('integrity.bunching.above')}</Table.Th><Table.Th>{t('integrity.bunching.excess')}</Table.Th><Table.Th>{t('integrity.bunching.share')}</Table.Th><Table.Th>{t('integrity.flagged')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>{d.rows.map((r) => (
                <Table.Tr key={r.threshold}>
                  <Table.Td>{r.stars}★ · {r.threshold}</Table.Td>
                  <Table.Td>{drillLink(String(r.below), { kind: 'items', filters: { meanFrom: String(r.threshold - r.window), meanBelow: String(r.threshold) }, label: `${r.threshold - r.window}–${r.threshold}` })}</Table.Td>
                  <Table.Td>{drillLink(String(r.above), { kind: 'items', filters: { meanFrom: String(r.threshold), meanBelow: String(r.threshold + r.window) }, label: `${r.threshold}–${r.threshold + r.window}` })}</Table.Td>
                  <Table.Td>{r.excess > 0 ? `+${r.excess}` : r.excess}</Table.Td>
                  <Table.Td>{pct(r.shareAbove)}{r.interval ? ` (${pct(r.interval.low)}–${pct(r.interval.high)})` : ''}</Table.Td>
                  <Table.Td>{r.flagged ? <Badge color="red" variant="light">{t('integrity.flagged')}</Badge> : '—'}</Table.Td>
                </Table.Tr>
              ))}</Table.Tbody>
            </Scroll>
          </>
        )}</Loaded>
      </View>

      <View id="leniency" title={t('integrity.leniency.title')} help={t('integrity.leniency.help')} path="/api/v1/integrity/leniency" filters={{ ...base, distance: String(distance) }}>
        <Loaded f={leniency}>{(d) => (
          <>
            {!d.namesShown && <Text size="sm" c="dimmed">{t('integrity.leniency.aliases')}</Text>}
            <Chart option={leniencyChart!} label={t('integrity.leniency.chart')} height={Math.max(160, d.rows.length * 26 + 40)} testId="leniency-chart" />
            <Scroll>
              <Table.Thead><Table.Tr><Table.Th>{t('integrity.leniency.member')}</Table.Th><Table.Th>{t('integrity.leniency.councils')}</Table.Th><Table.Th>{t('integrity.leniency.n')}</Table.Th><Table.Th>{t('integrity.leniency.meanDiff')}</Table.Th><Table.Th>{t('integrity.leniency.z')}</Table.Th><Table.Th>{t('integrity.flagged')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
              <Table.Tbody>{d.rows.map((r) => (
                <Table.Tr key={r.alias}>
                  <Table.Td>{r.name ?? r.alias}</Table.Td><Table.Td>{r.councils.join('; ')}</Table.Td><Table.Td>{r.n}</Table.Td>
                  <Table.Td>{r.meanDiff > 0 ? `+${formatNumber(r.meanDiff)}` : formatNumber(r.meanDiff)}</Table.Td><Table.Td>{formatNumber(r.z)}</Table.Td>
                  <Table.Td>{r.flagged ? <Badge color="red" variant="light">{t('integrity.flagged')}</Badge> : '—'}</Table.Td>
                  <Table.Td>{r.memberId ? drillLink(t('integrity.show'), { kind: 'items', filters: { member: r.memberId }, label: r.name ?? r.alias })
                    : r.councilId ? drillLink(t('integrity.show'), { kind: 'items', filters: { council: r.councilId }, label: r.councils.join('; ') }) : null}</Table.Td>
                </Table.Tr>
              ))}</Table.Tbody>
            </Scroll>
          </>
        )}</Loaded>
      </View>

      <View id="spread" title={t('integrity.spread.title')} help={t('integrity.spread.help')} path="/api/v1/integrity/spread" filters={base}>
        <Loaded f={spread}>{(d) => (
          <>
            <Text size="sm">{t('integrity.spread.summary', { rescored: d.summary.rescored, items: d.summary.items, share: pct(d.summary.rescoredShare), sessions: d.summary.sessionsRescored, first: formatNumber(d.summary.meanFirstSpread), final: formatNumber(d.summary.meanFinalSpread), move: formatNumber(d.summary.meanMove) })}</Text>
            {drillLink(t('integrity.spread.showRescored'), { kind: 'items', filters: { rescored: 'true' }, label: t('integrity.spread.rescored') })}
            <Chart option={spreadChart!} label={t('integrity.spread.chart')} testId="spread-chart" />
            <Scroll>
              <Table.Thead><Table.Tr><Table.Th>{t('integrity.spread.sessionTitle')}</Table.Th><Table.Th>{t('integrity.spread.items')}</Table.Th><Table.Th>{t('integrity.spread.rescored')}</Table.Th><Table.Th>{t('integrity.spread.firstSpread')}</Table.Th><Table.Th>{t('integrity.spread.finalSpread')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>{d.rows.map((r) => (
                <Table.Tr key={r.sessionId}>
                  <Table.Td>{user.role === 'inspector' ? r.title : <Anchor component={Link} to={`/phien-hop/${r.sessionId}`}>{r.title}</Anchor>}<Text size="xs" c="dimmed">{formatDate(r.scheduledOn)} · {r.councilName}</Text></Table.Td>
                  <Table.Td>{r.items}</Table.Td><Table.Td>{r.rescored}</Table.Td><Table.Td>{formatNumber(r.meanFirstSpread)}</Table.Td><Table.Td>{formatNumber(r.meanFinalSpread)}</Table.Td>
                </Table.Tr>
              ))}</Table.Tbody>
            </Scroll>
          </>
        )}</Loaded>
      </View>

      <View id="self" title={t('integrity.self.title')} help={t('integrity.self.help')} path="/api/v1/integrity/self-assessment" filters={{ ...base, by }}>
        <SegmentedControl size="xs" value={by} onChange={(v) => setBy(v as 'province' | 'sheet')} data={[{ value: 'province', label: t('integrity.self.byProvince') }, { value: 'sheet', label: t('integrity.self.bySheet') }]} />
        <Loaded f={self}>{(d) => (
          <>
            <Chart option={selfChart!} label={t('integrity.self.chart')} testId="self-chart" />
            <Scroll>
              <Table.Thead><Table.Tr><Table.Th>{t('integrity.self.group')}</Table.Th><Table.Th>{t('integrity.leniency.n')}</Table.Th><Table.Th>{t('integrity.self.self')}</Table.Th><Table.Th>{t('integrity.self.council')}</Table.Th><Table.Th>{t('integrity.self.gap')}</Table.Th><Table.Th>{t('integrity.self.overClaim')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>{d.rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>{drillLink(r.label, { kind: 'items', filters: d.by === 'province' ? { province: r.key, level: 'province' } : { sheet: r.key, level: 'province' }, label: r.label })}</Table.Td>
                  <Table.Td>{r.n}</Table.Td><Table.Td>{formatNumber(r.meanSelf)}</Table.Td><Table.Td>{formatNumber(r.meanCouncil)}</Table.Td><Table.Td>{r.meanGap > 0 ? `+${formatNumber(r.meanGap)}` : formatNumber(r.meanGap)}</Table.Td><Table.Td>{pct(r.overClaimShare)}</Table.Td>
                </Table.Tr>
              ))}</Table.Tbody>
            </Scroll>
          </>
        )}</Loaded>
      </View>

      <View id="time" title={t('integrity.time.title')} help={time.data ? t('integrity.time.help', { commune: time.data.deadlines.communeWorkingDays, rerating: time.data.deadlines.reRatingDays, instrument: time.data.deadlines.instrument }) : ''} path="/api/v1/integrity/timeliness" filters={base}>
        <Loaded f={time}>{(d) => (
          <>
            <Chart option={timeChart!} label={t('integrity.time.chart')} testId="time-chart" />
            <Scroll>
              <Table.Thead><Table.Tr><Table.Th>{t('integrity.province')}</Table.Th><Table.Th>{t('integrity.time.stage')}</Table.Th><Table.Th>{t('integrity.time.n')}</Table.Th><Table.Th>{t('integrity.time.overdue')}</Table.Th><Table.Th>{t('integrity.time.share')}</Table.Th><Table.Th>{t('integrity.time.days')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>{[...d.byStage.map((r) => ({ ...r, key: '', label: t('integrity.allProvinces') })), ...d.rows].map((r) => (
                <Table.Tr key={`${r.key}-${r.stage}`} fw={r.stage === 'all' ? 600 : undefined}>
                  <Table.Td>{r.label}</Table.Td><Table.Td>{t(`integrity.time.stages.${r.stage}`)}</Table.Td><Table.Td>{r.n}</Table.Td>
                  <Table.Td>{r.overdue ? drillLink(String(r.overdue), { kind: 'dossiers', filters: { overdue: 'true', stage: r.stage === 'all' ? undefined : r.stage, ...(r.key ? { province: r.key } : {}) }, label: `${r.label} · ${t(`integrity.time.stages.${r.stage}`)}` }) : 0}</Table.Td>
                  <Table.Td>{pct(r.overdueShare)}</Table.Td><Table.Td>{formatNumber(r.meanDays)}</Table.Td>
                </Table.Tr>
              ))}</Table.Tbody>
            </Scroll>
          </>
        )}</Loaded>
      </View>
    </Stack>
  );
}
