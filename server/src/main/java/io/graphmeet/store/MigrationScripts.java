package io.graphmeet.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The migration scripts found beside graphmeet's classes under {@value #LOCATION}, named {@code V<number>__<what>.sql},
 * in version order, each with the CRC-32 of its text. Versions count up from 1 without gaps.
 */
final class MigrationScripts {

    static final String LOCATION = "db/migration";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__\\w+\\.sql");

    /** One script: its version (the number in its name), name, text and checksum. */
    record Script(int version, String name, String sql, String checksum) {}

    private MigrationScripts() {}

    /** Every script under {@value #LOCATION} beside graphmeet's own classes (a folder, or the jar). */
    static List<Script> onClasspath() {
        CodeSource source = MigrationScripts.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell where graphmeet's classes, and so its migrations, are");
        }
        try {
            return in(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list migrations in " + source.getLocation(), e);
        }
    }

    /**
     * Every script under {@value #LOCATION} of a class path root: a folder, or a jar read by its entries (so a jar
     * written without folder entries works too).
     */
    static List<Script> in(Path root) {
        List<Script> scripts = new ArrayList<>();
        String prefix = LOCATION + "/";
        try {
            if (Files.isDirectory(root)) {
                Path folder = root.resolve(LOCATION);
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> files = Files.list(folder)) {
                        for (Path file : files.filter(Files::isRegularFile).toList()) {
                            scripts.add(script(file.getFileName().toString(), Files.readString(file)));
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(root.toFile())) {
                    for (JarEntry entry : jar.stream().toList()) {
                        String name = entry.getName();
                        if (!entry.isDirectory() && name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                scripts.add(script(
                                        name.substring(prefix.length()),
                                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the migrations in " + root, e);
        }
        if (scripts.isEmpty()) {
            throw new IllegalStateException("no migrations under " + LOCATION + " in " + root);
        }
        return ordered(scripts);
    }

    /** {@code scripts} by version, refused if two share a version or a version is missing. */
    static List<Script> ordered(List<Script> scripts) {
        TreeMap<Integer, Script> byVersion = new TreeMap<>();
        for (Script script : scripts) {
            Script clash = byVersion.put(script.version(), script);
            if (clash != null) {
                throw new IllegalStateException(
                        "migrations " + clash.name() + " and " + script.name() + " have the same version");
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

    /** CRC-32, as Flyway uses: it catches an edited script, and costs start-up nothing (SHA-256 costs ~50 ms cold). */
    private static String crc32(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
