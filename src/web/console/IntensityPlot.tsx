import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SceneView } from '../../protocol/view';
import { formatClock } from './format';
import { createPlotBuffer, type PlotBuffer } from './plot-buffer';

/** Two minutes at up to 20 samples a second, with room to spare. */
const CAPACITY = 3000;
const HEIGHT = 200;
const COLOURS = ['#8fb8ff', '#f2b705', '#b48cff', '#5ad1c8'];

function options(keys: readonly string[], width: number): uPlot.Options {
  const series: uPlot.Series[] = [{ label: 'Scene time' }];
  keys.forEach((key, i) => {
    const colour = COLOURS[i % COLOURS.length] ?? '#8fb8ff';
    series.push(
      { label: `${key} asked`, stroke: colour, width: 1, dash: [6, 4], value: (_u, v) => pct(v) },
      { label: `${key} applied`, stroke: colour, width: 2.5, value: (_u, v) => pct(v) },
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
      { ...axis, values: (_u, ticks) => ticks.map((t) => formatClock(t)) },
      { ...axis, values: (_u, ticks) => ticks.map((t) => `${Math.round(t * 100)}%`) },
    ],
    legend: { show: true },
    cursor: { show: false },
  };
}

const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)} %`);

/** Requested (dashed) and applied (solid) level of every output over the last two minutes. */
export function IntensityPlot({ view }: { view: SceneView }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const buffer = useRef<PlotBuffer>(createPlotBuffer(CAPACITY));
  const keys = useMemo(
    () => view.devices.flatMap((d) => d.features.map((f) => `${d.id}/${f.id}`)),
    [view.devices],
  );
  const keyList = keys.join('|');

  useEffect(() => {
    const el = host.current;
    if (el === null) return undefined;
    const u = new uPlot(options(keys, el.clientWidth || 320), buffer.current.columns(keys), el);
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
    // keyList stands for keys: a new array with the same outputs needs no new plot.
  }, [keyList]);

  useEffect(() => {
    buffer.current.push({ t: view.now, requested: view.requested, applied: view.applied });
    plot.current?.setData(buffer.current.columns(keys));
  }, [view, keys]);

  return (
    <section className="card plot" aria-labelledby="plot-title">
      <h2 id="plot-title">Intensity, last two minutes</h2>
      <p className="muted">Dashed: asked. Solid: applied after the limits.</p>
      <div ref={host} className="plot-host" aria-hidden="true" />
    </section>
  );
}
