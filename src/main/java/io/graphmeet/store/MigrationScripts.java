package io.graphmeet.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The migration scripts found on the classpath under {@value #LOCATION}, named {@code V<number>__<what>.sql},
 * in version order, each with the CRC-32 of its text. Versions count up from 1 without gaps.
 */
final class MigrationScripts {

    static final String LOCATION = "db/migration";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__\\w+\\.sql");

    /** One script: its version (the number in its name), name, text and checksum. */
    record Script(int version, String name, String sql, String checksum) {}

    private MigrationScripts() {}

    /** Every script under {@value #LOCATION} of the class path that loaded graphmeet. */
    static List<Script> onClasspath() {
        return in(MigrationScripts.class.getClassLoader());
    }

    /** Every script under {@value #LOCATION} of {@code loader}'s class path, a folder or a jar. */
    static List<Script> in(ClassLoader loader) {
        URL folder = loader.getResource(LOCATION);
        if (folder == null) {
            throw new IllegalStateException(LOCATION + " is missing from the class path");
        }
        return ordered(namesIn(folder).stream().map(name -> load(loader, name)).toList());
    }

    /** {@code scripts} by version, refused if two share a version or a version is missing. */
    static List<Script> ordered(List<Script> scripts) {
        TreeMap<Integer, Script> byVersion = new TreeMap<>();
        for (Script script : scripts) {
            Script clash = byVersion.put(script.version(), script);
            if (clash != null) {
                throw new IllegalStateException("migrations " + clash.name() + " and " + script.name()
                        + " have the same version");
            }
        }
        int expected = 1;
        for (int version : byVersion.keySet()) {
            if (version != expected) {
                throw new IllegalStateException("no migration of version " + expected + " under " + LOCATION);
            }
            expected++;
        }
        return List.copyOf(byVersion.values());
    }

    static Script script(String name, String sql) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalStateException("not a migration name (V<number>__<what>.sql): " + name);
        }
        return new Script(Integer.parseInt(matcher.group(1)), name, sql, crc32(sql));
    }

    private static List<String> namesIn(URL folder) {
        try {
            List<String> names = new ArrayList<>();
            switch (folder.getProtocol()) {
                case "file" -> {
                    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                        files.map(file -> file.getFileName().toString()).forEach(names::add);
                    }
                }
                case "jar" -> {
                    JarURLConnection connection = (JarURLConnection) folder.openConnection();
                    JarFile jar = connection.getJarFile();
                    String prefix = LOCATION + "/";
                    jar.stream().map(JarEntry::getName)
                            .filter(entry -> entry.startsWith(prefix) && entry.indexOf('/', prefix.length()) < 0)
                            .map(entry -> entry.substring(prefix.length()))
                            .filter(name -> !name.isEmpty())
                            .forEach(names::add);
                }
                default -> throw new IllegalStateException("cannot list migrations in " + folder);
            }
            names.sort(Comparator.naturalOrder());
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list migrations in " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list migrations in " + folder, e);
        }
    }

    private static Script load(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(LOCATION + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("cannot read migration " + name);
            }
            return script(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + name, e);
        }
    }

    /** CRC-32, as Flyway uses: it catches an edited script, and costs start-up nothing (SHA-256 costs ~50 ms cold). */
    private static String crc32(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
