// The nginx template (deploy/nginx/sotd.conf) and its renderer (scripts/lib/nginx-config.ts): the
// example values give a complete configuration with the forwarded headers the app relies on; values
// that could inject directives are refused. nginx itself runs it in tests/e2e/reverse-proxy.spec.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NGINX_TEMPLATE, parseEnvFile, renderNginxConfig, renderNginxConfigFile, type NginxSettings } from "../../scripts/lib/nginx-config";

const EXAMPLE = path.resolve(import.meta.dirname, "..", "..", "deploy", "nginx", "sotd.env");
const template = readFileSync(NGINX_TEMPLATE, "utf8");
const settings = (): NginxSettings => parseEnvFile(readFileSync(EXAMPLE, "utf8"));

describe("the nginx configuration rendered from the example values", () => {
  const conf = renderNginxConfigFile(EXAMPLE);

  it("fills in every value", () => {
    expect(conf).not.toMatch(/\{\{[A-Z_]+\}\}/);
  });

  it("repeats a line per word of a list: listen addresses and instances", () => {
    expect(conf.match(/^\s*server 10\.10\.0\.1[12]:3000 max_fails=2 fail_timeout=10s;$/gm)).toHaveLength(2);
    expect(conf.match(/^\s*listen (443|\[::\]:443) ssl http2;$/gm)).toHaveLength(2);
    expect(conf.match(/^\s*listen (80|\[::\]:80) default_server;$/gm)).toHaveLength(2);
  });

  it("sets the forwarded headers from nginx's own knowledge, never the client's copies", () => {
    expect(conf).toContain("proxy_set_header X-Forwarded-For $remote_addr;");
    expect(conf).not.toContain("$proxy_add_x_forwarded_for");
    expect(conf).not.toContain("$http_x_forwarded");
    expect(conf).toContain("proxy_set_header X-Forwarded-Proto https;");
    expect(conf).toContain("proxy_set_header X-Forwarded-Host thidua.example.gov.vn;");
    expect(conf).toContain("proxy_set_header Host thidua.example.gov.vn;");
    expect(conf).toContain("return 301 https://thidua.example.gov.vn$request_uri;");
  });

  it("lets bodies through up to above the app's own limits (6 MB server actions, 5 MB files)", () => {
    expect(conf).toContain("client_max_body_size 7m;");
  });
});

describe("the renderer", () => {
  it("puts a non-standard public port in the host and the redirect", () => {
    const conf = renderNginxConfig(template, { ...settings(), PUBLIC_PORT: "8443" });
    expect(conf).toContain("proxy_set_header X-Forwarded-Host thidua.example.gov.vn:8443;");
    expect(conf).toContain("return 301 https://thidua.example.gov.vn:8443$request_uri;");
  });

  it.each([
    ["APP_UPSTREAMS", "10.0.0.1:3000; include /etc/passwd"],
    ["SERVER_NAME", "a.example b.example"],
    ["SERVER_NAME", "thidua.example.gov.vn;"],
    ["TLS_CERTIFICATE", "relative/cert.pem"],
    ["LOG_DIR", "/var/log/nginx {"],
    ["HTTPS_LISTEN", ""],
  ] as const)("refuses %s = %j", (key, value) => {
    expect(() => renderNginxConfig(template, { ...settings(), [key]: value })).toThrow(key);
  });

  it("refuses a placeholder without a value and a bad port", () => {
    expect(() => renderNginxConfig("listen {{NOPE}};", settings())).toThrow("{{NOPE}}");
    expect(() => renderNginxConfig(template, { ...settings(), PUBLIC_PORT: "70000" })).toThrow("PUBLIC_PORT");
  });

  it("reads a shell-style env file: comments, quotes", () => {
    expect(parseEnvFile('# c\nSERVER_NAME=a.example\nHTTPS_LISTEN="443 [::]:443"\n\n')).toEqual({ SERVER_NAME: "a.example", HTTPS_LISTEN: "443 [::]:443" });
    expect(() => parseEnvFile("export X=1")).toThrow("KEY=value");
  });
});
