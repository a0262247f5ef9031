import { AsyncLocalStorage } from "node:async_hooks";
import type { NextFunction, Request, Response } from "express";
import { requestIdOf } from "./context.js";

const storage = new AsyncLocalStorage<{ requestId: string }>();

/** Makes the request id readable anywhere below this middleware, even where no context exists. */
export function bindRequestContext(req: Request, _res: Response, next: NextFunction): void {
  storage.run({ requestId: requestIdOf(req) }, next);
}

export const currentRequestId = (): string => storage.getStore()?.requestId ?? "unknown";
