// A stand-in `npm start` worker for tests/integration/next-workers.test.ts: counts each request with the
// app's own metrics module and answers /metrics with metricsText() (the launcher's sum over workers).
import http from "node:http";
import { metricsText, observeRequest } from "../../src/server/ops/metrics";

const port = Number(process.argv[2]);
http
  .createServer(async (req, res) => {
    res.setHeader("connection", "close");
    if (req.url === "/metrics") return res.end(await metricsText());
    observeRequest("GET", "/page", 200, 0.01);
    res.end(String(process.pid));
  })
  .listen(port);
