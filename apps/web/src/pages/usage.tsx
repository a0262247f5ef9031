import { useQuery } from "@tanstack/react-query";
import { BarChartWithTable, monthDay } from "@/components/bar-chart";
import { ErrorAlert, LoadingRows, PageHeader } from "@/components/page";
import { RelativeTime } from "@/components/relative-time";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useTRPC } from "@/lib/trpc";

export function UsagePage() {
  const trpc = useTRPC();
  const usage = useQuery(trpc.usage.get.queryOptions());
  if (usage.isPending) return <LoadingRows />;
  if (usage.isError) return <ErrorAlert error={usage.error} />;
  const { quota, today, days } = usage.data;
  const series = [...days].reverse();
  return (
    <div className="space-y-5">
      <PageHeader title="Usage" description="Write calls (by people and API keys) per UTC day." />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3">
        <Card className="gap-1 py-4">
          <CardHeader className="px-4">
            <CardDescription>Today</CardDescription>
            <CardTitle className="text-3xl tabular-nums">{today.writeCalls}</CardTitle>
          </CardHeader>
        </Card>
        <Card className="gap-1 py-4">
          <CardHeader className="px-4">
            <CardDescription>Daily quota</CardDescription>
            <CardTitle className="text-3xl tabular-nums">{quota ?? "Unlimited"}</CardTitle>
          </CardHeader>
        </Card>
        <Card className="gap-1 py-4">
          <CardHeader className="px-4">
            <CardDescription>Left today</CardDescription>
            <CardTitle className="text-3xl tabular-nums">{today.remaining ?? "∞"}</CardTitle>
            <CardDescription>
              resets <RelativeTime iso={today.resetsAt} />
            </CardDescription>
          </CardHeader>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2 className="text-sm">Last 30 days</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <BarChartWithTable
            rows={series.map((day) => ({ key: day.day, label: day.day, value: day.writeCalls }))}
            caption="Write calls per day"
            series="Write calls"
            color="var(--chart-3)"
            formatLabel={monthDay}
            className="h-64"
          />
        </CardContent>
      </Card>
    </div>
  );
}
