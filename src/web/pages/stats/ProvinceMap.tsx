// The choropleth of the 34 provinces, coloured by the modern-channel share against the target (the 50 % line is
// the colour scale's main step), the chosen province outlined; a tap on a province drills down to it. The
// archipelagos are labelled; the boundaries' attribution is printed under the map.
import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format.js';
import { useLocalized } from '../../i18n/index.js';
import { Chart } from './Chart.js';
import { ARCHIPELAGOS } from './provinceGeo.js';
import type { ShareRow } from './types.js';

export function ProvinceMap({ rows, target, selected, onSelect }: { rows: ShareRow[]; target: number; selected?: string; onSelect: (province: string) => void }) {
  const { t } = useTranslation();
  const { pickName } = useLocalized();
  const option = useMemo(() => {
    const byCode = new Map(rows.map((r) => [r.province, r]));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string }) => {
          const r = byCode.get(p.name);
          if (!r) return p.name === 'hoang-sa' ? t('dash.hoangSa') : p.name === 'truong-sa' ? t('dash.truongSa') : '';
          return `${pickName(r.name, r.nameEn)}<br/>${r.denominator ? `${formatNumber(r.percent)}% (${formatNumber(r.numerator)}/${formatNumber(r.denominator)})` : t('dash.noData')}`;
        },
      },
      visualMap: {
        type: 'piecewise', left: 0, bottom: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11 },
        pieces: [
          { lt: target / 2, color: '#f2b8a0', label: `< ${target / 2}%` },
          { gte: target / 2, lt: target, color: '#f6dc86', label: `${target / 2}–${target}%` },
          { gte: target, color: '#2f8f60', label: `≥ ${target}% · ${t('dash.target', { target })}` },
        ],
      },
      series: [{
        type: 'map', map: 'vn-provinces', roam: false, selectedMode: false, aspectScale: 1, layoutCenter: ['50%', '48%'], layoutSize: '95%',
        itemStyle: { areaColor: '#e6ebe8', borderColor: '#ffffff', borderWidth: 0.6 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#0b6e4f' } },
        data: [
          ...rows.map((r) => ({
            name: r.province, value: r.denominator ? r.percent : '-',
            ...(r.province === selected ? { itemStyle: { borderColor: '#0f2a20', borderWidth: 2 } } : {}),
          })),
          ...Object.keys(ARCHIPELAGOS).map((name) => ({
            name, value: '-', itemStyle: { areaColor: '#8a9a92' }, emphasis: { disabled: true },
            // A map's label is centred on its region: a blank second line lifts the name above the spot.
            label: { show: true, formatter: `${name === 'hoang-sa' ? t('dash.hoangSa') : t('dash.truongSa')}\n `, fontSize: 9, lineHeight: 14, color: '#3b4a43' },
          })),
        ],
      }],
    };
  }, [rows, target, selected, t, pickName]);
  return (
    <figure style={{ margin: 0 }}>
      <Chart option={option} height={480} label={t('dash.mapAlt')} onClick={(name) => { if (/^\d{2}$/.test(name)) onSelect(name); }} />
      <Text component="figcaption" size="xs" c="dark.4">{t('dash.mapHint')} {t('dash.mapAttribution')}</Text>
    </figure>
  );
}
