// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { StatusBadge } from "../src/components/badges";
import { QueryState, ReadError } from "../src/components/page";
import { Toaster } from "../src/components/ui/sonner";
import { ApiError } from "../src/lib/api-error";
import { toastApiError } from "../src/lib/error-toast";
import type { TimelineEvent } from "../src/lib/api-types";
import { useNow } from "../src/lib/use-now";
import { describeEvent } from "../src/pages/incidents/timeline";
import { IncidentTrends } from "../src/pages/overview/incident-trends";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const event = (over: Partial<TimelineEvent>): TimelineEvent => ({
  id: "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a01",
  incidentId: "c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01",
  kind: "created",
  actorUserId: null,
  actor: null,
  data: {},
  createdAt: "2025-03-14T09:02:00.000Z",
  ...over,
});

function summaryOf(e: TimelineEvent): string {
  const { summary } = describeEvent(e);
  const { container } = render(<p>{summary}</p>);
  const text = container.textContent;
  cleanup();
  return text;
}

describe("the timeline says who did what", () => {
  const ada = { actorUserId: "5b0f6f64-1c2e-4f3a-9d7b-2a8c4e6f1a01", actor: { id: "5b0f6f64-1c2e-4f3a-9d7b-2a8c4e6f1a01", name: "Ada Lovelace" } };
  it("for each kind of event", () => {
    expect(summaryOf(event({ ...ada, data: { severity: "sev2" } }))).toBe("Ada Lovelace opened the incident at SEV2");
    expect(summaryOf(event({ data: { integration: { name: "Prometheus" }, severity: "sev1" } }))).toBe("An alert opened the incident at SEV1");
    expect(summaryOf(event({ ...ada, kind: "status_changed", data: { fromStatus: "triggered", toStatus: "acknowledged" } }))).toBe("Ada Lovelace changed the status to Acknowledged");
    expect(summaryOf(event({ ...ada, kind: "commented", data: { body: "on it" } }))).toBe("Ada Lovelace commented");
    expect(describeEvent(event({ ...ada, kind: "commented", data: { body: "on it" } })).body).toBe("on it");
    expect(summaryOf(event({ kind: "escalated", data: { level: 2, notified: [{ name: "ops webhook" }, { name: "Grace" }] } }))).toBe("Escalated to level 2, notifying ops webhook, Grace");
    expect(summaryOf(event({ kind: "alert_repeated", data: { alertCount: 4 } }))).toBe("The alert fired again (4 alerts)");
    expect(summaryOf(event({ ...ada, kind: "unassigned", data: { unassigned: { id: ada.actorUserId, name: "Grace" }, reason: "member_removed" } }))).toBe(
      "Ada Lovelace unassigned Grace (removed from the organisation)",
    );
    // An API key acted: no person to name.
    expect(summaryOf(event({ kind: "status_changed", data: { toStatus: "resolved" } }))).toBe("IncidentOps changed the status to Resolved");
  });
});

it("labels statuses in words, with an icon hidden from screen readers", () => {
  render(<StatusBadge status="mitigated" />);
  expect(screen.getByText("Mitigated")).toBeTruthy();
  expect(document.querySelector("svg")?.getAttribute("aria-hidden")).toBe("true");
});

describe("IncidentTrends (the Overview's analytics, fed by the analytics API)", () => {
  it("shows the mean times and each day's count, readable without the chart", () => {
    render(
      <IncidentTrends
        data={{
          perDay: [
            { day: "2025-03-13", opened: 2 },
            { day: "2025-03-14", opened: 5 },
          ],
          mttaSeconds: 330,
          mttrSeconds: 7_500,
        }}
      />,
    );
    expect(screen.getByText("Mean time to acknowledge").parentElement?.textContent).toContain("5m 30s");
    expect(screen.getByText("Mean time to resolve").parentElement?.textContent).toContain("2h 05m");
    const table = screen.getByRole("table", { name: "Incidents opened per day" });
    expect(within(table).getAllByRole("row").map((row) => row.textContent)).toEqual(["2025-03-132", "2025-03-145"]);
  });

  it("shows a dash, not a zero, when nothing was acknowledged or resolved", () => {
    render(<IncidentTrends data={{ perDay: [], mttaSeconds: null, mttrSeconds: null }} />);
    expect(screen.getByText("Mean time to acknowledge").parentElement?.textContent).toContain("—");
  });
});

describe("useNow (one shared clock per tick)", () => {
  it("renders a watcher a bounded number of times when the time moves at every read (no resubscription loop)", () => {
    let t = Date.parse("2025-03-14T09:02:00.000Z");
    vi.spyOn(Date, "now").mockImplementation(() => (t += 1));
    let renders = 0;
    function Clock() {
      renders += 1;
      return <span data-testid="now">{useNow(1_000)}</span>;
    }
    render(<Clock />);
    expect(Number(screen.getByTestId("now").textContent)).toBeGreaterThan(0);
    expect(renders).toBeLessThanOrEqual(3);
  });
});

describe("QueryState (a query's content in its place) and ReadError", () => {
  const conflict = new ApiError("CONFLICT", "Someone changed it first", 409);
  const rendered = (query: { isPending: boolean; isError: boolean; error: unknown; data: { items: string[] } | undefined }, errorTitle?: string) =>
    render(
      <QueryState query={query} rows={2} {...(errorTitle === undefined ? {} : { errorTitle })}>
        {(data) => <p>{data.items.join(", ")}</p>}
      </QueryState>,
    );

  it("shows skeleton rows while loading, never its content", () => {
    const { container } = rendered({ isPending: true, isError: false, error: null, data: undefined });
    const loading = screen.getByLabelText("Loading");
    expect(loading.getAttribute("aria-busy")).toBe("true");
    expect(loading.children).toHaveLength(2);
    expect(container.querySelector("p")).toBeNull();
  });

  it("shows the API's message under the title asked for when it failed", () => {
    rendered({ isPending: false, isError: true, error: conflict, data: undefined }, "The tasks could not be loaded");
    const alert = screen.getByRole("alert");
    expect(within(alert).getByText("The tasks could not be loaded")).toBeTruthy();
    expect(within(alert).getByText("Someone changed it first")).toBeTruthy();
  });

  it("renders its children with the data once loaded", () => {
    rendered({ isPending: false, isError: false, error: null, data: { items: ["a", "b"] } });
    expect(screen.getByText("a, b")).toBeTruthy();
    expect(screen.queryByLabelText("Loading")).toBeNull();
  });

  it("ReadError shows an error that is not a 404 as the error", () => {
    render(<ReadError error={conflict} what="team" title="The team could not be loaded" />);
    expect(within(screen.getByRole("alert")).getByText("The team could not be loaded")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Reload the page" })).toBeNull();
  });

  it("offers a reload for an answer this build of the app does not know, and only then", () => {
    render(<ReadError error={new ApiError("CONTRACT_MISMATCH", "This page and the server are of different versions: reload the page.", 0)} what="team" />);
    expect(within(screen.getByRole("alert")).getByRole("button", { name: "Reload the page" })).toBeTruthy();
  });
});

describe("an action's error as a toast", () => {
  const toasted = async (error: unknown) => {
    render(<Toaster />);
    act(() => toastApiError(error));
    return screen.findByText(error instanceof Error ? error.message : "");
  };

  it("says the API's words, and offers a reload for an answer this build of the app does not know", async () => {
    const mismatch = new ApiError("CONTRACT_MISMATCH", "This page and the server are of different versions: reload the page.", 0);
    const toast = (await toasted(mismatch)).closest("[data-sonner-toast]");
    expect(toast).not.toBeNull();
    const reload = within(toast as HTMLElement).getByRole("button", { name: "Reload the page" });
    const reloadPage = vi.spyOn(window.location, "reload").mockImplementation(() => undefined);
    reload.click();
    expect(reloadPage).toHaveBeenCalledOnce();
  });

  it("offers no reload for another error", async () => {
    const toast = (await toasted(new ApiError("VERSION_CONFLICT", "Someone changed this incident meanwhile", 409))).closest("[data-sonner-toast]");
    expect(toast).not.toBeNull();
    expect(within(toast as HTMLElement).queryByRole("button", { name: "Reload the page" })).toBeNull();
  });
});
