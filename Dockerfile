# Builds the hub's jar and runs it with the repository's routes/ and config/ beside it.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
COPY src src
RUN mvn -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /opt/contact-hub
COPY --from=build /build/target/contact-hub-*.jar contact-hub.jar
COPY routes routes
COPY config config
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "contact-hub.jar"]
