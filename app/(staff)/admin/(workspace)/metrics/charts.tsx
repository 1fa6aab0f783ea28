'use client';

/**
 * The metrics page's charts, drawn with Recharts (a maintained React chart library; staff-only page,
 * never imported from a public one). Each chart is an image whose text alternative points to the
 * table beside it, which has the same numbers: nothing is only visual and every number can be checked.
 * Fixed sizes, so the server render already holds the chart's frame and axes.
 */
import { Bar, BarChart, CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';

const WIDTH = 560;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 12, bottom: 4, left: 0 };

/** Colours distinguishable with common colour-vision deficiencies (Okabe–Ito). */
const SERIES_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];

function ChartFigure({
  title,
  tableId,
  legend,
  children,
}: {
  title: string;
  tableId: string;
  legend?: string[];
  children: React.ReactNode;
}) {
  return (
    <figure className="admin-chart">
      <div role="img" aria-label={`${title}. The table beside it has the same numbers.`} aria-describedby={tableId}>
        {children}
      </div>
      <figcaption className="admin-chart__legend">
        {legend?.map((name, i) => (
          <span key={name}>
            <span
              className="admin-chart__swatch"
              style={{ background: SERIES_COLOURS[i % SERIES_COLOURS.length] }}
              aria-hidden="true"
            />{' '}
            {name}
          </span>
        ))}
        <a href={`#${tableId}`}>Same numbers in the table</a>
      </figcaption>
    </figure>
  );
}

/** Stacked bars: one bar per category on the x axis, one segment per series. */
export function StackedBarChart({
  title,
  tableId,
  categories,
  series,
}: {
  title: string;
  tableId: string;
  categories: string[];
  series: { name: string; values: number[] }[];
}) {
  const data = categories.map((category, i) =>
    Object.fromEntries([['category', category], ...series.map((s, si) => [`s${si}`, s.values[i]])]),
  );
  return (
    <ChartFigure title={title} tableId={tableId} legend={series.length > 1 ? series.map((s) => s.name) : undefined}>
      <BarChart width={WIDTH} height={HEIGHT} data={data} margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="#d0d7de" />
        <XAxis dataKey="category" fontSize={10} />
        <YAxis allowDecimals={false} fontSize={11} width={40} />
        {series.map((s, si) => (
          <Bar
            key={s.name}
            dataKey={`s${si}`}
            name={s.name}
            stackId="total"
            fill={SERIES_COLOURS[si % SERIES_COLOURS.length]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartFigure>
  );
}

/** A line of rates between 0 and 1, one point per category (a gap where there is no rate). */
export function RateLineChart({
  title,
  tableId,
  categories,
  rates,
}: {
  title: string;
  tableId: string;
  categories: string[];
  rates: (number | null)[];
}) {
  const data = categories.map((category, i) => ({ category, rate: rates[i] }));
  return (
    <ChartFigure title={title} tableId={tableId}>
      <LineChart width={WIDTH} height={HEIGHT} data={data} margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="#d0d7de" />
        <XAxis dataKey="category" fontSize={10} />
        <YAxis
          domain={[0, 1]}
          ticks={[0, 0.5, 1]}
          tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
          fontSize={11}
          width={40}
        />
        <Line
          dataKey="rate"
          name="On-time rate"
          stroke={SERIES_COLOURS[0]}
          strokeWidth={2}
          dot={{ r: 3.5, fill: SERIES_COLOURS[0] }}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}
