import { BarChart as Bar } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatNumber } from '../../lib/format';

echarts.use([Bar, GridComponent, TooltipComponent, SVGRenderer]);

interface Row {
  name: string;
  count: number;
}

/** Horizontal bars (long OPD names read better sideways). The same numbers are in the table view. */
export default function BarChart({
  rows,
  axisLabel,
  title,
}: {
  rows: Row[];
  axisLabel: string;
  title: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    const narrow = el.current.clientWidth < 500;
    const data = [...rows].reverse();
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 48, top: 8, bottom: 40, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatNumber(Number(v)) },
      xAxis: {
        type: 'value',
        name: axisLabel,
        nameLocation: 'middle',
        nameGap: 28,
        splitNumber: narrow ? 2 : 5,
        axisLabel: { formatter: (v: number) => formatNumber(v) },
      },
      yAxis: {
        type: 'category',
        data: data.map((r) => r.name),
        axisLabel: { width: narrow ? 110 : 260, overflow: 'truncate', color: '#333' },
      },
      series: [
        {
          type: 'bar',
          data: data.map((r) => r.count),
          itemStyle: { color: '#0b6e79' },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: unknown }) => formatNumber(Number(p.value)),
          },
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [rows, axisLabel]);
  return (
    <div
      ref={el}
      role="img"
      aria-label={title}
      style={{ width: '100%', height: Math.max(260, rows.length * 36 + 60) }}
    />
  );
}
