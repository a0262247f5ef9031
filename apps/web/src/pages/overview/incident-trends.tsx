import { BarChartWithTable, monthDay } from "@/components/bar-chart";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDuration } from "@/lib/format";

/** What the analytics API (GET /v1/analytics/incidents) computes: the browser only shows it. */
export interface IncidentTrendsData {
  /** The last 30 days, oldest first: incidents opened each day. */
  perDay: { day: string; opened: number }[];
  /** Mean time to acknowledge and to resolve, in seconds; null when nothing was acknowledged or resolved. */
  mttaSeconds: number | null;
  mttrSeconds: number | null;
}

/** Incidents per day and the mean times, for the Overview: the analytics API's figures as they are (trendsFromAnalytics). */
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
          <BarChartWithTable
            rows={data.perDay.map((entry) => ({ key: entry.day, label: entry.day, value: entry.opened }))}
            caption="Incidents opened per day"
            series="Opened"
            color="var(--chart-3)"
            formatLabel={monthDay}
            className="h-56"
          />
        </CardContent>
      </Card>
    </div>
  );
}
