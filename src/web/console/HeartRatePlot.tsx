import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SceneView } from '../../protocol/view';
import { createHeartRateBuffer, heartRateRange, type HeartRateBuffer } from './heart-rate-buffer';
import { TIME_TICK_STEPS_MS, timeTickLabels } from './plot-labels';

/** Two minutes at a reading a second, with room to spare. */
const CAPACITY = 600;
const HEIGHT = 140;
const STROKE = '#ff6b81';

const bpmWords = (v: number | null) => (v === null ? '–' : `${v} bpm`);

function options(width: number): uPlot.Options {
  const axis = {
    stroke: '#a9b1ba',
    grid: { stroke: '#2a3139', width: 1 },
    ticks: { stroke: '#3a434d' },
  };
  return {
    width,
    height: HEIGHT,
    series: [
      { label: 'Scene time' },
      { label: 'Heart rate', stroke: STROKE, width: 2, value: (_u, v) => bpmWords(v) },
    ],
    scales: {
      x: { time: false },
      y: { range: (_u, min, max) => heartRateRange([min, max]) },
    },
    axes: [
      { ...axis, incrs: TIME_TICK_STEPS_MS, values: (_u, ticks) => timeTickLabels(ticks) },
      { ...axis, values: (_u, ticks) => ticks.map((t) => `${Math.round(t)}`) },
    ],
    legend: { show: false },
    cursor: { show: false },
  };
}

/** The receiver's heart rate over the last two minutes, on the scene clock. */
export function HeartRatePlot({ view }: { view: SceneView }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const buffer = useRef<HeartRateBuffer>(createHeartRateBuffer(CAPACITY));
  const origin = view.startedAt ?? 0;

  const data = (): uPlot.AlignedData => {
    const [xs, bpms] = buffer.current.columns(view.now);
    return [xs.map((t) => t - origin), bpms];
  };

  useEffect(() => {
    const el = host.current;
    if (el === null) return undefined;
    const u = new uPlot(options(el.clientWidth || 320), data(), el);
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
    // One plot for the life of the card; the data effect below feeds it.
  }, []);

  useEffect(() => {
    buffer.current.push(view.heartRate);
    plot.current?.setData(data());
  }, [view]);

  return (
    <section className="card plot" aria-labelledby="hr-plot-title" data-testid="heart-rate-plot">
      <h2 id="hr-plot-title">Heart rate, last two minutes</h2>
      <div ref={host} className="plot-host" aria-hidden="true" />
    </section>
  );
}
