// The dashboards: the public one (/thong-ke, published figures only) and the officers' (/lam-viec/thong-ke, the same
// plus the area's non-public figures, within their scope). One page per level — nation, province, commune — chosen
// by ?province= and ?commune= in the address (a link can be shared, the back button climbs up): the map of the 34
// provinces and their progress toward the 50 % target at the nation, the communes ranked at a province, each
// commune's own figures. Every table exports to .xlsx and CSV from its open-data route.
import { Anchor, Badge, Breadcrumbs, Group, NativeSelect, Progress, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { withQuery } from '../../api.js';
import { ErrorState, Loading } from '../../components/States.js';
import { formatDate, formatNumber } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import { useProvinces } from '../../reference.js';
import type { AdminUnit, User } from '../../types.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';
import { Chart } from './Chart.js';
import { IndicatorCard, IndicatorTable, type Column } from './IndicatorTable.js';
import { ProvinceMap } from './ProvinceMap.js';
import type { Area, Dashboard, Indicator, OfficeDashboard, Share, ShareRow } from './types.js';

const GREEN = '#2f8f60';
const OFFICE_TITLES: Record<string, string> = {
  'entities-by-status': 'dash.entitiesByStatus', 'products-by-status': 'dash.productsByStatus', 'dossiers-by-status': 'dash.dossiersByStatus', 'channels-by-status': 'dash.channelsByStatus',
};
const AMBER = '#e0a526';
const FIRST_YEAR = 2019;

/** The area an officer's dashboard is held to (their province or commune); none for the central office and the public. */
function fixedScope(user?: User): Area {
  if (!user) return {};
  if (user.role === 'province' && user.provinceCode) return { province: user.provinceCode };
  if (user.role === 'commune' && user.communeCode) return { commune: user.communeCode };
  return {};
}

type Bar = { key: string; label: string; value: number; color?: string };
/** A bar chart's option: horizontal for long labels (provinces, communes, sectors), with the target line when given. */
function barOption(bars: Bar[], opts: { horizontal?: boolean; target?: number; percent?: boolean } = {}) {
  const categories = { type: 'category', data: bars.map((b) => b.key), axisLabel: { formatter: (k: string) => bars.find((b) => b.key === k)?.label ?? k, fontSize: 11, width: opts.horizontal ? 110 : 80, overflow: 'truncate' }, axisTick: { show: false } };
  const values = { type: 'value', max: opts.percent ? 100 : undefined, axisLabel: { fontSize: 10, formatter: opts.percent ? '{value}%' : undefined } };
  return {
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => (opts.percent ? `${formatNumber(v)}%` : formatNumber(v)) },
    xAxis: opts.horizontal ? values : categories,
    yAxis: opts.horizontal ? categories : values,
    series: [{
      type: 'bar', barMaxWidth: 28, data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color ?? '#0b6e4f' } })),
      ...(opts.target !== undefined ? { markLine: { symbol: 'none', silent: true, lineStyle: { color: '#0f2a20', type: 'dashed' }, label: { formatter: `${opts.target}%`, position: 'end' }, data: [opts.horizontal ? { xAxis: opts.target } : { yAxis: opts.target }] } } : {}),
    }],
  };
}

function ShareCard({ share, filters }: { share: Share; filters: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  const reached = share.denominator > 0 && share.percent >= share.target;
  return (
    <IndicatorCard title={t('dash.share')} exportPath="/api/v1/indicators/modern-channels" filters={filters}>
      <Group align="baseline" gap="sm">
        <Text fz={44} fw={800} c="ocop.9" lh={1} data-testid="modern-share">{formatNumber(share.percent)}%</Text>
        <Badge color={reached ? 'green' : 'orange'} variant="light">{reached ? t('dash.reached') : t('dash.notReached')}</Badge>
      </Group>
      <Text size="sm" c="dark.4" mt={4}>{t('dash.shareOf', { numerator: formatNumber(share.numerator), denominator: formatNumber(share.denominator) })} · {t('dash.target', { target: share.target })}</Text>
      <div style={{ position: 'relative', marginTop: 10 }}>
        <Progress value={Math.min(100, share.percent)} color={reached ? GREEN : AMBER} size="lg" radius="xl" aria-label={t('dash.share')} />
        <div aria-hidden style={{ position: 'absolute', left: `${share.target}%`, top: -4, bottom: -4, borderLeft: '2px dashed #0f2a20' }} />
      </div>
    </IndicatorCard>
  );
}

export default function DashboardPage({ user }: { user?: User }) {
  const { t } = useTranslation();
  const { pickName } = useLocalized();
  const office = Boolean(user);
  const [params, setParams] = useSearchParams();
  const fixed = fixedScope(user);
  const area: Area = { province: fixed.province ?? params.get('province') ?? undefined, commune: fixed.commune ?? params.get('commune') ?? undefined };
  const level = area.commune ? 'commune' : area.province ? 'province' : 'nation';
  const year = params.get('nam') ?? '';
  const period = year ? { from: `${year}-01-01`, to: `${year}-12-31` } : {};
  const q = { province: area.province, commune: area.commune };

  const provinces = useProvinces();
  const dash = useFetch<Dashboard>(withQuery('/api/v1/dashboard', q));
  const shares = useFetch<Indicator>(level !== 'commune' ? '/api/v1/indicators/modern-channels-by-province' : null);
  const communes = useFetch<Indicator>(level === 'province' ? withQuery('/api/v1/indicators/modern-channels-by-commune', { province: area.province }) : null);
  const stars = useFetch<Indicator>(year ? withQuery('/api/v1/indicators/products-by-stars', { ...q, ...period }) : null);
  const sectors = useFetch<Indicator>(year ? withQuery('/api/v1/indicators/products-by-sector', { ...q, ...period }) : null);
  const certs = useFetch<Indicator>(year ? withQuery('/api/v1/indicators/certificates', { ...q, ...period }) : null);
  const officeDash = useFetch<OfficeDashboard>(office ? withQuery('/api/v1/office/dashboard', q) : null);
  const commune = useFetch<{ items: AdminUnit[] }>(area.commune ? withQuery('/api/v1/admin-units', { level: 'commune', q: area.commune, limit: 1 }) : null);

  const communeUnit = commune.data?.items.find((c) => c.code === area.commune);
  const provinceCode = area.province ?? communeUnit?.provinceCode;
  const provinceUnit = provinces?.find((p) => p.code === provinceCode);
  const provinceName = (code: string) => { const p = provinces?.find((x) => x.code === code); return p ? pickName(p.name, p.nameEn) : code; };
  const areaName = communeUnit ? pickName(communeUnit.fullName, communeUnit.fullNameEn) : provinceUnit ? pickName(provinceUnit.fullName, provinceUnit.fullNameEn) : level === 'nation' ? t('dash.nation') : '…';
  usePageTitle(`${office ? t('dash.officeTitle') : t('dash.title')} · ${areaName}`);

  /** Moves to another level, keeping the period. */
  const go = (next: Area) => {
    const s: Record<string, string> = {};
    if (next.province && !fixed.province) s.province = next.province;
    if (next.commune && !fixed.commune) s.commune = next.commune;
    if (year) s.nam = year;
    setParams(s);
  };
  const here = (next: Area) => {
    const s = new URLSearchParams();
    if (next.province && !fixed.province) s.set('province', next.province);
    if (next.commune && !fixed.commune) s.set('commune', next.commune);
    if (year) s.set('nam', year);
    return { search: s.toString() ? `?${s}` : '' };
  };

  const years = useMemo(() => {
    const now = new Date().getFullYear();
    return Array.from({ length: now - FIRST_YEAR + 1 }, (_, i) => String(now - i));
  }, []);

  if (dash.error) return <ErrorState error={dash.error} onRetry={dash.reload} />;
  const d = dash.data;
  const byName = (name: string, override?: Indicator) => override ?? d?.indicators.find((i) => i.name === name);
  const filters = { ...q, ...period };
  const openData = (name: string) => `/api/v1/indicators/${name}`;
  const shareRows = (shares.data?.rows ?? []) as unknown as ShareRow[];
  const communeRows = (communes.data?.rows ?? []) as unknown as ShareRow[];
  const target = d?.modernChannels.target ?? 50;
  const num = (k: string): Column => ({ key: k, label: t(`dash.${k}`), numeric: true, render: (r) => formatNumber(r[k] as number) });
  const countCol: Column = { key: 'count', label: t('dash.count'), numeric: true, render: (r) => (r.suppressed ? t('dash.suppressed') : formatNumber(r.count as number)) };

  const category = (name: string, key: string | null): string => {
    if (key === null || key === 'unknown') return t('dash.unknown');
    if (name === 'entities-by-type') return t(`entityType.${key}`, { defaultValue: key });
    if (name.endsWith('-by-sex')) return key === 'male' || key === 'female' ? t(`form.${key}`) : key;
    if (name.endsWith('-by-disability')) return key === 'true' ? t('dash.yes') : key === 'false' ? t('dash.no') : key;
    if (name === 'entities-by-status') return t(`entityStatus.${key}`, { defaultValue: key });
    if (name === 'products-by-status') return t(`productStatus.${key}`, { defaultValue: key });
    if (name === 'dossiers-by-status') return t(`dossier.status.${key}`, { defaultValue: key });
    if (name === 'channels-by-status') return t(`channelStatus.${key}`, { defaultValue: key });
    return key;
  };

  /** A table of counts by category (the entities' and the office's), with a bar chart when asked. */
  const categoryCard = (ind: Indicator | undefined, title: string, opts: { chart?: boolean; exportPath?: string; note?: string } = {}) => ind && (
    <IndicatorCard key={ind.name} title={title} exportPath={opts.exportPath} filters={q}>
      {opts.chart && ind.rows.length > 0 && <Chart label={title} height={Math.max(160, ind.rows.length * 30)} option={barOption(ind.rows.map((r) => ({ key: String(r.category ?? r.status), label: category(ind.name, (r.category ?? r.status) as string), value: Number(r.count ?? 0) })), { horizontal: true })} />}
      <IndicatorTable rows={ind.rows} columns={[{ key: 'category', label: t(ind.columns.includes('status') ? 'dash.status' : 'dash.category'), render: (r) => category(ind.name, (r.category ?? r.status) as string) }, countCol]} />
      {opts.note && <Text size="xs" c="dark.4" mt={4}>{opts.note}</Text>}
    </IndicatorCard>
  );

  const starsInd = byName('products-by-stars', stars.data);
  const sectorInd = byName('products-by-sector', sectors.data);
  const certInd = byName('certificates', certs.data);
  const certRow = certInd?.rows[0];
  const expiringKey = certInd?.columns.find((c) => c.startsWith('expiringWithin'));
  const expiringDays = expiringKey ? Number(/\d+/.exec(expiringKey)?.[0]) : 180;

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">{office ? t('dash.officeTitle') : t('dash.title')} · {areaName}</Title>
        <Text c="dark.4" size="sm">{office ? t('dash.officeIntro') : t('dash.intro')}</Text>
      </div>
      <Group justify="space-between" gap="xs" align="flex-end">
        <Breadcrumbs aria-label={t('dash.breadcrumb')} separator="›">
          {!fixed.province && !fixed.commune && <Anchor component={Link} to={here({})}>{t('dash.nation')}</Anchor>}
          {provinceCode && !fixed.commune && <Anchor component={Link} to={here({ province: provinceCode })}>{provinceUnit ? pickName(provinceUnit.fullName, provinceUnit.fullNameEn) : provinceCode}</Anchor>}
          {communeUnit && <Text size="sm" fw={600}>{pickName(communeUnit.fullName, communeUnit.fullNameEn)}</Text>}
        </Breadcrumbs>
        <NativeSelect size="xs" label={t('dash.period')} value={year} w={150}
          data={[{ value: '', label: t('dash.allTime') }, ...years.map((y) => ({ value: y, label: t('dash.year', { year: y }) }))]}
          onChange={(e) => { const s = new URLSearchParams(params); if (e.currentTarget.value) s.set('nam', e.currentTarget.value); else s.delete('nam'); setParams(s); }} />
      </Group>
      {d && <Text size="xs" c="dark.4">{t('dash.asOf', { date: formatDate(d.asOf) })}{year ? ` · ${t('dash.periodNote')}` : ''}</Text>}
      {!d ? <Loading /> : (
        <>
          <ShareCard share={d.modernChannels} filters={q} />
          {level !== 'commune' && (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <IndicatorCard title={t('dash.mapTitle')}>
                {shares.data ? <ProvinceMap rows={shareRows} target={target} selected={area.province} onSelect={(p) => go({ province: p })} /> : <Loading />}
              </IndicatorCard>
              <IndicatorCard title={t('dash.progressTitle')} exportPath={openData('modern-channels-by-province')} filters={{}}>
                {shares.data && (
                  <>
                    <Chart label={t('dash.progressTitle')} height={Math.max(300, shareRows.length * 20)} onClick={(code) => go({ province: code })}
                      option={barOption([...shareRows].reverse().map((r) => ({ key: r.province, label: provinceName(r.province), value: r.percent, color: r.reached ? GREEN : AMBER })), { horizontal: true, target, percent: true })} />
                    <IndicatorTable maxHeight={320} rows={shares.data.rows} columns={[
                      { key: 'name', label: t('dash.province'), render: (r) => <UnstyledButton onClick={() => go({ province: String(r.province) })} c="ocop.9" fz="sm" td="underline">{pickName(String(r.name), String(r.nameEn))}</UnstyledButton> },
                      num('numerator'), num('denominator'), num('percent'),
                    ]} />
                  </>
                )}
              </IndicatorCard>
            </SimpleGrid>
          )}
          {level === 'province' && (
            <IndicatorCard title={t('dash.communesTitle')} exportPath={openData('modern-channels-by-commune')} filters={{ province: area.province }}>
              <Text size="xs" c="dark.4" mb="xs">{t('dash.communesHint')}</Text>
              {!communes.data ? <Loading /> : communeRows.length === 0 ? <Text size="sm">{t('dash.noCommunes')}</Text> : (
                <>
                  <Chart label={t('dash.communesTitle')} height={Math.max(160, communeRows.length * 24)} onClick={(code) => go({ province: area.province, commune: code })}
                    option={barOption([...communeRows].reverse().map((r) => ({ key: r.commune!, label: pickName(r.name, r.nameEn), value: r.percent, color: r.reached ? GREEN : AMBER })), { horizontal: true, target, percent: true })} />
                  <IndicatorTable maxHeight={360} rows={communes.data.rows} columns={[
                    { key: 'name', label: t('dash.commune'), render: (r) => <Anchor component={Link} to={here({ province: area.province, commune: String(r.commune) })} fz="sm">{pickName(String(r.name), String(r.nameEn))}</Anchor> },
                    num('numerator'), num('denominator'), num('percent'),
                  ]} />
                </>
              )}
            </IndicatorCard>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {starsInd && (
              <IndicatorCard title={t('dash.productsByStars')} exportPath={openData('products-by-stars')} filters={filters}>
                <Chart label={t('dash.productsByStars')} height={200} option={barOption(starsInd.rows.map((r) => ({ key: String(r.stars), label: t('dash.stars', { n: r.stars }), value: Number(r.count) })))} />
                <IndicatorTable rows={starsInd.rows} columns={[{ key: 'stars', label: t('dash.category'), render: (r) => t('dash.stars', { n: r.stars }) }, num('count')]} />
              </IndicatorCard>
            )}
            {sectorInd && (
              <IndicatorCard title={t('dash.productsBySector')} exportPath={openData('products-by-sector')} filters={filters}>
                <Chart label={t('dash.productsBySector')} height={Math.max(160, sectorInd.rows.length * 34)} option={barOption(sectorInd.rows.map((r) => ({ key: String(r.sector), label: `${r.sector}. ${pickName(String(r.name), String(r.nameEn))}`, value: Number(r.count) })), { horizontal: true })} />
                <IndicatorTable rows={sectorInd.rows} columns={[{ key: 'sector', label: t('dash.sector'), render: (r) => `${r.sector}. ${pickName(String(r.name), String(r.nameEn))}` }, num('count')]} />
              </IndicatorCard>
            )}
            {certRow && (
              <IndicatorCard title={t('dash.certificates')} exportPath={openData('certificates')} filters={filters}>
                <SimpleGrid cols={2} spacing="xs">
                  {([['issued', t('dash.issued')], ['inForce', t('dash.inForce')], [expiringKey ?? '', t('dash.expiring', { days: expiringDays })], ['revoked', t('dash.revoked')]] as const).map(([k, label]) => (
                    <div key={k}>
                      <Text size="xs" c="dark.4">{label}</Text>
                      <Text fz={26} fw={800} c="ocop.9">{formatNumber(certRow[k] as number)}</Text>
                    </div>
                  ))}
                </SimpleGrid>
              </IndicatorCard>
            )}
            {categoryCard(byName('entities-by-type'), t('dash.entitiesByType'), { chart: true, exportPath: openData('entities-by-type') })}
            {(['entities-by-sex', 'entities-by-ethnicity', 'entities-by-disability'] as const).map((n) => {
              const ind = byName(n);
              return categoryCard(ind, t(n === 'entities-by-sex' ? 'dash.entitiesBySex' : n === 'entities-by-ethnicity' ? 'dash.entitiesByEthnicity' : 'dash.entitiesByDisability'),
                { exportPath: openData(n), note: t('dash.suppressedNote', { n: ind?.minimumCellSize ?? 5 }) });
            })}
          </SimpleGrid>
          {office && officeDash.data && (
            <>
              <Title order={2} size="h3" mt="md">{t('dash.office')}</Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {officeDash.data.indicators.map((ind) => categoryCard(ind, OFFICE_TITLES[ind.name] ? t(OFFICE_TITLES[ind.name]) : pickName(ind.title.vi, ind.title.en), {
                  chart: ind.name.endsWith('-by-status'), exportPath: `/api/v1/office/indicators/${ind.name}`,
                  note: ind.name.endsWith('-by-status') ? undefined : t('dash.fullSensitive'),
                }))}
              </SimpleGrid>
            </>
          )}
          {officeDash.error !== null && office && <ErrorState error={officeDash.error} onRetry={officeDash.reload} />}
          <Group gap="md">
            <Anchor href="/api/v1/indicators" size="sm">{t('dash.openData')}</Anchor>
            {office && <Anchor href="/thong-ke" size="sm">{t('dash.publicLink')}</Anchor>}
          </Group>
        </>
      )}
    </Stack>
  );
}
