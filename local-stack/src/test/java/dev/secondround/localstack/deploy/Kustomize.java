package dev.secondround.localstack.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the features deploy/kubernetes uses
 * and no others, so that the manifest tests need no kubectl (CI machines may lack it; .ci/run renders with
 * the real kustomize when it is there). Supported: resources (files and directories), components,
 * configMap/secret generators (literals, files), patches (strategic merge by kind and name, or JSON 6902
 * operations with a target), labels with includeTemplates, images (name, newName, newTag). Any other field
 * fails loudly, so this cannot
 * silently render something else than kustomize would. Generated names keep no hash suffix.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "components", "configMapGenerator",
            "secretGenerator", "patches", "namespace", "labels", "images");

    private Kustomize() {
    }

    /** Every object the kustomization in {@code dir} renders. */
    static List<Map<String, Object>> render(Path dir) {
        Map<String, Object> kustomization = kustomization(dir);
        if ("Component".equals(kustomization.get("kind"))) {
            throw new IllegalArgumentException(dir + " is a Component, not a Kustomization");
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        apply(dir, kustomization, objects);
        return objects;
    }

    private static void apply(Path dir, Map<String, Object> kustomization, List<Map<String, Object>> objects) {
        for (String key : kustomization.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalStateException(dir + "/kustomization.yaml uses '" + key + "', which this test renderer does not"
                        + " support: extend Kustomize.java or render with kubectl");
            }
        }
        for (String resource : strings(kustomization.get("resources"))) {
            Path path = dir.resolve(resource).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(render(path));
            } else {
                objects.addAll(readAll(path));
            }
        }
        generate(dir, kustomization, objects);
        for (String component : strings(kustomization.get("components"))) {
            Path path = dir.resolve(component).normalize();
            Map<String, Object> spec = kustomization(path);
            if (!"Component".equals(spec.get("kind"))) {
                throw new IllegalArgumentException(path + " is listed as a component but is a " + spec.get("kind"));
            }
            apply(path, spec, objects);
        }
        for (Map<String, Object> patch : maps(kustomization.get("patches"))) {
            patch(dir, patch, objects);
        }
        for (Map<String, Object> label : maps(kustomization.get("labels"))) {
            if (Boolean.TRUE.equals(label.get("includeSelectors"))) {
                throw new IllegalStateException("labels with includeSelectors are not supported by this test renderer");
            }
            Map<String, Object> pairs = map(label.get("pairs"));
            for (Map<String, Object> object : objects) {
                child(object, "metadata", "labels").putAll(pairs);
                if (Boolean.TRUE.equals(label.get("includeTemplates")) && at(object, "spec", "template") instanceof Map) {
                    child(object, "spec", "template", "metadata", "labels").putAll(pairs);
                }
            }
        }
        for (Map<String, Object> image : maps(kustomization.get("images"))) {
            for (Map<String, Object> object : objects) {
                for (Map<String, Object> container : maps(at(object, "spec", "template", "spec", "containers"))) {
                    String current = (String) container.get("image");
                    String repository = current.contains(":") ? current.substring(0, current.lastIndexOf(':')) : current;
                    if (repository.equals(image.get("name"))) {
                        String tag = current.contains(":") ? current.substring(current.lastIndexOf(':') + 1) : "latest";
                        container.put("image", image.getOrDefault("newName", repository) + ":" + image.getOrDefault("newTag", tag));
                    }
                }
            }
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            for (Map<String, Object> object : objects) {
                if (!"Namespace".equals(object.get("kind"))) {
                    child(object, "metadata").put("namespace", namespace);
                }
            }
        }
    }

    private static void generate(Path dir, Map<String, Object> kustomization, List<Map<String, Object>> objects) {
        for (String kind : List.of("ConfigMap", "Secret")) {
            String field = kind.equals("ConfigMap") ? "configMapGenerator" : "secretGenerator";
            for (Map<String, Object> generator : maps(kustomization.get(field))) {
                Map<String, Object> data = new LinkedHashMap<>();
                for (String literal : strings(generator.get("literals"))) {
                    int eq = literal.indexOf('=');
                    data.put(literal.substring(0, eq), literal.substring(eq + 1));
                }
                for (String file : strings(generator.get("files"))) {
                    int eq = file.indexOf('=');
                    String key = eq < 0 ? Path.of(file).getFileName().toString() : file.substring(0, eq);
                    Path path = dir.resolve(eq < 0 ? file : file.substring(eq + 1));
                    data.put(key, read(path));
                }
                if (generator.containsKey("envs") || generator.containsKey("behavior")) {
                    throw new IllegalStateException(field + " with envs or behavior is not supported by this test renderer");
                }
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("apiVersion", "v1");
                object.put("kind", kind);
                object.put("metadata", new LinkedHashMap<>(Map.of("name", generator.get("name"))));
                if (kind.equals("Secret")) {
                    object.put("type", generator.getOrDefault("type", "Opaque"));
                }
                object.put(kind.equals("Secret") ? "stringData" : "data", data);
                objects.add(object);
            }
        }
    }

    private static void patch(Path dir, Map<String, Object> patch, List<Map<String, Object>> objects) {
        String text = patch.containsKey("path") ? read(dir.resolve((String) patch.get("path"))) : (String) patch.get("patch");
        Object content = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        Map<String, Object> target = map(patch.get("target"));
        if (content instanceof List<?> operations) {
            List<Map<String, Object>> matched = objects.stream().filter(o -> matches(o, target)).toList();
            if (matched.isEmpty()) {
                throw new IllegalStateException("patch target " + target + " matches nothing");
            }
            for (Map<String, Object> object : matched) {
                for (Object operation : operations) {
                    JsonPatch.apply(object, map(operation));
                }
            }
        } else {
            Map<String, Object> merge = map(content);
            Map<String, Object> byName = Map.of("kind", merge.get("kind"), "name", at(merge, "metadata", "name"));
            List<Map<String, Object>> matched = objects.stream().filter(o -> matches(o, target.isEmpty() ? byName : target)).toList();
            if (matched.isEmpty()) {
                throw new IllegalStateException("strategic merge patch for " + byName + " matches nothing");
            }
            matched.forEach(object -> mergeInto(object, merge));
        }
    }

    private static boolean matches(Map<String, Object> object, Map<String, Object> target) {
        if (target.get("kind") != null && !target.get("kind").equals(object.get("kind"))) {
            return false;
        }
        if (target.get("name") != null && !target.get("name").equals(at(object, "metadata", "name"))) {
            return false;
        }
        if (target.get("labelSelector") != null) {
            Map<String, Object> labels = map(at(object, "metadata", "labels"));
            for (String term : ((String) target.get("labelSelector")).split(",")) {
                String[] kv = term.trim().split("=", 2);
                if (kv.length != 2 || !kv[1].equals(labels.get(kv[0]))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Strategic merge as kustomize does it for these files: maps merge, lists of named items merge by name. */
    @SuppressWarnings("unchecked")
    private static void mergeInto(Map<String, Object> into, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            Object existing = into.get(key);
            if (value instanceof Map<?, ?> && existing instanceof Map<?, ?>) {
                mergeInto((Map<String, Object>) existing, (Map<String, Object>) value);
            } else if (value instanceof List<?> patchList && existing instanceof List<?> list && named(patchList) && named(list)) {
                for (Object item : patchList) {
                    Map<String, Object> patchItem = (Map<String, Object>) item;
                    list.stream().map(i -> (Map<String, Object>) i).filter(i -> i.get("name").equals(patchItem.get("name"))).findFirst()
                            .ifPresentOrElse(i -> mergeInto(i, patchItem), () -> ((List<Object>) list).add(patchItem));
                }
            } else {
                into.put(key, value);
            }
        });
    }

    private static boolean named(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get("name") != null);
    }

    static Map<String, Object> kustomization(Path dir) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            Path file = dir.resolve(name);
            if (Files.exists(file)) {
                return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(read(file)));
            }
        }
        throw new IllegalArgumentException("no kustomization in " + dir);
    }

    /** Every document of a YAML file, empty ones left out. */
    static List<Map<String, Object>> readAll(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(read(file))) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ navigation helpers for the tests

    /** The value at a path of map keys, or null. */
    static Object at(Object object, String... path) {
        Object current = object;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    /** The map at a path, created where missing. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> child(Map<String, Object> object, String... path) {
        Map<String, Object> current = object;
        for (String key : path) {
            current = (Map<String, Object>) current.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    static List<String> strings(Object value) {
        return value == null ? List.of() : ((List<?>) value).stream().map(String::valueOf).toList();
    }

    static String name(Map<String, Object> object) {
        return (String) at(object, "metadata", "name");
    }

    /** JSON Patch (RFC 6902) add, replace and remove, enough for kustomize's patches. */
    static final class JsonPatch {

        private JsonPatch() {
        }

        @SuppressWarnings("unchecked")
        static void apply(Map<String, Object> document, Map<String, Object> operation) {
            String op = (String) operation.get("op");
            String[] tokens = ((String) operation.get("path")).substring(1).split("/");
            Object parent = document;
            for (int i = 0; i < tokens.length - 1; i++) {
                parent = step(parent, unescape(tokens[i]), operation);
            }
            String last = unescape(tokens[tokens.length - 1]);
            Object value = operation.get("value");
            if (parent instanceof Map<?, ?> m) {
                Map<String, Object> target = (Map<String, Object>) m;
                if (!op.equals("add") && !target.containsKey(last)) {
                    throw new IllegalStateException(op + " of a missing member: " + operation);
                }
                switch (op) {
                    case "add", "replace" -> target.put(last, value);
                    case "remove" -> target.remove(last);
                    default -> throw new IllegalStateException("unsupported op " + op);
                }
            } else if (parent instanceof List<?> l) {
                List<Object> target = (List<Object>) l;
                switch (op) {
                    case "add" -> target.add(last.equals("-") ? target.size() : Integer.parseInt(last), value);
                    case "replace" -> target.set(Integer.parseInt(last), value);
                    case "remove" -> target.remove(Integer.parseInt(last));
                    default -> throw new IllegalStateException("unsupported op " + op);
                }
            } else {
                throw new IllegalStateException("path does not exist: " + operation);
            }
        }

        private static Object step(Object parent, String token, Map<String, Object> operation) {
            Object next = parent instanceof Map<?, ?> m ? m.get(token)
                    : parent instanceof List<?> l ? l.get(Integer.parseInt(token)) : null;
            if (next == null) {
                throw new IllegalStateException("path does not exist: " + operation);
            }
            return next;
        }

        private static String unescape(String token) {
            return token.replace("~1", "/").replace("~0", "~");
        }
    }
}
