// One ECharts chart: the library is imported when the first chart mounts; the chart follows its box's width (phones),
// and a click on a bar reports its index (the drill-down).
import { useEffect, useRef } from 'react';

type Props = { option: Record<string, unknown>; label: string; height?: number; onBarClick?: (dataIndex: number, seriesIndex: number) => void; testId?: string };

export function Chart({ option, label, height = 260, onBarClick, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const click = useRef(onBarClick);
  click.current = onBarClick;
  useEffect(() => {
    let live = true;
    let chart: { resize(): void; dispose(): void } | undefined;
    const resize = () => chart?.resize();
    void import('./echarts.js').then(({ echarts }) => {
      if (!live || !box.current) return;
      const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
      c.setOption({ animation: false, ...option });
      c.on('click', (p) => { const e = p as { dataIndex: number; seriesIndex: number }; click.current?.(e.dataIndex, e.seriesIndex); });
      chart = c;
      box.current.dataset.ready = 'true';
    });
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(resize);
    if (box.current) observer?.observe(box.current);
    return () => { live = false; observer?.disconnect(); chart?.dispose(); };
  }, [option]);
  return <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
