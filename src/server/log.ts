// The server's log (docs/operations.md): pino, one JSON line per request (src/server/ops/request-log.ts)
// and per notable event, at LOG_LEVEL (default info); LOG_FORMAT=pretty prints readable lines (the
// default under `npm run dev`), json otherwise. Never passwords, cookies or form contents: events log
// names and ids, and the paths below are blanked should an object carry them.
import pino, { type Logger } from "pino";

const KEY = Symbol.for("sothidua.logger");
const g = globalThis as unknown as { [KEY]?: Logger };

const REDACT = ["password", "*.password", "cookie", "*.cookie", "headers.cookie", "headers.authorization", "authorization"];

/** A readable line per entry: time, level, message, then the other fields as key=value. */
function prettyLine(line: string): string {
  const { time, level, msg, pid: _pid, hostname: _host, ...rest } = JSON.parse(line) as Record<string, unknown>;
  const fields = Object.entries(rest)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" ");
  return `${String(time).slice(11, 23)} ${String(level).toUpperCase().padEnd(5)} ${msg ?? ""}${fields ? ` ${fields}` : ""}\n`;
}

function createLogger(): Logger {
  const pretty = (process.env.LOG_FORMAT ?? (process.env.NODE_ENV === "development" ? "pretty" : "json")) === "pretty";
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? "info",
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT, censor: "[redacted]" },
  };
  if (!pretty) return pino(options);
  return pino(options, { write: (line: string) => void process.stdout.write(prettyLine(line)) });
}

/** The process's logger (one per process, whichever bundle imports it). */
export const log: Logger = (g[KEY] ??= createLogger());

/** An error as a log field: its name, first message line and (for unexpected errors) its stack. */
export function errorField(error: unknown, withStack = true) {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  const message = error.message.trim().split("\n")[0];
  return { type: error.name, ...(typeof code === "string" ? { code } : {}), message, ...(withStack ? { stack: error.stack } : {}) };
}
