package dev.secondround.feedback.aggregate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attribute keys → the names the participants saw on their forms, in the forms' order (add the full
 * form before the light one). A key no form names any more (an edited template) shows as itself.
 */
public final class AttributeNames {

    private final Map<String, String> names = new LinkedHashMap<>();

    public void add(String key, String name) {
        if (key != null) {
            names.putIfAbsent(key, name == null || name.isBlank() ? key : name);
        }
    }

    public String name(String key) {
        return names.getOrDefault(key, key);
    }

    /** Every key a form names, in the forms' order. */
    public List<String> keys() {
        return List.copyOf(names.keySet());
    }

    /** {@code keys} in the forms' order; keys no form names come last, alphabetically. */
    public List<String> order(Collection<String> keys) {
        List<String> ordered = new ArrayList<>();
        names.keySet().stream().filter(keys::contains).forEach(ordered::add);
        keys.stream().filter(k -> !names.containsKey(k)).sorted().distinct().forEach(ordered::add);
        return ordered;
    }
}
