import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { ChartContainer, ChartTooltip, ChartTooltipContent } from "@/components/ui/chart";
import { cn } from "@/lib/utils";

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
  formatLabel?: (label: string) => string;
  className?: string;
}) {
  const config = { value: { label: series, color } };
  return (
    <>
      <ChartContainer config={config} className={cn("aspect-auto w-full", className)} aria-hidden>
        <BarChart accessibilityLayer={false} data={rows} layout={horizontal ? "vertical" : "horizontal"} margin={horizontal ? { left: 8, right: 16 } : undefined}>
          <CartesianGrid horizontal={!horizontal} vertical={horizontal} />
          {horizontal ? (
            <>
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={120} tickLine={false} axisLine={false} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" tickLine={false} axisLine={false} tickFormatter={formatLabel} minTickGap={16} />
              <YAxis allowDecimals={false} width={36} />
            </>
          )}
          <ChartTooltip content={<ChartTooltipContent />} />
          <Bar dataKey="value" fill="var(--color-value)" radius={horizontal ? 4 : 3} />
        </BarChart>
      </ChartContainer>
      <table className="sr-only">
        <caption>{caption}</caption>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** "2025-03-14" as "03-14" under a daily chart. */
export const monthDay = (day: string) => day.slice(5);
