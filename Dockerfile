# syntax=docker/dockerfile:1
#
# Tipline 389: one image, embedded PGlite by default, a PostgreSQL server with DATABASE_URL.
# Build: docker build -t tipline-389 .      Run and deploy: docs/deploy.md
#
# Debian (glibc), not Alpine: sharp's prebuilt libvips and every other native binary we use come
# as optional packages built for glibc; @electric-sql/pglite is WebAssembly and needs nothing native.
ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: all dependencies, client (vite) and server (tsc) --------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /src
# .npmrc carries legacy-peer-deps=true, which npm ci needs to accept the lockfile.
COPY package.json package-lock.json .npmrc ./
# --ignore-scripts: the only packages with install scripts (esbuild, @swc/core, @parcel/watcher,
# unrs-resolver; all dev-only) are the ones package.json "allowScripts" denies. Their prebuilt
# binaries come as optional packages. Node 20's bundled npm 10 would otherwise run those scripts
# (npm 11 holds them back); @parcel/watcher's tries a node-gyp build.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
# vite build -> client/dist; tsc -p tsconfig.build.json -> dist/server, dist/shared
RUN npm run build

# ---- prod-deps: runtime dependencies only ----------------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# ---- runtime ---------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# MALLOC_ARENA_MAX=2: sharp's threads otherwise give glibc an arena each and the RSS of photo
# intake grows by ~300 MB (docs/benchmarks.md, intake). The V8 heap limits, as `npm start` sets them:
# without them V8 lets garbage pile up to ~150 MB before collecting (a year's export, docs/benchmarks.md).
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=2 \
    NODE_OPTIONS="--max-old-space-size=192 --max-semi-space-size=4" \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data \
    UPLOAD_DIR=/app/uploads
WORKDIR /app
# The server finds its root by walking up from dist/server to package.json (server/paths.ts) and
# reads, relative to it: server/db/migrations, server/places/data/admin-units and client/dist.
COPY package.json package-lock.json ./
COPY --from=prod-deps /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY --from=build /src/client/dist ./client/dist
COPY --from=build /src/server/db/migrations ./server/db/migrations
COPY --from=build /src/server/places/data ./server/places/data
# Code stays root-owned and read-only for the app; only the two volumes are the node user's.
# Without DATABASE_URL, /app/data holds the embedded database and secrets.json (mode 0600).
RUN mkdir -p /app/data /app/uploads \
    && chown node:node /app/data /app/uploads \
    && chmod 0700 /app/data
USER node
VOLUME ["/app/data", "/app/uploads"]
EXPOSE 3000
# /readyz answers 200 once the database answers. The first start of an empty embedded database
# runs initdb and the migrations (about 4 s on 2 cores, longer on a slow disk): hence start-period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["node", "-e", "const r=require('http').get({host:'127.0.0.1',port:process.env.PORT,path:'/readyz',timeout:4000},s=>process.exit(s.statusCode===200?0:1));r.on('timeout',()=>r.destroy(new Error('timeout')));r.on('error',()=>process.exit(1))"]
# Exec form: node is PID 1 and gets SIGTERM itself (graceful shutdown, SHUTDOWN_GRACE_SECONDS).
CMD ["node", "dist/server/main.js"]
