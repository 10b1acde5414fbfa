import { BarChart as Bar } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([Bar, GridComponent, TooltipComponent, SVGRenderer]);

/** Share of tasks done per unit, as horizontal bars (0–100 %). The table behind it has the same numbers. */
export default function CampaignChart({
  rows,
  axisLabel,
  title,
}: {
  rows: { name: string; share: number; done: number; assigned: number }[];
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
      grid: { left: 8, right: 84, top: 8, bottom: 40, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${Number(v)} %` },
      xAxis: {
        type: 'value',
        max: 100,
        name: axisLabel,
        nameLocation: 'middle',
        nameGap: 28,
        splitNumber: narrow ? 2 : 5,
      },
      yAxis: {
        type: 'category',
        data: data.map((r) => r.name),
        axisLabel: { width: narrow ? 110 : 260, overflow: 'truncate', color: '#333' },
      },
      series: [
        {
          type: 'bar',
          data: data.map((r) => Math.round(r.share * 1000) / 10),
          itemStyle: { color: '#0b6e79' },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: unknown; dataIndex: number }) =>
              `${Number(p.value)} % (${data[p.dataIndex]!.done}/${data[p.dataIndex]!.assigned})`,
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
      style={{ width: '100%', height: Math.max(200, rows.length * 36 + 60) }}
    />
  );
}
