package dev.secondround.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The OpenAPI document a service serves must equal the one committed in {@code docs/openapi/}, so
 * that every API change shows in review and the ATS clients generated from the committed documents
 * match what runs. With {@code -Dopenapi.update=true} the served document is written instead.
 */
public final class PublishedOpenApi {

    /** System property that makes the check rewrite the committed document instead of failing. */
    public static final String UPDATE_PROPERTY = "openapi.update";

    private static final int SHOWN_LINES = 12;

    private PublishedOpenApi() {
    }

    /**
     * Compares {@code /q/openapi} (YAML) with {@code ../docs/openapi/<service>.yaml} (relative to the
     * module, where Maven runs the tests).
     */
    public static void matchesCommitted(String service, String testClass) {
        String served = normalise(given().queryParam("format", "yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        Path committed = Path.of("..", "docs", "openapi", service + ".yaml").toAbsolutePath().normalize();
        String module = Path.of("").toAbsolutePath().getFileName().toString();
        String update = "./mvnw -B -pl " + module + " -am test -Dtest=" + testClass
                + " -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true";
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(committed.getParent());
                Files.writeString(committed, served, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(committed)) {
                fail(committed + " does not exist. Write it with:\n  " + update);
            }
            String expected = normalise(Files.readString(committed, StandardCharsets.UTF_8));
            if (!expected.equals(served)) {
                fail("The served OpenAPI document differs from " + committed + ":\n" + difference(expected, served)
                        + "If the API change is intended, rewrite the committed document and commit it:\n  " + update);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalise(String document) {
        String unix = document.replace("\r\n", "\n");
        return unix.endsWith("\n") ? unix : unix + "\n";
    }

    /** The changed region: lines between the common start and the common end, each side. */
    static String difference(String expected, String actual) {
        List<String> before = expected.lines().toList();
        List<String> after = actual.lines().toList();
        int start = 0;
        while (start < before.size() && start < after.size() && before.get(start).equals(after.get(start))) {
            start++;
        }
        int endBefore = before.size();
        int endAfter = after.size();
        while (endBefore > start && endAfter > start && before.get(endBefore - 1).equals(after.get(endAfter - 1))) {
            endBefore--;
            endAfter--;
        }
        StringBuilder out = new StringBuilder();
        out.append("  first difference at line ").append(start + 1).append(" (committed ")
                .append(endBefore - start).append(" line(s), served ").append(endAfter - start).append(" line(s) differ)\n");
        if (start > 0) {
            out.append("    ").append(before.get(start - 1)).append('\n');
        }
        appendLines(out, "  - ", before.subList(start, endBefore));
        appendLines(out, "  + ", after.subList(start, endAfter));
        return out.toString();
    }

    private static void appendLines(StringBuilder out, String prefix, List<String> lines) {
        lines.stream().limit(SHOWN_LINES).forEach(line -> out.append(prefix).append(line).append('\n'));
        if (lines.size() > SHOWN_LINES) {
            out.append(prefix).append("... ").append(lines.size() - SHOWN_LINES).append(" more\n");
        }
    }
}
