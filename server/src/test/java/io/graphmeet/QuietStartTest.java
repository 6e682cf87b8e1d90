package io.graphmeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.graphmeet.testing.RepositoryFiles;
import io.graphmeet.testing.ServerProcess;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/graphmeet} on JDK 25 records an ahead-of-time cache at its first stop and starts from it after:
 * neither run may fill the log with the JVM's {@code [warning][aot]} notes. The script runs a jar of this
 * build's classes (through {@code GRAPHMEET_JAR}), so the test does not depend on {@code mvn package}.
 */
class QuietStartTest {

    private static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @Test
    void neitherTheFirstStartAndStopNorTheNextLogAotWarnings(@TempDir Path scratch) throws IOException {
        Path javaHome = Runtime.version().feature() >= 25 ? Path.of(System.getProperty("java.home")) : JDK_25;
        assumeTrue(Files.isExecutable(javaHome.resolve("bin/java")), "needs a JDK 25 for the AOT cache");
        Path jar = jarOfThisBuild(scratch.resolve("graphmeet.jar"));
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", System.getenv("PATH"));
        environment.put("JAVA_HOME", javaHome.toString());
        environment.put("GRAPHMEET_JAR", jar.toString());
        environment.put("GRAPHMEET_STORAGE_DATA_DIR", scratch.resolve("data").toString());
        environment.put("GRAPHMEET_SERVER_PORT", Integer.toString(ServerProcess.freePort()));
        environment.put("GRAPHMEET_ADMIN_PORT", Integer.toString(ServerProcess.freePort()));
        environment.put("GRAPHMEET_MANAGEMENT_PORT", Integer.toString(ServerProcess.freePort()));

        for (String run : new String[] {"recording", "cached"}) {
            Path log = scratch.resolve(run + ".log");
            try (ServerProcess server = ServerProcess.run(
                    List.of(RepositoryFiles.path("bin", "graphmeet").toString()), environment, log)) {
                server.awaitLog("graphmeet ready");
                server.stop();
                assertThat(server.log()).as(run).contains("graphmeet stopped").doesNotContain("[warning]");
            }
            try (Stream<Path> files = Files.list(scratch)) {
                assertThat(files.map(Path::toString)).as(run).anyMatch(name -> name.endsWith(".aot"));
            }
        }
    }

    /** A jar of target/classes whose manifest names the main class and every dependency jar of the test run. */
    private static Path jarOfThisBuild(Path jar) throws IOException {
        List<String> dependencies = new ArrayList<>();
        Path classes = null;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.endsWith(".jar")) {
                dependencies.add(path.toUri().toString());
            } else if (path.getFileName().toString().equals("classes")) {
                classes = path;
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", dependencies));
        manifest.getMainAttributes().put(new Attributes.Name("Enable-Native-Access"), "ALL-UNNAMED");
        Path root = classes;
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out, manifest);
                Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jarOut.putNextEntry(
                        new JarEntry(root.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, jarOut);
                jarOut.closeEntry();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return jar;
    }
}
