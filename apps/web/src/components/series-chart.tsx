import { Bar, BarChart, CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { ChartContainer, ChartLegend, ChartLegendContent, ChartTooltip, ChartTooltipContent, type ChartConfig } from "@/components/ui/chart";
import { cn } from "@/lib/utils";

export interface Series {
  /** The row field it draws. */
  key: string;
  label: string;
  color: string;
}

type Row = { key: string; label: string } & Record<string, string | number | null>;

interface Props {
  rows: Row[];
  series: Series[];
  /** The table's caption (what screen readers get instead of the chart). */
  caption: string;
  /** The first column's heading: "Day", "Responder" (none: the table has no header row). */
  rowHeading?: string;
  formatValue?: (value: number | null) => string;
  formatLabel?: (label: string) => string;
  className?: string;
}

const configOf = (series: Series[]): ChartConfig => Object.fromEntries(series.map((s) => [s.key, { label: s.label, color: s.color }]));
const labelOf = (series: Series[], key: string) => series.find((s) => s.key === key)?.label ?? key;
const plain = (value: number | null) => (value === null ? "—" : String(value));

/**
 * The chart's figures as a table, for screen readers (the chart itself is hidden from them). The
 * box around it is what is visually hidden: a table grows to its content whatever its own width,
 * and a long label made the page scroll sideways.
 */
function SeriesTable({ rows, series, caption, rowHeading, formatValue = plain }: Omit<Props, "className" | "formatLabel">) {
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        {rowHeading !== undefined && (
          <thead>
            <tr>
              <th scope="col">{rowHeading}</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {series.map((s) => {
                const value = row[s.key];
                return <td key={s.key}>{formatValue(typeof value === "number" ? value : null)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A line per series over the rows (days, weeks), with its table for screen readers. Gaps where a row has no value. */
export function LineChartWithTable({ rows, series, caption, rowHeading, formatValue, formatLabel, className }: Props) {
  return (
    <>
      <ChartContainer config={configOf(series)} className={cn("aspect-auto w-full", className)} aria-hidden>
        <LineChart accessibilityLayer={false} data={rows} margin={{ left: 8, right: 8 }}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="key" tickLine={false} axisLine={false} tickFormatter={formatLabel} minTickGap={16} />
          <YAxis width={56} allowDecimals={false} tickFormatter={formatValue === undefined ? undefined : (value: number) => formatValue(value)} />
          <ChartTooltip content={<ChartTooltipContent formatter={formatValue === undefined ? undefined : (value, name) => `${labelOf(series, String(name))}: ${formatValue(Number(value))}`} />} />
          <ChartLegend content={<ChartLegendContent />} />
          {series.map((s) => (
            <Line key={s.key} dataKey={s.key} type="monotone" stroke={`var(--color-${s.key})`} strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ChartContainer>
      <SeriesTable rows={rows} series={series} caption={caption} rowHeading={rowHeading} formatValue={formatValue} />
    </>
  );
}

/** Bars per row, stacked (a segment per series; a legend when there are several), with its table for screen readers. `horizontal`: names down the side. */
export function StackedBarChartWithTable({ rows, series, caption, rowHeading, formatLabel, horizontal = false, className }: Props & { horizontal?: boolean }) {
  return (
    <>
      <ChartContainer config={configOf(series)} className={cn("aspect-auto w-full", className)} aria-hidden>
        <BarChart accessibilityLayer={false} data={rows} layout={horizontal ? "vertical" : "horizontal"} margin={horizontal ? { left: 8, right: 16 } : undefined}>
          <CartesianGrid horizontal={!horizontal} vertical={horizontal} />
          {horizontal ? (
            <>
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={120} tickLine={false} axisLine={false} />
            </>
          ) : (
            <>
              <XAxis dataKey="key" tickLine={false} axisLine={false} tickFormatter={formatLabel} minTickGap={16} />
              <YAxis allowDecimals={false} width={36} />
            </>
          )}
          <ChartTooltip content={<ChartTooltipContent />} />
          {series.length > 1 && <ChartLegend content={<ChartLegendContent />} />}
          {series.map((s, index) => (
            <Bar key={s.key} dataKey={s.key} stackId="stack" fill={`var(--color-${s.key})`} radius={index === series.length - 1 ? (horizontal ? [0, 4, 4, 0] : [3, 3, 0, 0]) : 0} isAnimationActive={false} />
          ))}
        </BarChart>
      </ChartContainer>
      <SeriesTable rows={rows} series={series} caption={caption} rowHeading={rowHeading} />
    </>
  );
}
