import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { TIME_TICK_STEPS_MS, timeTickLabels } from '../console/plot-labels';
import { MARK_STYLE } from './mark-style';
import type { MarkKind } from './marks';
import { plotColumns, type Timeline } from './timeline';

const HEIGHT = 260;
const OUTPUT_COLOURS = ['#8fb8ff', '#f2b705', '#b48cff', '#5ad1c8', '#a6e07a', '#ffffff'];
const PRESSURE = '#c3c9d0';
const HEART = '#ff6b81';
const colourOf = (i: number) => OUTPUT_COLOURS[i % OUTPUT_COLOURS.length] ?? '#8fb8ff';
/** uPlot's `Axis.Side` is a const enum, which isolated modules cannot read: 1 is Right. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- see above
const RIGHT = 1 as uPlot.Axis.Side;
const axis = {
  stroke: '#a9b1ba',
  grid: { stroke: '#2a3139', width: 1 },
  ticks: { stroke: '#3a434d' },
};

/** Draws every mark as a vertical line over the plot; the stop thicker, in red. */
function marksPlugin(t: Timeline): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u) => {
          const { ctx } = u;
          const { top, height } = u.bbox;
          ctx.save();
          for (const mark of t.marks) {
            if (mark.at < t.origin) continue;
            const x = Math.round(u.valToPos(mark.at - t.origin, 'x', true));
            const stop = mark.kind === 'stop';
            ctx.strokeStyle = MARK_STYLE[mark.kind].colour;
            ctx.lineWidth = (stop ? 3 : 1.5) * uPlot.pxRatio;
            ctx.setLineDash(mark.kind === 'phase' ? [4 * uPlot.pxRatio, 4 * uPlot.pxRatio] : []);
            ctx.beginPath();
            ctx.moveTo(x, top);
            ctx.lineTo(x, top + height);
            ctx.stroke();
          }
          ctx.restore();
        },
      ],
    },
  };
}

function options(t: Timeline, width: number): uPlot.Options {
  const stepped = uPlot.paths.stepped?.({ align: 1 });
  const series: uPlot.Series[] = [{ label: 'Time from the start' }];
  t.outputs.forEach((o, i) => {
    series.push({
      label: o.label,
      stroke: colourOf(i),
      width: 2,
      scale: 'level',
      ...(stepped === undefined ? {} : { paths: stepped }),
    });
  });
  const hasPressure = t.pressure.length > 0;
  const hasHeart = t.heartRate.length > 0;
  series.push(
    {
      label: 'Pressure',
      stroke: PRESSURE,
      width: 1,
      scale: 'pressure',
      spanGaps: true,
      show: hasPressure,
    },
    { label: 'Heart rate', stroke: HEART, width: 2, scale: 'bpm', spanGaps: true, show: hasHeart },
  );
  const axes: uPlot.Axis[] = [
    { ...axis, incrs: TIME_TICK_STEPS_MS, values: (_u, ticks) => timeTickLabels(ticks) },
    { ...axis, scale: 'level', values: (_u, ticks) => ticks.map((v) => `${Math.round(v * 100)}%`) },
  ];
  if (hasPressure)
    axes.push({ ...axis, scale: 'pressure', side: RIGHT, stroke: PRESSURE, grid: { show: false } });
  if (hasHeart)
    axes.push({
      ...axis,
      scale: 'bpm',
      side: RIGHT,
      stroke: HEART,
      grid: { show: false },
      size: 44,
    });
  return {
    width,
    height: HEIGHT,
    scales: {
      x: { time: false, range: (_u, min, max) => [min, Math.max(max, min + 1000)] },
      level: { range: [0, 1] },
      pressure: { auto: true },
      bpm: { range: (_u, min, max) => [Math.min(50, min - 5), Math.max(130, max + 5)] },
    },
    axes,
    legend: { show: false },
    cursor: { show: false },
    // Points on every sample would hide the step lines of a short scene.
    series: series.map((x, i) => (i === 0 ? x : { ...x, points: { show: false } })),
    plugins: [marksPlugin(t)],
  };
}

/**
 * The whole scene on one plot: each output's governed level (what the toys were sent), pressure
 * and heart rate on their own axes, and a line for every mark. For screen readers the event list
 * below says the same in words, so the canvas itself is hidden from them.
 */
export function TimelinePlot({ timeline }: { timeline: Timeline }) {
  const host = useRef<HTMLDivElement>(null);
  const data = useMemo(() => plotColumns(timeline) as uPlot.AlignedData, [timeline]);
  const kinds = useMemo(
    () => [...new Set(timeline.marks.map((m) => m.kind))] as MarkKind[],
    [timeline],
  );

  useEffect(() => {
    const el = host.current;
    if (el === null) return undefined;
    const u = new uPlot(options(timeline, el.clientWidth || 320), data, el);
    const resize = new ResizeObserver(() => {
      u.setSize({ width: el.clientWidth || 320, height: HEIGHT });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
    };
  }, [timeline, data]);

  return (
    <section className="card" aria-labelledby="history-plot-title" data-testid="history-plot">
      <h2 id="history-plot-title">The scene over time</h2>
      <p className="muted">
        Time from the start (minutes:seconds). Left: each toy’s level after the limits. Right:
        pressure and heart rate, where recorded. The list of events below says the same in words.
      </p>
      <div ref={host} className="history-plot-host" aria-hidden="true" />
      <ul className="history-legend" aria-hidden="true">
        {timeline.outputs.map((o, i) => (
          <li key={o.key} style={{ '--swatch': colourOf(i) } as CSSProperties}>
            <span className="history-swatch" />
            {o.label}
          </li>
        ))}
        {timeline.pressure.length > 0 && (
          <li style={{ '--swatch': PRESSURE } as CSSProperties}>
            <span className="history-swatch" />
            Pressure
          </li>
        )}
        {timeline.heartRate.length > 0 && (
          <li style={{ '--swatch': HEART } as CSSProperties}>
            <span className="history-swatch" />
            Heart rate (bpm)
          </li>
        )}
        {kinds.map((kind) => (
          <li key={kind} style={{ '--swatch': MARK_STYLE[kind].colour } as CSSProperties}>
            <span className="history-swatch history-swatch-mark" />
            {MARK_STYLE[kind].name}
          </li>
        ))}
      </ul>
    </section>
  );
}
