// The CPU one request's log line and metrics cost in this process (docs/performance.md), without HTTP:
// what src/server/ops/request-log.ts does per request — a request context (AsyncLocalStorage), the
// histogram observation, one JSON log line through pino — repeated N times. Standard output receives the
// log lines (send it to /dev/null); the figure is printed on standard error.
//   LOG_LEVEL=info METRICS_TOKEN=x npx tsx scripts/bench/observability-cost.ts > /dev/null
import { randomUUID } from "node:crypto";
import { log } from "../../src/server/log";
import { observeRequest } from "../../src/server/ops/metrics";
import { requestStore } from "../../src/server/ops/request-context";

const N = Number(process.argv[2] ?? 100_000);
const store = requestStore();
const once = (i: number) =>
  store.run({ id: randomUUID() }, () => {
    const route = i % 2 ? "/overview" : "/overview/units/:id";
    observeRequest("GET", route, 200, 0.012);
    log.info({ req: { id: randomUUID(), method: "GET", route, status: 200, ms: 12.3, userId: "dd934ca9-055d-4911-9546-aac0a44b089b" } }, "request");
  });
for (let i = 0; i < 10_000; i++) once(i); // warm-up
const cpu = process.cpuUsage();
for (let i = 0; i < N; i++) once(i);
const used = process.cpuUsage(cpu);
process.stderr.write(`per request: ${((used.user + used.system) / N).toFixed(1)} µs of CPU (log line + metrics + context; ${N} requests)\n`);
