# The berth CLI as an image, for CI systems other than GitHub Actions (GitLab CI, Jenkins, Bitbucket, ...).
# Build it from a clone, next to the packed CLI:
#   npm ci && npm run package:cli && docker build -t berth .
# Run it on the current folder (the entrypoint is berth; the default command lints the working directory):
#   docker run --rm -v "$PWD:/work" berth lint --format sarif > berth.sarif
#
# node:20-slim pinned by the digest of its multi-platform index (as published on Docker Hub in July 2026;
# re-pin on purpose: skopeo inspect --format '{{.Digest}}' docker://docker.io/library/node:20-slim).
FROM node:20-slim@sha256:2cf067cfed83d5ea958367df9f966191a942351a2df77d6f0193e162b5febfc0

# The packed CLI (npm run package:cli) has no dependencies: this installs the bundles and links `berth`.
# It is copied into the image's starting folder (the root) and removed once installed.
COPY berth-*.tgz ./
RUN npm install --global --no-audit --no-fund --no-update-notifier ./berth-*.tgz \
 && rm ./berth-*.tgz \
 && npm cache clean --force

# The image's own non-root user (uid 1000); mount the project at /work.
USER node
WORKDIR /work
ENTRYPOINT ["berth"]
CMD ["lint"]
