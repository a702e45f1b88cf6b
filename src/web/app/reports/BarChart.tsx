import { useId } from 'react';

export interface ChartBar {
  key: string;
  /** Short label under the bar (priority, service). */
  label: string;
  /** Percentage, or null when there is nothing to measure yet. */
  value: number | null;
  /** Objective or target, drawn as a marker line across the bar. */
  target: number | null;
  met: boolean | null;
  /** The full sentence read by assistive tech and shown as the tooltip. */
  description: string;
  /** Text above the bar (the formatted value). */
  valueText: string;
}

interface Props {
  title: string;
  bars: ChartBar[];
  /** Lower bound of the scale (availability charts start near 100 %). */
  min?: number;
  legend: { met: string; notMet: string; target: string };
  /** Formats an axis value. */
  format(value: number): string;
}

const HEIGHT = 200;
const TOP = 22;
const LEFT = 56;
const SLOT = 76;
const BAR = 40;

/** A plain SVG bar chart of percentages with a target marker per bar; every bar is labelled. */
export function BarChart({ title, bars, min = 0, legend, format }: Props) {
  const titleId = useId();
  const span = Math.max(100 - min, 1);
  const y = (pct: number) => TOP + HEIGHT - ((Math.min(Math.max(pct, min), 100) - min) / span) * HEIGHT;
  // Wide enough for the longest label (service names).
  const slot = Math.max(SLOT, ...bars.map((bar) => bar.label.length * 7 + 12));
  const width = LEFT + bars.length * slot + 10;
  const ticks = [min, min + span / 2, 100];

  return (
    <figure className="chart">
      <svg
        role="group"
        aria-labelledby={titleId}
        viewBox={`0 0 ${width} ${TOP + HEIGHT + 40}`}
        width={width}
        height={TOP + HEIGHT + 40}
      >
        <title id={titleId}>{title}</title>
        {ticks.map((tick) => (
          <g key={tick} aria-hidden="true">
            <line className="chart__grid" x1={LEFT} x2={width - 6} y1={y(tick)} y2={y(tick)} />
            <text className="chart__axis" x={LEFT - 6} y={y(tick) + 4} textAnchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        {bars.map((bar, i) => {
          const x = LEFT + i * slot + (slot - BAR) / 2;
          const state = bar.met === null ? 'none' : bar.met ? 'met' : 'not-met';
          return (
            <g key={bar.key} role="img" aria-label={bar.description} className={`chart__bar chart__bar--${state}`}>
              <title>{bar.description}</title>
              {bar.value !== null && (
                <rect className="chart__rect" x={x} y={y(bar.value)} width={BAR} height={TOP + HEIGHT - y(bar.value)} />
              )}
              {bar.target !== null && (
                <line className="chart__target" x1={x - 8} x2={x + BAR + 8} y1={y(bar.target)} y2={y(bar.target)} />
              )}
              <text
                className="chart__value"
                x={x + BAR / 2}
                y={(bar.value === null ? TOP + HEIGHT : y(bar.value)) - 5}
                textAnchor="middle"
                aria-hidden="true"
              >
                {bar.valueText}
              </text>
              <text
                className="chart__label"
                x={x + BAR / 2}
                y={TOP + HEIGHT + 18}
                textAnchor="middle"
                aria-hidden="true"
              >
                {bar.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="chart__legend" aria-hidden="true">
        <span className="chart__key chart__key--met">{legend.met}</span>
        <span className="chart__key chart__key--not-met">{legend.notMet}</span>
        <span className="chart__key chart__key--target">{legend.target}</span>
      </figcaption>
    </figure>
  );
}
