// A small inline SVG line of the recent values of one figure, with a text alternative.
import { svg } from './dom.js';

const WIDTH = 84;
const HEIGHT = 18;

/**
 * points: [{t, v}] oldest first. options: { max (the top of the scale, else the largest value),
 * mark (a dashed horizontal line, e.g. the phi threshold), label (what the figure is), unit }.
 * Returns null with fewer than two points.
 */
export function sparkline(points, { max = null, mark = null, label = 'history', unit = '' } = {}) {
  if (points.length < 2) return null;
  const values = points.map((p) => p.v);
  const top = Math.max(max ?? 0, mark ?? 0, ...values) || 1;
  const t0 = points[0].t;
  const span = points[points.length - 1].t - t0 || 1;
  const x = (t) => ((t - t0) / span) * (WIDTH - 2) + 1;
  const y = (v) => HEIGHT - 1 - (Math.max(0, v) / top) * (HEIGHT - 2);
  const line = points.map((p) => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
  const low = Math.min(...values);
  const high = Math.max(...values);
  const minutes = Math.max(1, Math.round(span / 60000));
  const text = `${label} over the last ${minutes} min: from ${round(low)}${unit} to ${round(high)}${unit}, now ${round(values[values.length - 1])}${unit}`;
  return svg('svg', { class: 'spark', width: WIDTH, height: HEIGHT, viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': text },
    svg('title', {}, text),
    mark === null ? null : svg('line', { x1: 0, x2: WIDTH, y1: y(mark).toFixed(1), y2: y(mark).toFixed(1) }),
    svg('polyline', { points: line }));
}

const round = (v) => (Math.abs(v) >= 10 ? v.toFixed(0) : v.toFixed(1));
