# formation in a container: lint the templates mounted at /work.
#
#   docker build -t formation .
#   docker run --rm -v "$PWD:/work" formation lint
#   docker run --rm -v "$PWD:/work" formation lint --format sarif > formation.sarif
#
# The build stage compiles a release binary with the Swift standard library, Foundation and
# jemalloc (its allocator) linked in statically (scripts/install.sh); the runtime image needs
# no toolchain, only libcurl for formation-https (`diff --stack`) and CA certificates for AWS.
FROM swift:6.1-jammy AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends libyaml-dev pkg-config libcurl4-openssl-dev libjemalloc-dev \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN scripts/install.sh /opt/formation

FROM ubuntu:22.04
RUN apt-get update \
  && apt-get install -y --no-install-recommends libcurl4 ca-certificates \
  && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/formation/bin/ /usr/local/bin/
WORKDIR /work
ENTRYPOINT ["formation"]
CMD ["lint"]
