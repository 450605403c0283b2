package dev.secondround.platform.api;

/** Free text as people type it: surrounding spaces dropped, and an empty optional field is no value. */
public final class Text {

    private Text() {
    }

    /** Stripped text, or null when nothing is left. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
