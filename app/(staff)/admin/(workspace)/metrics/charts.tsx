/**
 * Small server-rendered SVG charts: no client JavaScript, and each is an image with a text
 * alternative; the page puts the same numbers in a table beside every chart, so nothing is
 * only visual and every number can be checked.
 */
const WIDTH = 560;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 36, left: 40 };
const INNER_W = WIDTH - PAD.left - PAD.right;
const INNER_H = HEIGHT - PAD.top - PAD.bottom;

/** Colours distinguishable with common colour-vision deficiencies (Okabe–Ito). */
export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];

function niceMax(value: number) {
  if (value <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

function Axis({ max, format = String }: { max: number; format?: (v: number) => string }) {
  const ticks = [0, max / 2, max];
  return (
    <g aria-hidden="true">
      {ticks.map((t) => {
        const y = PAD.top + INNER_H - (t / max) * INNER_H;
        return (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} stroke="#d0d7de" />
            <text x={PAD.left - 4} y={y + 4} textAnchor="end" fontSize="11">
              {format(t)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Stacked bars: one bar per category on the x axis, one segment per series. */
export function StackedBarChart({ title, categories, series }: { title: string; categories: string[]; series: { name: string; values: number[] }[] }) {
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + s.values[i], 0));
  const max = niceMax(Math.max(0, ...totals));
  const band = INNER_W / Math.max(categories.length, 1);
  const barW = Math.max(2, band * 0.7);
  const labelEvery = Math.ceil(categories.length / 8);
  return (
    <figure className="admin-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}. The table beside it has the same numbers.`}>
        <Axis max={max} />
        {categories.map((c, i) => {
          let y = PAD.top + INNER_H;
          return (
            <g key={c}>
              {series.map((s, si) => {
                const h = (s.values[i] / max) * INNER_H;
                y -= h;
                return h > 0 ? <rect key={s.name} x={PAD.left + i * band + (band - barW) / 2} y={y} width={barW} height={h} fill={SERIES_COLOURS[si % SERIES_COLOURS.length]} /> : null;
              })}
              {i % labelEvery === 0 && (
                <text x={PAD.left + i * band + band / 2} y={HEIGHT - PAD.bottom + 14} textAnchor="middle" fontSize="10">
                  {c}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {series.length > 1 && (
        <figcaption className="admin-chart__legend">
          {series.map((s, si) => (
            <span key={s.name}>
              <span className="admin-chart__swatch" style={{ background: SERIES_COLOURS[si % SERIES_COLOURS.length] }} aria-hidden="true" /> {s.name}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}

/** A line of rates between 0 and 1, one point per category. */
export function RateLineChart({ title, categories, rates }: { title: string; categories: string[]; rates: (number | null)[] }) {
  const band = INNER_W / Math.max(categories.length, 1);
  const points = rates.flatMap((r, i) => (r === null ? [] : [[PAD.left + i * band + band / 2, PAD.top + INNER_H - r * INNER_H] as const]));
  return (
    <figure className="admin-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}. The table beside it has the same numbers.`}>
        <Axis max={1} format={(v) => `${Math.round(v * 100)}%`} />
        {points.length > 1 && <polyline points={points.map((p) => p.join(',')).join(' ')} fill="none" stroke={SERIES_COLOURS[0]} strokeWidth="2" />}
        {points.map(([x, y]) => (
          <circle key={`${x}`} cx={x} cy={y} r="3.5" fill={SERIES_COLOURS[0]} />
        ))}
        {categories.map((c, i) => (
          <text key={c} x={PAD.left + i * band + band / 2} y={HEIGHT - PAD.bottom + 14} textAnchor="middle" fontSize="10">
            {c}
          </text>
        ))}
      </svg>
    </figure>
  );
}
