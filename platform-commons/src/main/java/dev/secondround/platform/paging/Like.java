package dev.secondround.platform.paging;

import java.util.Locale;

/** Builds LIKE patterns from user text, so a search for "50%" finds "50%" and not everything. */
public final class Like {

    private Like() {
    }

    /** Lower-cased {@code %text%}, with the LIKE wildcards in the text escaped; null for no text. */
    public static String contains(String text) {
        if (text == null) {
            return null;
        }
        String escaped = text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
