import { captureLogger } from "@incidentops/testkit";
import { describe, expect, it } from "vitest";
import { addLogBindings, withLogBindings } from "../src/work-context.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("log bindings", () => {
  it("are on every line written within their unit of work, after awaits and in callbacks too, and on none outside", async () => {
    const { logger, lines } = captureLogger();
    logger.info("before");
    await withLogBindings({ requestId: "r-1" }, async () => {
      logger.info("first");
      await tick();
      setImmediate(() => logger.info("in a callback"));
      await tick();
    });
    logger.info("after");
    expect(lines.map((line) => [line.msg, line.requestId])).toEqual([
      ["before", undefined],
      ["first", "r-1"],
      ["in a callback", "r-1"],
      ["after", undefined],
    ]);
  });

  it("keep concurrent units of work apart, and grow for their own unit only", async () => {
    const { logger, lines } = captureLogger();
    const unit = (id: string, actor: string) =>
      withLogBindings({ requestId: id }, async () => {
        await tick();
        addLogBindings({ actor });
        await tick();
        logger.info({ requestId: "the line's own field wins", step: "done" }, id);
      });
    await Promise.all([unit("a", "alice"), unit("b", "bob")]);
    addLogBindings({ actor: "nobody" });
    logger.info("outside");
    expect(lines.map(({ msg, actor, requestId }) => ({ msg, actor, requestId }))).toEqual(
      expect.arrayContaining([
        { msg: "a", actor: "alice", requestId: "the line's own field wins" },
        { msg: "b", actor: "bob", requestId: "the line's own field wins" },
        { msg: "outside", actor: undefined, requestId: undefined },
      ]),
    );
  });

  it("are censored like any field", () => {
    const { logger, text } = captureLogger();
    withLogBindings({ requestId: "r-2", token: "bound-secret-1234" }, () => logger.info("bound"));
    expect(text()).toContain('"token":"[redacted]"');
    expect(text()).not.toContain("bound-secret-1234");
  });
});
