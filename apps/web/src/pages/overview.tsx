import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { SeverityBadge } from "@/components/badges";
import { BarChartWithTable } from "@/components/bar-chart";
import { EmptyState, ErrorAlert, LoadingRows, PageHeader } from "@/components/page";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { trendsFromAnalytics } from "@/lib/analytics";
import { SEVERITIES } from "@/lib/api-types";
import { useServices } from "@/lib/services";
import { useTRPC } from "@/lib/trpc";
import { useSession } from "@/lib/use-session";
import { IncidentTrends } from "./overview/incident-trends";

/** The last 30 days from the analytics API (per day in the person's zone), or its loading and error states. */
function Trends() {
  const trpc = useTRPC();
  const { user } = useSession();
  const analytics = useQuery(trpc.analytics.incidents.queryOptions({ groupBy: "day", timeZone: user.timeZone }));
  if (analytics.isPending) return <LoadingRows rows={3} />;
  if (analytics.isError) return <ErrorAlert error={analytics.error} title="The last 30 days could not be loaded" />;
  return <IncidentTrends data={trendsFromAnalytics(analytics.data)} />;
}

/**
 * The org at a glance: what is open, by severity and by service (the API counts), then the last
 * 30 days: incidents per day and the mean times to acknowledge and resolve (the analytics API).
 */
export function OverviewPage() {
  const trpc = useTRPC();
  const counts = useQuery(trpc.incidents.counts.queryOptions({}));
  const atRisk = useQuery(trpc.incidents.counts.queryOptions({ sla: "at_risk" }));
  const services = useServices();
  if (counts.isPending) return <LoadingRows rows={4} />;
  if (counts.isError) return <ErrorAlert error={counts.error} title="The counts could not be loaded" />;
  const { open, byStatus } = counts.data;
  const byService = open.byService.slice(0, 10).map((entry) => ({ ...entry, name: services.data?.byId.get(entry.serviceId)?.name ?? "…" }));
  return (
    <div className="space-y-5">
      <PageHeader title="Overview" description="What is burning now, across the organisation." />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <Card className="gap-1 py-4">
          <CardHeader className="px-4">
            <CardDescription>Open incidents</CardDescription>
            <CardTitle className="text-3xl tabular-nums">{open.total}</CardTitle>
          </CardHeader>
        </Card>
        {(["triggered", "acknowledged", "mitigated"] as const).map((status) => (
          <Card key={status} className="gap-1 py-4">
            <CardHeader className="px-4">
              <CardDescription className="capitalize">{status}</CardDescription>
              <CardTitle className="text-3xl tabular-nums">
                <Link to="/incidents" search={{ status }} className="hover:underline">
                  {byStatus[status]}
                </Link>
              </CardTitle>
            </CardHeader>
          </Card>
        ))}
        <Card className="gap-1 py-4">
          <CardHeader className="px-4">
            <CardDescription>SLA at risk</CardDescription>
            <CardTitle className="text-3xl tabular-nums">
              <Link to="/incidents" search={{ sla: "at_risk" }} className="hover:underline" aria-label={`${atRisk.data?.open.total ?? "–"} open incidents with an SLA at risk`}>
                {atRisk.data?.open.total ?? "–"}
              </Link>
            </CardTitle>
          </CardHeader>
        </Card>
      </div>
      <div className="grid gap-5 lg:grid-cols-[320px_minmax(0,1fr)]">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2 className="text-sm">Open by severity</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="space-y-2">
              {SEVERITIES.map((severity) => {
                const n = open.bySeverity[severity];
                return (
                  <li key={severity} className="flex items-center gap-3">
                    <SeverityBadge severity={severity} className="w-12 justify-center" />
                    <div className="bg-muted h-2 flex-1 overflow-hidden rounded-full" aria-hidden>
                      <div className="bg-foreground/70 h-full rounded-full" style={{ width: `${open.total === 0 ? 0 : (n / open.total) * 100}%` }} />
                    </div>
                    <Link to="/incidents" search={{ severity }} className="w-8 text-right text-sm tabular-nums hover:underline" aria-label={`${n} open ${severity} incidents`}>
                      {n}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2 className="text-sm">Open by service</h2>
            </CardTitle>
            <CardDescription>The ten services with the most open incidents</CardDescription>
          </CardHeader>
          <CardContent>
            {byService.length === 0 ? (
              <EmptyState title="Nothing open">No service has an open incident.</EmptyState>
            ) : (
              <BarChartWithTable
                rows={byService.map((entry) => ({ key: entry.serviceId, label: entry.name, value: entry.count }))}
                caption="Open incidents by service"
                series="Open incidents"
                color="var(--chart-1)"
                horizontal
                className="h-64"
              />
            )}
          </CardContent>
        </Card>
      </div>
      <Trends />
    </div>
  );
}
