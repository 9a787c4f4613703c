# syntax=docker/dockerfile:1
# Hanse node image: builds the shaded jar (node/target/hanse.jar) with Maven, runs it on a JRE 17 as a non-root user.
#   docker build -t hanse/node:0.1.0 .
#   docker run --rm -p 8080:8080 -v "$PWD/hanse.yaml:/etc/hanse/hanse.yaml:ro" -v hanse-data:/var/lib/hanse hanse/node:0.1.0
# See docs/operations.md. The Helm chart (helm/hanse) runs the same image with a read-only root filesystem.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -pl node -am package \
 && cp node/target/hanse.jar /hanse.jar

FROM eclipse-temurin:17-jre
LABEL org.opencontainers.image.title="Hanse node" \
      org.opencontainers.image.description="Federation node for urban data platforms: DCAT-AP, NGSI-LD and SPARQL federation" \
      org.opencontainers.image.licenses="EUPL-1.2"
RUN groupadd --system --gid 10001 hanse \
 && useradd --system --uid 10001 --gid hanse --home-dir /var/lib/hanse --no-create-home --shell /usr/sbin/nologin hanse \
 && mkdir -p /opt/hanse /etc/hanse /var/lib/hanse \
 && chown hanse:hanse /var/lib/hanse
COPY --from=build /hanse.jar /opt/hanse/hanse.jar
# bind all interfaces inside the container; logs as JSON lines; heap sized from the container memory limit
ENV HANSE_BIND=0.0.0.0 \
    HANSE_LOG_FORMAT=json \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
USER 10001:10001
WORKDIR /var/lib/hanse
VOLUME ["/var/lib/hanse"]
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/hanse/hanse.jar"]
CMD ["serve", "--config", "/etc/hanse/hanse.yaml"]
