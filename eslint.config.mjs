import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

// House rule (CONTRIBUTING.md): only the data access layer touches the database.
const prismaImports = {
  group: [
    "@prisma/client",
    "@prisma/client/*",
    "@/lib/generated/*",
    "**/lib/generated/*",
    "**/generated/prisma",
    "**/generated/prisma/*",
    "@/lib/db/client",
    "**/lib/db/client",
  ],
  message: "Only lib/data/* may use the Prisma client (lib/db); call a data function instead.",
};

// lib/data/system/ spans all users (the scheduler, start-up sweeps): nothing
// that answers one user's request may call it.
const systemData = {
  group: ["@/lib/data/system/*", "**/lib/data/system/*"],
  message: "lib/data/system/* spans all users; a request calls an owner-scoped data function.",
};

// Only the faces (app/, components/, lib/http, lib/actions) call lib/services. What lies
// below it (the data layer, the rules, files, workers, and the checks,
// throttles, mail and senders a service uses) never calls up into it, nor
// into a face; lib/services never reaches for a face.
const faces = ["@/lib/http/*", "**/lib/http/*", "@/lib/actions/*", "**/lib/actions/*"];
const servicesAndFaces = {
  group: ["@/lib/services/*", "**/lib/services/*", ...faces],
  message:
    "Only the faces (app/, components/, lib/http, lib/actions) call lib/services; this sits below it.",
};
const facesFromServices = {
  group: faces,
  message: "A service takes plain input (a ReceiveUpload, not a Request); lib/http calls it.",
};

// No next/link: Link of components/ui/link.tsx is a plain anchor (it says why).
const nextLink = {
  name: "next/link",
  message: "Use Link from @/components/ui/link (a plain anchor, opened by SoftNavigation).",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/generated/**",
    "data/**",
    "test-data/**",
    "test-results/**",
    "test-results-npm-test/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "no-restricted-imports": ["error", { paths: [nextLink], patterns: [prismaImports] }],
      "react/no-danger": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**", "components/**", "lib/actions/**", "lib/http/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [nextLink], patterns: [prismaImports, systemData] },
      ],
    },
  },
  {
    files: ["components/ui/link.tsx", "components/ui/link-pending.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [prismaImports] }] },
  },
  {
    // bench/prisma-cost.mjs measures the Prisma client itself.
    files: ["lib/data/**", "lib/db/**", "bench/prisma-cost.mjs"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["lib/data/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [servicesAndFaces] }] },
  },
  {
    files: [
      "lib/domain/**",
      "lib/documents/**",
      "lib/workers/**",
      "lib/auth/**",
      "lib/mail/**",
      "lib/notifications/**",
      "lib/push/**",
      "lib/net/**",
      "lib/shared-counters/**",
      "lib/storage/**",
      "lib/i18n/**",
      "lib/crypto/**",
      "lib/config/**",
      "lib/errors/**",
      "lib/validation/**",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [nextLink], patterns: [prismaImports, servicesAndFaces] },
      ],
    },
  },
  {
    files: ["lib/services/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [nextLink], patterns: [prismaImports, facesFromServices] },
      ],
    },
  },
]);
