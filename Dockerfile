# Lot Ledger, built from this repository. Used by docker-compose.yml; see README.md "Running with docker-compose".
# Stage 1 builds the Spring Boot jar with the Maven wrapper; stage 2 runs it on a JRE as a non-root user.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
# dependencies first, in their own layer, so a source change does not download the world again
COPY mvnw pom.xml ./
COPY .mvn .mvn
# (only a cache layer: should go-offline miss a plugin, the package step below still fetches it or fails)
RUN chmod +x mvnw && (./mvnw -B -q dependency:go-offline || true)
# sources, models and rules (bpmn/, dmn/, rules/ go on the classpath as they are: pom.xml <resources>)
COPY . .
RUN ./mvnw -B -q -DskipTests package \
 && mkdir -p /out && cp target/lot-ledger-*.jar /out/app.jar

FROM eclipse-temurin:17-jre
# curl only for the container health check
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 lotledger \
 && useradd --system --uid 10001 --gid lotledger --home-dir /app --shell /usr/sbin/nologin lotledger
WORKDIR /app
COPY --from=build --chown=lotledger:lotledger /out/app.jar /app/app.jar
USER lotledger:lotledger

# prod: external database required, no demo data, no default passwords (application-prod.yml)
ENV SPRING_PROFILES_ACTIVE=prod \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
