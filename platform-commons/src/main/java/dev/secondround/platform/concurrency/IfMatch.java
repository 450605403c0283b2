package dev.secondround.platform.concurrency;

import java.util.HashSet;
import java.util.Set;

/**
 * A parsed {@code If-Match} header (RFC 9110 §13.1.1): {@code *}, or a list of entity tags compared
 * strongly, so a weak {@code W/"3"} never matches. Our ETags are the quoted version number.
 */
public record IfMatch(boolean any, Set<Long> versions) {

    static IfMatch parse(String header) {
        boolean any = false;
        Set<Long> versions = new HashSet<>();
        for (String part : header.split(",")) {
            String tag = part.strip();
            if (tag.equals("*")) {
                any = true;
            } else if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                try {
                    versions.add(Long.parseLong(tag.substring(1, tag.length() - 1)));
                } catch (NumberFormatException e) {
                    // not one of ours: it can never match
                }
            }
        }
        return new IfMatch(any, Set.copyOf(versions));
    }

    /** 412 unless the current version is one the client named (or it sent {@code *}). */
    public void check(long currentVersion) {
        if (!any && !versions.contains(currentVersion)) {
            throw Versions.stale();
        }
    }
}
