// The last minutes of a few figures per node, kept in the page's memory only (a reload starts
// afresh). Bounded in time and in count, so an open tab on a phone does not grow.

export class History {
  /** windowMs: how far back to keep; capacity: most points per series. */
  constructor(windowMs = 10 * 60 * 1000, capacity = 300) {
    this.windowMs = windowMs;
    this.capacity = capacity;
    this.series = new Map();
  }

  /** Adds a point (t in ms); a null value or a t not after the last point is ignored. */
  record(node, figure, t, value) {
    if (value === null || value === undefined || !Number.isFinite(value)) return;
    const key = `${node}\u0000${figure}`;
    let points = this.series.get(key);
    if (!points) {
      points = [];
      this.series.set(key, points);
    }
    if (points.length && points[points.length - 1].t >= t) return;
    points.push({ t, v: value });
    const oldest = t - this.windowMs;
    let drop = 0;
    while (drop < points.length && (points[drop].t < oldest || points.length - drop > this.capacity)) drop += 1;
    if (drop) points.splice(0, drop);
  }

  /** The points of one figure of one node, oldest first (an empty array if none). */
  points(node, figure) {
    return this.series.get(`${node}\u0000${figure}`) || [];
  }

  /** Forgets the nodes that are not in the list (reaped by the cluster). */
  retain(nodeNames) {
    const keep = new Set(nodeNames);
    for (const key of this.series.keys()) {
      if (!keep.has(key.slice(0, key.indexOf('\u0000')))) this.series.delete(key);
    }
  }
}
