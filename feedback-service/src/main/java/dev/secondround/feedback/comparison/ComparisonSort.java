package dev.secondround.feedback.comparison;

import dev.secondround.feedback.comparison.ComparisonApi.CandidateRow;
import dev.secondround.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.function.Function;

/**
 * How the comparison is ordered: {@code overall} (default, best first), {@code attribute:<key>}
 * (best first) or {@code name} (A to Z), each reversible with {@code direction}. Rows without the
 * figure — hidden ones, or candidates nobody rated on that attribute — come last either way.
 */
record ComparisonSort(String field, String attributeKey, boolean descending) {

    static final String ATTRIBUTE_PREFIX = "attribute:";

    static ComparisonSort parse(String sort, String direction, Collection<String> attributeKeys) {
        String field = sort == null || sort.isBlank() ? "overall" : sort.strip();
        String key = null;
        if (field.startsWith(ATTRIBUTE_PREFIX)) {
            key = field.substring(ATTRIBUTE_PREFIX.length());
            if (!attributeKeys.contains(key)) {
                throw ProblemException.invalidField("sort", "no attribute '" + key + "' is rated for this job"
                        + (attributeKeys.isEmpty() ? "" : " (it has " + String.join(", ", attributeKeys) + ")"));
            }
        } else if (!field.equals("overall") && !field.equals("name")) {
            throw ProblemException.invalidField("sort", "one of overall, name, attribute:<key>");
        }
        boolean descending;
        if (direction == null || direction.isBlank()) {
            descending = !field.equals("name");
        } else if (direction.strip().equalsIgnoreCase("asc") || direction.strip().equalsIgnoreCase("desc")) {
            descending = direction.strip().equalsIgnoreCase("desc");
        } else {
            throw ProblemException.invalidField("direction", "asc or desc");
        }
        return new ComparisonSort(key == null ? field : "attribute", key, descending);
    }

    String label() {
        return attributeKey == null ? field : ATTRIBUTE_PREFIX + attributeKey;
    }

    String direction() {
        return descending ? "desc" : "asc";
    }

    Comparator<CandidateRow> comparator() {
        Comparator<CandidateRow> byName = Comparator.comparing(CandidateRow::candidateName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
        Comparator<CandidateRow> tieBreak = byName.thenComparing(r -> r.applicationId().toString());
        if (field.equals("name")) {
            return (descending ? byName.reversed() : byName).thenComparing(r -> r.applicationId().toString());
        }
        Function<CandidateRow, BigDecimal> value = attributeKey == null ? CandidateRow::overall
                : r -> r.attributes() == null ? null : r.attributes().get(attributeKey);
        Comparator<BigDecimal> order = descending ? Comparator.<BigDecimal>reverseOrder() : Comparator.<BigDecimal>naturalOrder();
        return Comparator.comparing(value, Comparator.nullsLast(order)).thenComparing(tieBreak);
    }
}
