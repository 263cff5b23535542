// Worker threads start without the TypeScript loader the main thread may have: register it,
// then load the worker itself.
import { register } from "tsx/esm/api";

register();
await import("./page-reader-worker.ts");
