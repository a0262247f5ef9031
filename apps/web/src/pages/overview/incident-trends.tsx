import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ChartContainer, ChartTooltip, ChartTooltipContent, type ChartConfig } from "@/components/ui/chart";
import { formatDuration } from "@/lib/format";

/** What the analytics API (GET /v1/analytics/incidents) computes: the browser only shows it. */
export interface IncidentTrendsData {
  /** The last 30 days, oldest first: incidents opened each day. */
  perDay: { day: string; opened: number }[];
  /** Mean time to acknowledge and to resolve, in seconds; null when nothing was acknowledged or resolved. */
  mttaSeconds: number | null;
  mttrSeconds: number | null;
}

const chart = { opened: { label: "Opened", color: "var(--chart-3)" } } satisfies ChartConfig;

/**
 * Incidents per day and the mean times, for the Overview. It takes the analytics API's figures
 * as they are: wire it to that API's query where the Overview renders its cards.
 */
export function IncidentTrends({ data }: { data: IncidentTrendsData }) {
  const mean = (seconds: number | null) => (seconds === null ? "—" : formatDuration(seconds * 1000));
  return (
    <div className="grid gap-5 lg:grid-cols-[220px_minmax(0,1fr)]">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-1">
        <Card className="gap-1 py-4">
          <CardHeader className="px-4">
            <CardDescription>Mean time to acknowledge</CardDescription>
            <CardTitle className="text-2xl tabular-nums">{mean(data.mttaSeconds)}</CardTitle>
          </CardHeader>
        </Card>
        <Card className="gap-1 py-4">
          <CardHeader className="px-4">
            <CardDescription>Mean time to resolve</CardDescription>
            <CardTitle className="text-2xl tabular-nums">{mean(data.mttrSeconds)}</CardTitle>
          </CardHeader>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2 className="text-sm">Incidents per day</h2>
          </CardTitle>
          <CardDescription>Opened over the last 30 days</CardDescription>
        </CardHeader>
        <CardContent>
          <ChartContainer config={chart} className="aspect-auto h-56 w-full" aria-hidden>
            <BarChart accessibilityLayer={false} data={data.perDay}>
              <CartesianGrid vertical={false} />
              <XAxis dataKey="day" tickLine={false} axisLine={false} tickFormatter={(day: string) => day.slice(5)} minTickGap={16} />
              <YAxis allowDecimals={false} width={28} />
              <ChartTooltip content={<ChartTooltipContent />} />
              <Bar dataKey="opened" fill="var(--color-opened)" radius={3} />
            </BarChart>
          </ChartContainer>
          <table className="sr-only">
            <caption>Incidents opened per day</caption>
            <tbody>
              {data.perDay.map((entry) => (
                <tr key={entry.day}>
                  <th scope="row">{entry.day}</th>
                  <td>{entry.opened}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </CardContent>
      </Card>
    </div>
  );
}
