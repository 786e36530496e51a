// One ECharts chart, loaded on first use (echarts.setup.ts is a chunk of its own). The option is re-applied when it
// changes; the chart follows its box's width (a phone turned sideways) and is disposed with the component. Charts
// are pictures of the tables beside them: the table is what a screen reader reads.
import { Box, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type ECharts = { setOption(o: unknown, notMerge?: boolean): void; resize(): void; dispose(): void; on(ev: string, fn: (p: { name?: string; data?: unknown }) => void): void; off(ev: string): void };

export function Chart({ option, height = 300, onClick, label }: { option: unknown; height?: number; onClick?: (name: string, data: unknown) => void; label: string }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [ready, setReady] = useState(false);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    let live = true;
    let observer: ResizeObserver | undefined;
    void import('./echarts.setup.js').then(({ echarts }) => {
      if (!live || !box.current) return;
      const c = echarts.init(box.current, undefined, { renderer: 'svg' }) as unknown as ECharts;
      chart.current = c;
      c.on('click', (p) => { if (p.name) click.current?.(p.name, p.data); });
      observer = new ResizeObserver(() => c.resize());
      observer.observe(box.current);
      setReady(true);
    });
    return () => { live = false; observer?.disconnect(); chart.current?.dispose(); chart.current = null; };
  }, []);

  useEffect(() => { if (ready) chart.current?.setOption(option, true); }, [option, ready]);

  return (
    <Box pos="relative">
      <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} />
      {!ready && <Text size="sm" c="dark.4" pos="absolute" top={8} left={8}>{t('dash.chartLoading')}</Text>}
    </Box>
  );
}
