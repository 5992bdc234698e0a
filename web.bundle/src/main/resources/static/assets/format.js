// Human forms of the figures: pure functions, '–' for unknown (null) values.

export const UNKNOWN = '–';

const known = (v) => v !== null && v !== undefined && Number.isFinite(Number(v));

export function fixed(value, digits = 1) {
  return known(value) ? Number(value).toFixed(digits) : UNKNOWN;
}

export function percent(value) {
  return known(value) ? `${Number(value).toFixed(0)} %` : UNKNOWN;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** 1536 → "1.5 KiB". */
export function bytes(value) {
  if (!known(value)) return UNKNOWN;
  let v = Number(value);
  let unit = 0;
  while (Math.abs(v) >= 1024 && unit < UNITS.length - 1) {
    v /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? v.toFixed(0) : v.toFixed(v < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

/** Seconds → "42 s", "5 min", "3 h 20 min", "12 d 4 h". */
export function duration(seconds) {
  if (!known(seconds)) return UNKNOWN;
  const s = Math.max(0, Math.floor(Number(seconds)));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ${min % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** Milliseconds → a duration. */
export function age(ms) {
  return known(ms) ? duration(Number(ms) / 1000) : UNKNOWN;
}

export function celsius(value) {
  return known(value) ? `${Number(value).toFixed(1)} °C` : UNKNOWN;
}
