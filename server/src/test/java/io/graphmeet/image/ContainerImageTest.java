package io.graphmeet.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image Jib built into {@code target/graphmeet-image.tar} (run by {@code bin/image}, not by the
 * default suite): its configuration (entrypoint, non-root user, ports, volume, environment) and its layers (a Java
 * 25 runtime, graphmeet's classes). No container engine runs on the build machine, so the image is read, not run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerImageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path IMAGE = Path.of("target", "graphmeet-image.tar");

    private Path unpacked;
    private JsonNode manifest;
    private JsonNode config;

    @BeforeAll
    void unpack(@TempDir Path scratch) throws Exception {
        assertThat(IMAGE).as("built by the image profile (bin/image)").exists();
        unpacked = scratch;
        run("tar", "-xf", IMAGE.toAbsolutePath().toString(), "-C", scratch.toString());
        manifest = JSON.readTree(scratch.resolve("manifest.json").toFile()).get(0);
        config = JSON.readTree(scratch.resolve(manifest.path("Config").asText()).toFile());
    }

    @Test
    void itIsTaggedAndRunsGraphmeetsMainAsANonRootUser() {
        assertThat(manifest.path("RepoTags").get(0).asText()).isEqualTo("graphmeet:0.1.0-SNAPSHOT");
        JsonNode container = config.path("config");
        List<String> entrypoint = texts(container.path("Entrypoint"));
        assertThat(entrypoint.getFirst()).isEqualTo("java");
        assertThat(entrypoint).contains("--enable-native-access=ALL-UNNAMED").endsWith("io.graphmeet.Main");
        assertThat(container.path("User").asText()).isEqualTo("10001:10001");
        assertThat(container.path("WorkingDir").asText()).isEqualTo("/data");
        assertThat(config.path("architecture").asText()).isEqualTo("amd64");
    }

    @Test
    void itExposesTheGraphAdminAndManagementPortsAndKeepsDataInAVolume() {
        JsonNode container = config.path("config");
        assertThat(fieldNames(container.path("ExposedPorts")))
                .containsExactlyInAnyOrder("8080/tcp", "8081/tcp", "8082/tcp");
        assertThat(fieldNames(container.path("Volumes"))).containsExactly("/data");
    }

    @Test
    void itIsConfiguredByTheSameEnvironmentVariables() {
        List<String> environment = texts(config.path("config").path("Env"));
        assertThat(environment)
                .contains(
                        "GRAPHMEET_PROFILE=production",
                        "GRAPHMEET_SERVER_HOST=0.0.0.0",
                        "GRAPHMEET_ADMIN_HOST=0.0.0.0",
                        "GRAPHMEET_MANAGEMENT_HOST=0.0.0.0",
                        "GRAPHMEET_STORAGE_DATA_DIR=/data",
                        "JAVA_HOME=/opt/java");
        assertThat(environment).anyMatch(variable -> variable.startsWith("PATH=/opt/java/bin:"));
    }

    @Test
    void itsLayersHoldAJava25RuntimeTheUserAndGraphmeet() throws Exception {
        List<String> files = new ArrayList<>();
        for (JsonNode layer : manifest.path("Layers")) {
            files.addAll(run("tar", "-tzf", unpacked.resolve(layer.asText()).toString())
                    .lines()
                    .map(name -> name.replaceFirst("^\\./", ""))
                    .toList());
        }
        assertThat(files)
                .contains(
                        "opt/java/bin/java",
                        "opt/java/release",
                        "etc/passwd",
                        "data/",
                        "app/classes/io/graphmeet/Main.class",
                        "app/resources/io/graphmeet/config/version.properties");
        assertThat(files).anyMatch(name -> name.matches("app/libs/helidon-webserver-4\\.5\\.0\\.jar"));
        String release = extract("opt/java/release");
        assertThat(release).contains("JAVA_VERSION=\"25");
        assertThat(extract("etc/passwd")).contains("graphmeet:x:10001:10001:");
    }

    private String extract(String member) throws Exception {
        for (JsonNode layer : manifest.path("Layers")) {
            String listing = run("tar", "-tzf", unpacked.resolve(layer.asText()).toString());
            for (String name : listing.lines().toList()) {
                if (name.replaceFirst("^\\./", "").equals(member)) {
                    return run("tar", "-xzOf", unpacked.resolve(layer.asText()).toString(), name);
                }
            }
        }
        throw new AssertionError(member + " is in no layer");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
        return new String(output, StandardCharsets.UTF_8);
    }
}
