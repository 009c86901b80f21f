# syntax=docker/dockerfile:1
# CancelCase in a container: the embedded default (SQLite and receipts in the
# /data volume), or one of many instances on PostgreSQL and a bucket
# (compose.scale.yaml). docs/operations.md "Running in a container" says how
# to build, run and upgrade it.
#
# BASE is any Debian-like image with Node 20 and npm. On a machine without an
# image registry (CI here), make one with debootstrap and pass
# --build-arg BASE=… (scripts/container-check.sh does).
ARG BASE=node:20-bookworm-slim

# ---- build: install every dependency, build once, then drop the dev ones ----
FROM ${BASE} AS build
# better-sqlite3 compiles itself when its prebuilt binary cannot be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# The npm the lockfile is kept with (its allowScripts keeps Prisma's engine
# downloads from running); skipped when the base already has it.
ARG NPM_VERSION=11.19.1
RUN [ "$(npm --version)" = "$NPM_VERSION" ] || npm install -g "npm@$NPM_VERSION"
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npm ci --no-audit --no-fund \
 && npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf .next/cache

# ---- runtime: the built app, production dependencies, no compiler ----
FROM ${BASE}
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    DATA_DIR=/data \
    PORT=3000
RUN groupadd --system --gid 10001 cancelcase \
 && useradd --system --uid 10001 --gid cancelcase --home-dir /data --no-create-home \
      --shell /usr/sbin/nologin cancelcase \
 && mkdir -p /data && chown cancelcase:cancelcase /data && chmod 700 /data
WORKDIR /app
# Owned by root and read-only to the server: it writes only to /data. The
# sources stay beside the build, since npm start rebuilds when they differ
# from what was built (scripts/build.mjs): here they never do.
COPY --from=build /app /app
USER cancelcase
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "server/healthcheck.mjs"]
# npm start's command (package.json "start", checked by
# tests/unit/container-files.test.ts) without npm in between, so SIGTERM
# reaches the server: it prepares /data (secrets generated on first start),
# migrates the database, and serves.
CMD ["node", "--max-old-space-size=192", "--max-semi-space-size=4", "server/start.mjs"]
