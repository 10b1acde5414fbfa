import { RadarChart as Radar } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([Radar, LegendComponent, TooltipComponent, SVGRenderer]);

export interface RadarRow {
  code: string;
  name: string;
  required: number | null;
  current: number | null;
}

/** Current level against the position's standard, one spoke per competency (codes keep it readable on phones). */
export default function RadarChart({
  rows,
  title,
  currentLabel,
  requiredLabel,
}: {
  rows: RadarRow[];
  title: string;
  currentLabel: string;
  requiredLabel: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    const narrow = el.current.clientWidth < 500;
    const max = Math.max(5, ...rows.map((r) => Math.max(r.required ?? 0, r.current ?? 0)));
    chart.setOption({
      animation: false,
      legend: { bottom: 0, data: [currentLabel, requiredLabel], textStyle: { color: '#333' } },
      tooltip: { trigger: 'item' },
      radar: {
        radius: narrow ? '58%' : '68%',
        center: ['50%', '46%'],
        splitNumber: max,
        indicator: rows.map((r) => ({ name: narrow ? r.code : `${r.code} ${r.name}`, max })),
        axisName: {
          color: '#333',
          fontSize: narrow ? 11 : 12,
          width: narrow ? 70 : 140,
          overflow: 'truncate',
        },
      },
      series: [
        {
          type: 'radar',
          data: [
            {
              name: requiredLabel,
              value: rows.map((r) => r.required ?? 0),
              itemStyle: { color: '#8a4b00' },
              lineStyle: { type: 'dashed', width: 2 },
            },
            {
              name: currentLabel,
              value: rows.map((r) => r.current ?? 0),
              itemStyle: { color: '#0b6e79' },
              areaStyle: { opacity: 0.2 },
              lineStyle: { width: 2 },
            },
          ],
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [rows, currentLabel, requiredLabel]);
  return <div ref={el} role="img" aria-label={title} style={{ width: '100%', maxWidth: 640, height: 340 }} />;
}
