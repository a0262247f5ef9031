/**
 * Type tests: checked by `pnpm typecheck` (tsc over this file); at run time expectTypeOf does
 * nothing. No procedure is called here.
 */
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "api";
import { describe, expectTypeOf, test } from "vitest";
import {
  createIncidentOpsClient,
  hasErrorCode,
  isVersionConflict,
  type ApiErrorCode,
  type ApiShape,
  type ClientMethods,
  type ClientRecord,
  type Incident,
  type IncidentOpsClient,
  type IncidentStatus,
  type RouterInputs,
  type RouterOutputs,
} from "../src/index.js";

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;

const client = createIncidentOpsClient({ baseUrl: "http://127.0.0.1:9" });

/** Holds code that must (or must not) compile; it is never run. */
const typeOnly = (_code: () => void): void => undefined;

describe("inference from the router", () => {
  test("outputs are the router's outputs", () => {
    expectTypeOf(client.incidents.get).returns.resolves.toEqualTypeOf<Outputs["incidents"]["get"]>();
    expectTypeOf(client.org.services.create).returns.resolves.toEqualTypeOf<Outputs["org"]["services"]["create"]>();
    expectTypeOf(client.incidents.list).returns.resolves.toEqualTypeOf<Outputs["incidents"]["list"]>();
    expectTypeOf<RouterOutputs["auth"]["login"]>().toEqualTypeOf<Outputs["auth"]["login"]>();
  });

  test("inputs are the router's inputs", () => {
    expectTypeOf(client.incidents.transition).parameter(0).toEqualTypeOf<Inputs["incidents"]["transition"]>();
    expectTypeOf<RouterInputs["incidents"]["create"]>().toEqualTypeOf<Inputs["incidents"]["create"]>();
    expectTypeOf(client.incidents.transition).toBeCallableWith({ incidentId: "id", toStatus: "resolved", version: 3 });
    // Procedures without input take none.
    expectTypeOf(client.auth.me).toBeCallableWith();
    expectTypeOf(client.org.get).toBeCallableWith(undefined, { signal: new AbortController().signal });
    typeOnly(() => {
      // @ts-expect-error toStatus is a status, not any string
      void client.incidents.transition({ incidentId: "id", toStatus: "closed", version: 3 });
      // @ts-expect-error a field the procedure does not take
      void client.org.services.create({ name: "api", owner: "ada" });
      // @ts-expect-error version is required
      void client.incidents.transition({ incidentId: "id", toStatus: "resolved" });
      // @ts-expect-error the input is required
      void client.incidents.get();
      // @ts-expect-error a number is not an incident id
      void client.incidents.get({ incidentId: 42 });
    });
  });

  test("the status union narrows", () => {
    expectTypeOf<IncidentStatus>().toEqualTypeOf<"triggered" | "acknowledged" | "mitigated" | "resolved">();
    const describeIncident = (incident: Incident): string => {
      if (incident.status === "resolved") {
        expectTypeOf(incident.status).toEqualTypeOf<"resolved">();
        expectTypeOf(incident.resolvedAt).toEqualTypeOf<string | null>();
        return "done";
      }
      expectTypeOf(incident.status).toEqualTypeOf<"triggered" | "acknowledged" | "mitigated">();
      return incident.status;
    };
    expectTypeOf(describeIncident).parameter(0).toEqualTypeOf<Outputs["incidents"]["get"]>();
  });

  test("namespaces mirror the router, so a renamed or removed procedure does not compile", () => {
    type RouterNamespaces = keyof AppRouter["_def"]["record"];
    expectTypeOf<Exclude<keyof IncidentOpsClient, keyof ClientMethods>>().toEqualTypeOf<RouterNamespaces>();
    expectTypeOf<keyof IncidentOpsClient["incidents"]>().toEqualTypeOf<
      keyof AppRouter["_def"]["record"]["incidents"] | "listAll" | "eventsAll" | "notificationsAll"
    >();
    expectTypeOf<keyof IncidentOpsClient["org"]["services"]>().toEqualTypeOf<"list" | "listAll" | "create" | "get" | "update" | "slaPolicy" | "changeEvents" | "maintenanceWindows" | "heartbeats">();

    // @ts-expect-error there is no incidents.fetch: the router calls it get
    expectTypeOf(client.incidents.fetch).toBeFunction();
    // @ts-expect-error there is no services namespace at the top: it lives under org
    expectTypeOf(client.services).toBeObject();

    // The client follows whatever the router declares: rename `get` to `fetch`...
    type Renamed = Omit<ApiShape, "incidents"> & {
      incidents: Omit<ApiShape["incidents"], "get"> & { fetch: ApiShape["incidents"]["get"] };
    };
    type RenamedClient = ClientRecord<Renamed>;
    expectTypeOf<RenamedClient["incidents"]["fetch"]>().returns.resolves.toEqualTypeOf<Incident>();
    // ...and the old name stops compiling.
    // @ts-expect-error incidents.get was renamed
    expectTypeOf<RenamedClient["incidents"]["get"]>().toBeFunction();
  });

  test("paginated lists get an async iterator over their items", () => {
    expectTypeOf(client.incidents.listAll).returns.toEqualTypeOf<AsyncGenerator<Incident, void, undefined>>();
    expectTypeOf(client.incidents.eventsAll).returns.toEqualTypeOf<AsyncGenerator<Outputs["incidents"]["events"]["items"][number], void, undefined>>();
    expectTypeOf(client.incidents.listAll).toBeCallableWith({ status: "triggered", limit: 50 });
    expectTypeOf(client.incidents.listAll).toBeCallableWith();
    typeOnly(() => {
      // @ts-expect-error the iterator moves the cursor itself
      void client.incidents.listAll({ cursor: "abc" });
      // @ts-expect-error the timeline needs its incident
      void client.incidents.eventsAll({});
    });
    // Only paginated lists have one.
    expectTypeOf(client.incidents).not.toHaveProperty("createAll");
    expectTypeOf(client.incidents).toHaveProperty("listAll");
  });

  test("errors carry the API's code union, and the helpers narrow it", () => {
    type RouterErrorCode = AppRouter["_def"]["_config"]["$types"]["errorShape"]["data"]["code"];
    expectTypeOf<ApiErrorCode>().toEqualTypeOf<RouterErrorCode>();
    expectTypeOf<"VERSION_CONFLICT">().toExtend<ApiErrorCode>();
    const handle = (error: unknown) => {
      if (isVersionConflict(error)) expectTypeOf(error.code).toEqualTypeOf<"VERSION_CONFLICT">();
      if (hasErrorCode(error, "NOT_FOUND", "FORBIDDEN")) expectTypeOf(error.code).toEqualTypeOf<"NOT_FOUND" | "FORBIDDEN">();
      // @ts-expect-error not one of the API's codes
      hasErrorCode(error, "NOT_A_CODE");
    };
    expectTypeOf(handle).toBeFunction();
  });
});
