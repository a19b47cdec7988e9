// `npm run lint`: ESLint with Next's own flat configs — core-web-vitals (Next, React, React hooks,
// jsx-a11y and import rules) and typescript (typescript-eslint's recommended set, without type
// information: see docs/decisions/0002-lint.md for why and how long it takes).
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // `{ omitted: _x, ...rest }` is how the code base drops a field from an object; a leading _ marks a deliberately unused name.
      "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true, argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
    },
  },
  {
    // Server code and scripts hold no React components; `usePool` (src/server/db.ts) is a plain function, not a hook.
    files: ["src/server/**", "scripts/**", "prisma/**", "tests/integration/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([".next/", "src/generated/", "test-results/", "playwright-report/", "coverage/", ".data/", "next-env.d.ts"]),
]);
