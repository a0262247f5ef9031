import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useMemo, type ReactNode } from "react";
import { SeverityBadge } from "@/components/badges";
import { ServiceFilter, TeamFilter } from "@/components/service-filter";
import { BarChartWithTable } from "@/components/bar-chart";
import { DownloadTextButton } from "@/components/download-text-button";
import { EmptyState, ErrorAlert, LoadingRows, PageHeader } from "@/components/page";
import { LineChartWithTable, StackedBarChartWithTable } from "@/components/series-chart";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { IncidentAnalytics, IncidentAnalyticsInput, ResponderAnalytics, Severity } from "@/lib/api-types";
import {
  ANALYTICS_PERIODS,
  bucketFor,
  bucketLabel,
  countRows,
  DEFAULT_PERIOD_DAYS,
  durationTrendRows,
  escalationRows,
  formatPercent,
  formatSeconds,
  interruptionRows,
  type Bucket,
} from "@/lib/analytics";
import { daysBefore, periodWindow, todayIn, type AnalyticsPeriod } from "@/lib/analytics-window";
import { useTRPC, useTRPCClient } from "@/lib/trpc";
import { cn } from "@/lib/utils";
import { useSession } from "@/lib/use-session";
import type { AnalyticsSearch } from "@/routes";

const route = getRouteApi("/_app/analytics");
const CUSTOM = "custom";

/** The figures of one card, or its loading and error states. */
function Loaded<T, E>({ query, what, children }: { query: UseQueryResult<T, E>; what: string; children: (data: T) => ReactNode }) {
  if (query.isPending) return <LoadingRows rows={3} />;
  if (query.isError) return <ErrorAlert error={query.error} title={`The ${what} could not be loaded`} />;
  return <>{children(query.data)}</>;
}

function Kpi({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId: string }) {
  return (
    <Card className="gap-1 py-4" data-kpi={testId}>
      <CardHeader className="px-4">
        <CardDescription>{label}</CardDescription>
        <CardTitle className="text-2xl tabular-nums" data-kpi-value>
          {value}
        </CardTitle>
        {detail !== undefined && <p className="text-muted-foreground text-xs tabular-nums">{detail}</p>}
      </CardHeader>
    </Card>
  );
}

function Kpis({ analytics }: { analytics: IncidentAnalytics }) {
  const { totals } = analytics;
  const percentiles = (stats: IncidentAnalytics["totals"]["mtta"]) => `p50 ${formatSeconds(stats.p50)} · p90 ${formatSeconds(stats.p90)} · p95 ${formatSeconds(stats.p95)}`;
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      <Kpi testId="incidents" label="Incidents" value={String(totals.count)} detail={`${totals.acknowledged} acknowledged · ${totals.resolved} resolved`} />
      <Kpi testId="mtta" label="Mean time to acknowledge" value={formatSeconds(totals.mtta.mean)} detail={percentiles(totals.mtta)} />
      <Kpi testId="mttr" label="Mean time to resolve" value={formatSeconds(totals.mttr.mean)} detail={percentiles(totals.mttr)} />
      <Kpi testId="ack-sla" label="Acknowledge SLA met" value={formatPercent(totals.ackSlaMetPercent)} />
      <Kpi testId="resolve-sla" label="Resolve SLA met" value={formatPercent(totals.resolveSlaMetPercent)} />
      <Kpi testId="escalations" label="Escalations" value={String(totals.escalations.timeout + totals.escalations.manual)} detail={`${totals.escalations.timeout} by timeout · ${totals.escalations.manual} by hand`} />
    </div>
  );
}

function ChartCard({ title, description, className, children }: { title: string; description?: string; className?: string; children: ReactNode }) {
  return (
    <Card className={cn("min-w-0", className)}>
      <CardHeader>
        <CardTitle>
          <h2 className="text-sm">{title}</h2>
        </CardTitle>
        {description !== undefined && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

function BySeverity({ analytics }: { analytics: IncidentAnalytics }) {
  if (analytics.groups.length === 0) return <p className="text-muted-foreground text-sm">No incidents in this period.</p>;
  return (
    <div className="space-y-3">
      <BarChartWithTable rows={countRows(analytics)} caption="Incidents by severity" series="Incidents" color="var(--chart-1)" className="h-40" />
      <Table scrollLabel="By severity">
        <TableCaption className="sr-only">Incidents, response times and SLA attainment by severity</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Severity</TableHead>
            <TableHead className="text-right">Incidents</TableHead>
            <TableHead className="text-right">MTTA p50</TableHead>
            <TableHead className="text-right">MTTR p50</TableHead>
            <TableHead className="text-right">Ack SLA</TableHead>
            <TableHead className="text-right">Resolve SLA</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {analytics.groups.map((group) => (
            <TableRow key={group.key} data-severity={group.key}>
              <TableCell>
                <SeverityBadge severity={group.key as Severity} />
              </TableCell>
              <TableCell className="text-right tabular-nums">{group.count}</TableCell>
              <TableCell className="text-right tabular-nums">{formatSeconds(group.mtta.p50)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatSeconds(group.mttr.p50)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatPercent(group.ackSlaMetPercent)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatPercent(group.resolveSlaMetPercent)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

const MEASURES = {
  mtta: { title: "Time to acknowledge", colors: ["var(--chart-3)", "var(--chart-1)"] },
  mttr: { title: "Time to resolve", colors: ["var(--chart-5)", "var(--chart-2)"] },
} as const;

/** MTTA or MTTR per bucket, p50 and p90, as lines. */
function DurationTrend({ query, measure, groupBy }: { query: UseQueryResult<IncidentAnalytics, unknown>; measure: keyof typeof MEASURES; groupBy: Bucket }) {
  const { title, colors } = MEASURES[measure];
  const name = measure.toUpperCase();
  return (
    <ChartCard title={title} description={`p50 and p90 per ${groupBy}`}>
      <Loaded query={query} what="trend">
        {(analytics) => (
          <LineChartWithTable
            rows={durationTrendRows(analytics)}
            series={[
              { key: `${measure}P50`, label: `${name} p50`, color: colors[0] },
              { key: `${measure}P90`, label: `${name} p90`, color: colors[1] },
            ]}
            caption={`${title} per ${groupBy}, p50 and p90`}
            rowHeading={groupBy === "day" ? "Day" : "Week of"}
            formatValue={formatSeconds}
            formatLabel={(key) => bucketLabel(key, groupBy)}
            className="h-56"
          />
        )}
      </Loaded>
    </ChartCard>
  );
}

const BANDS = [
  { key: "business", label: "Business hours", color: "var(--chart-3)" },
  { key: "offHours", label: "Off hours", color: "var(--chart-2)" },
  { key: "sleep", label: "Sleep hours", color: "var(--chart-1)" },
];

function Responders({ responders }: { responders: ResponderAnalytics }) {
  if (responders.items.length === 0) return <EmptyState title="Nobody was paged">No one was paged or acknowledged an incident in this period.</EmptyState>;
  return (
    <div className="space-y-4">
      <StackedBarChartWithTable
        rows={interruptionRows(responders).slice(0, 15)}
        series={BANDS}
        caption="Pages received by hour band, per responder"
        rowHeading="Responder"
        horizontal
        className="h-64"
      />
      <Table scrollLabel="Responders">
        <TableCaption className="sr-only">Responders: pages, acknowledgements and interruptions by hour band, in each person's own time zone</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Responder</TableHead>
            <TableHead className="text-right">Pages</TableHead>
            <TableHead className="text-right">Acknowledged</TableHead>
            <TableHead className="text-right">Business</TableHead>
            <TableHead className="text-right">Off hours</TableHead>
            <TableHead className="text-right">Sleep</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {responders.items.map((item) => (
            <TableRow key={item.user.id} data-responder={item.user.id}>
              <TableCell>
                <span className="font-medium">{item.user.name}</span>
                <span className="text-muted-foreground block text-xs">{item.timeZone}</span>
              </TableCell>
              <TableCell className="text-right tabular-nums">{item.pagesReceived}</TableCell>
              <TableCell className="text-right tabular-nums">{item.incidentsAcknowledged}</TableCell>
              <TableCell className="text-right tabular-nums">{item.interruptions.business}</TableCell>
              <TableCell className="text-right tabular-nums">{item.interruptions.offHours}</TableCell>
              <TableCell className="text-right tabular-nums">{item.interruptions.sleep}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The ten groups with the most incidents, as bars with their table. */
function TopGroups({ analytics, caption, color }: { analytics: IncidentAnalytics; caption: string; color: string }) {
  if (analytics.groups.length === 0) return <p className="text-muted-foreground text-sm">No incidents in this period.</p>;
  return <BarChartWithTable rows={countRows(analytics).slice(0, 10)} caption={caption} series="Incidents" color={color} horizontal className="h-64" />;
}

function CsvExport({ input, disabled }: { input: IncidentAnalyticsInput; disabled: boolean }) {
  const client = useTRPCClient();
  return (
    <DownloadTextButton
      label="Export CSV"
      fetchText={() => client.analytics.incidentsCsv.query(input)}
      fileName={`incident-analytics-${input.groupBy}-${input.since?.slice(0, 10) ?? ""}-to-${input.until?.slice(0, 10) ?? ""}.csv`}
      type="text/csv;charset=utf-8"
      disabled={disabled}
    />
  );
}

/** The period (the last N days, or a range of days), the buckets, and the service and team the dashboard reads. */
function Filters({ search, period, groupBy, error, csv }: { search: AnalyticsSearch; period: AnalyticsPeriod; groupBy: Bucket; error: string | null; csv: ReactNode }) {
  const navigate = useNavigate({ from: "/analytics" });
  const { user } = useSession();
  const setSearch = (next: Partial<AnalyticsSearch>) => void navigate({ search: (prev) => ({ ...prev, ...next }) });
  const custom = "from" in period;
  const days = "days" in period ? period.days : DEFAULT_PERIOD_DAYS;
  const choosePeriod = (value: string) => {
    if (value !== CUSTOM) return setSearch({ days: Number(value) === DEFAULT_PERIOD_DAYS ? undefined : Number(value), from: undefined, to: undefined });
    // A range starts as the period shown, in whole days, to be narrowed.
    const to = todayIn(user.timeZone, Date.now());
    setSearch({ days: undefined, from: daysBefore(to, days - 1), to });
  };
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <Select value={custom ? CUSTOM : String(days)} onValueChange={choosePeriod}>
          <SelectTrigger className="w-40" aria-label="Period">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {[...new Set<number>([...ANALYTICS_PERIODS, days])]
              .sort((a, b) => a - b)
              .map((n) => (
                <SelectItem key={n} value={String(n)}>
                  Last {n} days
                </SelectItem>
              ))}
            <SelectItem value={CUSTOM}>Custom range</SelectItem>
          </SelectContent>
        </Select>
        {custom && (
          <>
            <div className="grid gap-1">
              <Label htmlFor="analytics-from" className="text-xs">
                From
              </Label>
              <Input id="analytics-from" type="date" className="w-40" value={period.from} aria-invalid={error !== null} onChange={(e) => setSearch({ from: e.target.value })} />
            </div>
            <div className="grid gap-1">
              <Label htmlFor="analytics-to" className="text-xs">
                To
              </Label>
              <Input id="analytics-to" type="date" className="w-40" value={period.to} aria-invalid={error !== null} onChange={(e) => setSearch({ to: e.target.value })} />
            </div>
          </>
        )}
        <Select value={groupBy} onValueChange={(value) => setSearch({ groupBy: value as Bucket })}>
          <SelectTrigger className="w-32" aria-label="Group by">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="day">Per day</SelectItem>
            <SelectItem value="week">Per week</SelectItem>
          </SelectContent>
        </Select>
        <ServiceFilter value={search.serviceId} onChange={(serviceId) => setSearch({ serviceId })} className="w-44" />
        <TeamFilter value={search.teamId} onChange={(teamId) => setSearch({ teamId })} />
        {csv}
      </div>
      {error !== null && (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      )}
    </div>
  );
}

const periodOf = (search: Pick<AnalyticsSearch, "days" | "from" | "to">): AnalyticsPeriod =>
  search.from !== undefined && search.to !== undefined ? { from: search.from, to: search.to } : { days: search.days ?? DEFAULT_PERIOD_DAYS };

/** MTTA/MTTR, SLA attainment, escalations and responders' load over a period, as PagerDuty Analytics shows them. */
export function AnalyticsPage() {
  const search = route.useSearch();
  const trpc = useTRPC();
  const { user } = useSession();
  const period = periodOf(search);
  const { days, from, to } = search;
  // The window is fixed when the period is chosen (a moving "now" would make every render a new query).
  const span = useMemo(() => periodWindow(periodOf({ days, from, to }), user.timeZone, Date.now()), [days, from, to, user.timeZone]);
  const valid = "since" in span;
  const groupBy = search.groupBy ?? bucketFor(valid ? span.days : DEFAULT_PERIOD_DAYS);
  const range = valid ? { since: span.since, until: span.until } : {};
  const filters = {
    ...range,
    timeZone: user.timeZone,
    ...(search.serviceId === undefined ? {} : { serviceId: search.serviceId }),
    ...(search.teamId === undefined ? {} : { teamId: search.teamId }),
  };
  const trendInput: IncidentAnalyticsInput = { ...filters, groupBy };
  const trend = useQuery({ ...trpc.analytics.incidents.queryOptions(trendInput), enabled: valid });
  const byService = useQuery({ ...trpc.analytics.incidents.queryOptions({ ...filters, groupBy: "service" }), enabled: valid });
  const byTeam = useQuery({ ...trpc.analytics.incidents.queryOptions({ ...filters, groupBy: "team" }), enabled: valid });
  const bySeverity = useQuery({ ...trpc.analytics.incidents.queryOptions({ ...filters, groupBy: "severity" }), enabled: valid });
  const byType = useQuery({ ...trpc.analytics.incidents.queryOptions({ ...filters, groupBy: "type" }), enabled: valid });
  const responders = useQuery({ ...trpc.analytics.responders.queryOptions(range), enabled: valid });
  const formatBucket = (key: string) => bucketLabel(key, groupBy);
  const described = "days" in period ? `in the last ${period.days} days` : `from ${period.from} to ${period.to}`;

  return (
    <div className="space-y-5">
      <PageHeader
        title="Analytics"
        description={`Incidents first triggered ${described}, ${groupBy === "day" ? "per day" : "per week"} (${user.timeZone}). Times are computed by the API: MTTA to the first acknowledgement, MTTR to resolution.`}
      />
      <Filters search={search} period={period} groupBy={groupBy} error={valid ? null : span.error} csv={<CsvExport input={trendInput} disabled={!valid} />} />
      {!valid ? null : (
        <>
          <Loaded query={trend} what="figures">
            {(analytics) => <Kpis analytics={analytics} />}
          </Loaded>

          <div className="grid gap-5 lg:grid-cols-2">
            <DurationTrend query={trend} measure="mtta" groupBy={groupBy} />
            <DurationTrend query={trend} measure="mttr" groupBy={groupBy} />
            <ChartCard title="Incidents by service" description="The services with the most incidents">
              <Loaded query={byService} what="services">
                {(analytics) => <TopGroups analytics={analytics} caption="Incidents by service" color="var(--chart-4)" />}
              </Loaded>
            </ChartCard>
            <ChartCard title="Incidents by team" description="The teams whose services had the most incidents (No team: services of no team)">
              <Loaded query={byTeam} what="teams">
                {(analytics) => <TopGroups analytics={analytics} caption="Incidents by team" color="var(--chart-2)" />}
              </Loaded>
            </ChartCard>
            <ChartCard title="Incidents by type" description="How often each kind of incident happened (No type: none was given)">
              <Loaded query={byType} what="types">
                {(analytics) => <TopGroups analytics={analytics} caption="Incidents by type" color="var(--chart-3)" />}
              </Loaded>
            </ChartCard>
            <ChartCard title="Incidents by severity" description="With median response times and the share of SLA targets met">
              <Loaded query={bySeverity} what="severities">
                {(analytics) => <BySeverity analytics={analytics} />}
              </Loaded>
            </ChartCard>
            <ChartCard title="Escalations" description={`Timeout (nobody acknowledged in time) and by hand, per ${groupBy}`}>
              <Loaded query={trend} what="escalations">
                {(analytics) => (
                  <StackedBarChartWithTable
                    rows={escalationRows(analytics)}
                    series={[
                      { key: "timeout", label: "Timeout", color: "var(--chart-1)" },
                      { key: "manual", label: "By hand", color: "var(--chart-4)" },
                    ]}
                    caption={`Escalations per ${groupBy}, by timeout and by hand`}
                    rowHeading={groupBy === "day" ? "Day" : "Week of"}
                    formatLabel={formatBucket}
                    className="h-56"
                  />
                )}
              </Loaded>
            </ChartCard>
            <ChartCard className="lg:col-span-2" title="Responders" description="Pages by the hour they arrived, in each person's own time zone: business (08-18 weekdays), off hours (evenings, weekends), sleep (22-08)">
              <Loaded query={responders} what="responders">
                {(data) => <Responders responders={data} />}
              </Loaded>
            </ChartCard>
          </div>
        </>
      )}
    </div>
  );
}
