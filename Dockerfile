# Briefcast: one image for the API/feed server and the queue workers.
FROM node:20-bookworm-slim

# ffmpeg for mastering and stitching; offline speech: eSpeak NG (GPL-3.0, run as a separate process), and
# Festival with the HTS voice, which the `auto` voice picks for English (clearest offline voice measured).
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg espeak-ng festival festvox-us-slt-hts ca-certificates tini \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# .npmrc: onnxruntime-node uses the CPU binaries in its package and downloads nothing at install.
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY src ./src
COPY workers ./workers
COPY tsconfig.json ./

ENV NODE_ENV=production \
    BRIEFCAST_DATA_DIR=/tmp/briefcast \
    BRIEFCAST_HOST=0.0.0.0
USER node
# tini forwards SIGTERM so workers shut down gracefully on `docker compose stop`.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--import", "tsx", "workers/main.ts"]
