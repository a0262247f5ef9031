/**
 * @incidentops/sdk: the typed client of the IncidentOps API.
 *
 * ```ts
 * import { IncidentOpsClient, isVersionConflict } from "@incidentops/sdk";
 *
 * const client = await IncidentOpsClient.login({ baseUrl, email, password });
 * for await (const incident of client.incidents.listAll({ status: "triggered" })) {
 *   await client.incidents.transition({ incidentId: incident.id, toStatus: "acknowledged", version: incident.version });
 * }
 * ```
 */
export {
  createIncidentOpsClient,
  IncidentOpsClient,
  type ClientMethods,
  type HeadersOption,
  type IncidentOpsClientOptions,
  type LoginOptions,
  type RetryOptions,
} from "./client.js";
export {
  IncidentOpsError,
  IncidentOpsConnectionError,
  isIncidentOpsError,
  isConnectionError,
  hasErrorCode,
  isVersionConflict,
  isInvalidTransition,
  isNotFound,
  isValidationError,
  isUnauthorized,
  isForbidden,
  isRateLimited,
  fieldErrors,
  type ConnectionErrorCode,
  type IncidentOpsErrorInit,
} from "./errors.js";
export type { IncidentOpsAuth, TokenResponse, Tokens } from "./session.js";
export type { FetchFunction } from "./transport.js";
export type {
  CallOptions,
  ClientRecord,
  PageInput,
  PageItem,
  PaginateFunction,
  ProcedureFunction,
  ProcedureSpec,
} from "./shape.js";
export type { ApiErrorCode, ApiErrorDetails, ApiErrorDetailsByCode, ApiShape } from "./api-types.js";
export type * from "./models.js";
