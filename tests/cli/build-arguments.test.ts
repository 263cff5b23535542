import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { BUILD_OPTIONS, handOverArguments } from "../../src/cli/build-arguments.ts";

describe("the arguments a build hands over to the process it runs again", () => {
  it.each([
    ["an ordinary digest", "q3Vx0bF2", "Lk9_0aZ"],
    ["a digest beginning with a dash", "-q3Vx0bF2", "-Lk9_0aZ"],
    ["a digest beginning with two dashes", "--q3Vx0bF2", "--Lk9"],
    ["a digest beginning with an underscore", "_q3Vx0bF2", "_Lk9"],
    ["a digest that looks like another option", "--content", "--output=x"],
  ])("are read back as given for %s", (_what, digest, states) => {
    const { values } = parseArgs({
      args: handOverArguments({ digest, states }),
      options: BUILD_OPTIONS,
    });
    expect(values.inputs).toBe(digest);
    expect(values.states).toBe(states);
    expect(values.content).toBe("content");
  });
});
