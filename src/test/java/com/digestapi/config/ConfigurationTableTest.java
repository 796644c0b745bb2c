package com.digestapi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table lists every digest.* setting of {@link DigestConfig}, one row each, with its
 * default exactly as declared by @WithDefault (in backticks); a setting without a default says what happens instead
 * (e.g. "generated"), without backticks. No Quarkus start: the interface is read by reflection.
 */
class ConfigurationTableTest {

    private static final Pattern ONE_SETTING = Pattern.compile("`digest\\.[a-z0-9.-]+`");

    @Test
    void readmeTableListsEverySettingWithItsDefault() throws IOException {
        Map<String, Optional<String>> declared = new TreeMap<>();
        collect(DigestConfig.class, DigestConfig.class.getAnnotation(ConfigMapping.class).prefix(), declared);
        Map<String, String> documented = readmeTable();

        TreeSet<String> missing = new TreeSet<>(declared.keySet());
        missing.removeAll(documented.keySet());
        TreeSet<String> unknown = new TreeSet<>(documented.keySet());
        unknown.removeAll(declared.keySet());
        assertTrue(missing.isEmpty() && unknown.isEmpty(),
                "README configuration table: missing " + missing + ", not in DigestConfig " + unknown);

        declared.forEach((name, value) -> {
            String cell = documented.get(name);
            if (value.isPresent()) {
                assertEquals("`" + value.get() + "`", cell, "README default of " + name);
            } else {
                assertFalse(cell.isEmpty() || cell.startsWith("`"),
                        name + " has no default: the README should say what happens instead, not quote a value: " + cell);
            }
        });
    }

    @Test
    void namesAreTheMethodsInKebabCaseUnderTheirGroup() {
        Map<String, Optional<String>> declared = new TreeMap<>();
        collect(DigestConfig.class, "digest", declared);
        assertTrue(declared.keySet().containsAll(List.of("digest.data-dir", "digest.read-cache.max-staleness",
                "digest.http.cache-max-age", "digest.editor.password")), declared.keySet().toString());
    }

    /** Leaves become settings (name, @WithDefault); methods returning a nested interface are groups. */
    private static void collect(Class<?> type, String prefix, Map<String, Optional<String>> into) {
        List<Method> methods = Arrays.stream(type.getDeclaredMethods())
                .filter(m -> !m.isDefault() && !m.isSynthetic() && m.getParameterCount() == 0)
                .sorted(Comparator.comparing(Method::getName)).toList();
        for (Method method : methods) {
            WithName renamed = method.getAnnotation(WithName.class);
            String name = prefix + "." + (renamed != null ? renamed.value() : kebab(method.getName()));
            Class<?> result = method.getReturnType();
            if (result.isInterface() && result.getEnclosingClass() == DigestConfig.class) {
                collect(result, name, into);
            } else {
                WithDefault value = method.getAnnotation(WithDefault.class);
                into.put(name, Optional.ofNullable(value).map(WithDefault::value));
            }
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Setting name to default cell of the rows of "## Configuration" whose first cell names a digest.* setting. */
    private static Map<String, String> readmeTable() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int start = lines.indexOf("## Configuration");
        assertTrue(start >= 0, "README.md has no '## Configuration' section");
        Map<String, String> rows = new TreeMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|")) {
                continue;
            }
            String[] cells = line.substring(1).split("\\|");
            String setting = cells[0].trim();
            if (!setting.contains("digest.")) {
                continue;
            }
            if (!ONE_SETTING.matcher(setting).matches()) {
                fail("one digest.* setting per row, in backticks: " + line);
            }
            assertTrue(cells.length >= 3, "setting, default, what: " + line);
            String name = setting.substring(1, setting.length() - 1);
            if (rows.put(name, cells[1].trim()) != null) {
                fail(name + " is listed twice");
            }
        }
        return rows;
    }
}
