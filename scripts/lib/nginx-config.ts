// deploy/nginx/sotd.conf is a template: a few values differ per deployment (name, ports, certificate,
// instances, folders). This fills them in, for operators (scripts/nginx-config.ts) and for the browser
// test that runs nginx with it (tests/e2e/reverse-proxy.spec.ts), so both use the same file.
//
// {{NAME}} is replaced by its value. A value may hold several words separated by spaces (listen
// addresses, instances): a line that uses it is then written once per word. Values are checked: nothing
// that could end a directive or open a block gets into the configuration.
import { readFileSync } from "node:fs";
import path from "node:path";

export const NGINX_TEMPLATE = path.resolve(import.meta.dirname, "..", "..", "deploy", "nginx", "sotd.conf");

const WORD = /^[A-Za-z0-9._:/\[\]*-]+$/;
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** What an operator gives (deploy/nginx/sotd.env). */
export type NginxSettings = {
  /** The public name users type, e.g. thidua.bocongan.gov.vn (the certificate's name). */
  SERVER_NAME: string;
  /** The public HTTPS port (443 unless the address users type carries another). */
  PUBLIC_PORT?: string;
  /** nginx's HTTPS and HTTP listen addresses, space-separated (e.g. "443 [::]:443"). */
  HTTPS_LISTEN: string;
  HTTP_LISTEN: string;
  TLS_CERTIFICATE: string;
  TLS_CERTIFICATE_KEY: string;
  /** The app instances, host:port, space-separated (at least one; two to survive one stopped). */
  APP_UPSTREAMS: string;
  /** nginx's cache of /_next/static (writable by nginx's workers). */
  CACHE_DIR: string;
  /** Where sotd.access.log and sotd.error.log go. */
  LOG_DIR: string;
};

const REQUIRED = ["SERVER_NAME", "HTTPS_LISTEN", "HTTP_LISTEN", "TLS_CERTIFICATE", "TLS_CERTIFICATE_KEY", "APP_UPSTREAMS", "CACHE_DIR", "LOG_DIR"] as const;

/** The values of the template: the settings, checked, and PUBLIC_HOST / PUBLIC_ORIGIN derived from them. */
export function nginxValues(settings: NginxSettings): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of REQUIRED) {
    const value = (settings[key] ?? "").trim().replace(/\s+/g, " ");
    if (!value) throw new Error(`${key} is missing`);
    for (const word of value.split(" ")) {
      if (!WORD.test(word)) throw new Error(`${key}: "${word}" is not allowed (letters, digits and . _ : / [ ] * - only)`);
    }
    values[key] = value;
  }
  if (!HOST_NAME.test(values.SERVER_NAME!)) throw new Error(`SERVER_NAME: "${values.SERVER_NAME}" is not one host name`);
  for (const key of ["TLS_CERTIFICATE", "TLS_CERTIFICATE_KEY", "CACHE_DIR", "LOG_DIR"] as const) {
    if (!values[key]!.startsWith("/") || values[key]!.includes(" ")) throw new Error(`${key}: one absolute path`);
  }
  const port = (settings.PUBLIC_PORT ?? "443").trim() || "443";
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) throw new Error(`PUBLIC_PORT: "${port}" is not a port`);
  values.PUBLIC_HOST = port === "443" ? values.SERVER_NAME! : `${values.SERVER_NAME}:${port}`;
  values.PUBLIC_ORIGIN = `https://${values.PUBLIC_HOST}`;
  return values;
}

/** The template with the values filled in. Throws on a placeholder without a value. */
export function renderNginxConfig(template: string, settings: NginxSettings): string {
  const values = nginxValues(settings);
  const lines = template.split("\n").flatMap((line) => {
    const names = [...line.matchAll(/\{\{([A-Z_]+)\}\}/g)].map((m) => m[1]!);
    for (const name of names) if (!(name in values)) throw new Error(`the template uses {{${name}}}, which has no value`);
    const multi = [...new Set(names.filter((n) => values[n]!.includes(" ")))];
    if (multi.length > 1) throw new Error(`one line uses two lists: ${multi.join(", ")}`);
    const words = multi.length ? values[multi[0]!]!.split(" ") : [null];
    return words.map((word) => line.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => (name === multi[0] ? word! : values[name]!)));
  });
  return lines.join("\n");
}

/** KEY=value lines (a shell-style env file: # comments, optional quotes), as settings. */
export function parseEnvFile(text: string): NginxSettings {
  const out: Record<string, string> = {};
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const m = /^([A-Z_]+)=(.*)$/.exec(line);
    if (!m) throw new Error(`not KEY=value: ${line}`);
    out[m[1]!] = m[2]!.replace(/^(["'])(.*)\1$/, "$2");
  }
  return out as NginxSettings;
}

export function renderNginxConfigFile(envFile: string): string {
  return renderNginxConfig(readFileSync(NGINX_TEMPLATE, "utf8"), parseEnvFile(readFileSync(envFile, "utf8")));
}
