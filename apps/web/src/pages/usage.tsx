import { useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { ErrorAlert, LoadingRows, PageHeader } from "@/components/page";
import { RelativeTime } from "@/components/relative-time";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ChartContainer, ChartTooltip, ChartTooltipContent, type ChartConfig } from "@/components/ui/chart";
import { useTRPC } from "@/lib/trpc";

const chart = { writeCalls: { label: "Write calls", color: "var(--chart-3)" } } satisfies ChartConfig;

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
          <ChartContainer config={chart} className="aspect-auto h-64 w-full" aria-hidden>
            <BarChart accessibilityLayer={false} data={series}>
              <CartesianGrid vertical={false} />
              <XAxis dataKey="day" tickLine={false} axisLine={false} tickFormatter={(day: string) => day.slice(5)} minTickGap={16} />
              <YAxis allowDecimals={false} width={36} />
              <ChartTooltip content={<ChartTooltipContent />} />
              <Bar dataKey="writeCalls" fill="var(--color-writeCalls)" radius={3} />
            </BarChart>
          </ChartContainer>
          <table className="sr-only">
            <caption>Write calls per day</caption>
            <tbody>
              {series.map((day) => (
                <tr key={day.day}>
                  <th scope="row">{day.day}</th>
                  <td>{day.writeCalls}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </CardContent>
      </Card>
    </div>
  );
}
