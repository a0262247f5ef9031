import { StackedBarChartWithTable } from "./series-chart";

/**
 * A bar per row of `rows` (`label`, `value`), drawn for the eye and given to screen readers as a
 * table with `caption` (the chart itself is hidden from them). `horizontal`: names down the side
 * (long labels such as service names); else days along the bottom.
 */
export function BarChartWithTable({
  rows,
  caption,
  series,
  color,
  horizontal = false,
  formatLabel,
  className,
}: {
  rows: { key: string; label: string; value: number }[];
  caption: string;
  /** What a bar counts, for the tooltip. */
  series: string;
  color: string;
  horizontal?: boolean;
  /** The label under a bar from its key (default: the row's label). */
  formatLabel?: (key: string) => string;
  className?: string;
}) {
  const labels = new Map(rows.map((row) => [row.key, row.label]));
  return (
    <StackedBarChartWithTable
      rows={rows}
      series={[{ key: "value", label: series, color }]}
      caption={caption}
      horizontal={horizontal}
      formatLabel={formatLabel ?? ((key) => labels.get(key) ?? key)}
      className={className}
    />
  );
}

/** "2025-03-14" as "03-14" under a daily chart. */
export const monthDay = (day: string) => day.slice(5);
