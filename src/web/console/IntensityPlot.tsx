import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SceneView } from '../../protocol/view';
import { createPlotBuffer, type PlotBuffer } from './plot-buffer';
import { plotOutputs, TIME_TICK_STEPS_MS, timeTickLabels, type PlotOutput } from './plot-labels';

/** Two minutes at up to 20 samples a second, with room to spare. */
const CAPACITY = 3000;
const HEIGHT = 200;
const COLOURS = ['#8fb8ff', '#f2b705', '#b48cff', '#5ad1c8', '#ff9fb2', '#a6e07a'];
const colourOf = (i: number) => COLOURS[i % COLOURS.length] ?? '#8fb8ff';

const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)} %`);

function options(outputs: readonly PlotOutput[], width: number): uPlot.Options {
  const series: uPlot.Series[] = [{ label: 'Scene time' }];
  outputs.forEach(({ label }, i) => {
    const stroke = colourOf(i);
    series.push(
      { label: `${label}, asked`, stroke, width: 1, dash: [6, 4], value: (_u, v) => pct(v) },
      { label: `${label}, applied`, stroke, width: 2.5, value: (_u, v) => pct(v) },
    );
  });
  const axis = {
    stroke: '#a9b1ba',
    grid: { stroke: '#2a3139', width: 1 },
    ticks: { stroke: '#3a434d' },
  };
  return {
    width,
    height: HEIGHT,
    series,
    scales: { x: { time: false }, y: { range: [0, 1] } },
    axes: [
      { ...axis, incrs: TIME_TICK_STEPS_MS, values: (_u, ticks) => timeTickLabels(ticks) },
      { ...axis, values: (_u, ticks) => ticks.map((t) => `${Math.round(t * 100)}%`) },
    ],
    // The legend is drawn below in the page's own words: uPlot's wraps into a tangle of ids.
    legend: { show: false },
    cursor: { show: false },
  };
}

/**
 * Requested (dashed) and applied (solid) level of every output over the last two minutes, on the
 * scene clock (time since the start).
 */
export function IntensityPlot({ view }: { view: SceneView }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const buffer = useRef<PlotBuffer>(createPlotBuffer(CAPACITY));
  const outputs = useMemo(() => plotOutputs(view.devices), [view.devices]);
  const keys = useMemo(() => outputs.map((o) => o.key), [outputs]);
  const outputList = outputs.map((o) => `${o.key}=${o.label}`).join('|');
  const origin = view.startedAt ?? 0;

  const data = (): uPlot.AlignedData => {
    const [xs, ...levels] = buffer.current.columns(keys);
    return [xs.map((t) => t - origin), ...levels];
  };

  useEffect(() => {
    const el = host.current;
    if (el === null) return undefined;
    const u = new uPlot(options(outputs, el.clientWidth || 320), data(), el);
    plot.current = u;
    const resize = new ResizeObserver(() => {
      u.setSize({ width: el.clientWidth || 320, height: HEIGHT });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
    // outputList stands for outputs: a new array with the same outputs needs no new plot.
  }, [outputList]);

  useEffect(() => {
    buffer.current.push({ t: view.now, requested: view.requested, applied: view.applied });
    plot.current?.setData(data());
  }, [view, keys]);

  return (
    <section className="card plot" aria-labelledby="plot-title">
      <h2 id="plot-title">Intensity, last two minutes</h2>
      <p className="muted">Dashed: asked. Solid: applied after the limits.</p>
      <div ref={host} className="plot-host" aria-hidden="true" />
      <ul className="plain plot-legend" data-testid="plot-legend">
        {outputs.map((output, i) => (
          <li key={output.key} style={{ '--swatch': colourOf(i) } as CSSProperties}>
            <span className="plot-swatch" aria-hidden="true">
              <span className="plot-swatch-asked" />
              <span className="plot-swatch-applied" />
            </span>
            {output.label}
          </li>
        ))}
      </ul>
    </section>
  );
}
