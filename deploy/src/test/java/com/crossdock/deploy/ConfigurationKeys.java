package com.crossdock.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration properties a service binds, from Boot's generated configuration metadata
 * ({@code META-INF/spring-configuration-metadata.json}), and whether an environment variable names one of them the
 * way Spring's relaxed binding reads the environment: the property's name upper-cased, dots to underscores, dashes
 * dropped or turned into underscores ({@code crossdock.vendors.prodsmart.rate-limit-period} <-
 * {@code CROSSDOCK_VENDORS_PRODSMART_RATE_LIMIT_PERIOD} or {@code ..._RATELIMITPERIOD}).
 *
 * <p>Where the metadata stops, binding goes on, and so does this: below a map ({@code crossdock.vendors.<name>.*},
 * {@code spring.kafka.properties.*}) one element is the key, and below a record the processor did not unfold (a
 * type from another module, such as {@code Backoff}, or a map's record values such as {@code VendorProperties}) its
 * components are read from the class itself.
 */
final class ConfigurationKeys {

    static final String METADATA = "META-INF/spring-configuration-metadata.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_DEPTH = 6;

    /** One element of a property name as binding matches it: a name, any one map key, or anything below a map. */
    private record Element(String name) {
        static final Element KEY = new Element("<key>");
        static final Element REST = new Element("<any>");
    }

    private final List<List<Element>> patterns = new ArrayList<>();

    private ConfigurationKeys() {
    }

    /**
     * The properties of the given Crossdock modules (their generated metadata under target/classes) and of every
     * library on this test's class path (Spring Boot, Spring Kafka, actuator: the services' own libraries).
     */
    static ConfigurationKeys of(Collection<String> crossdockModules) {
        ConfigurationKeys keys = new ConfigurationKeys();
        for (String module : crossdockModules) {
            Path metadata = DeployFiles.repositoryRoot().resolve(module).resolve("target/classes").resolve(METADATA);
            if (Files.isRegularFile(metadata)) {
                keys.add(read(metadata));
            }
        }
        for (JsonNode library : libraryMetadata()) {
            keys.add(library);
        }
        return keys;
    }

    /** The properties of one metadata document only: for tests of the matching itself. */
    static ConfigurationKeys ofMetadata(JsonNode metadata) {
        ConfigurationKeys keys = new ConfigurationKeys();
        keys.add(metadata);
        return keys;
    }

    /** Whether Spring's relaxed binding reads this environment variable into one of the properties. */
    boolean binds(String variable) {
        List<String> tokens = List.of(variable.toLowerCase(Locale.ROOT).split("_", -1));
        return patterns.stream().anyMatch(pattern -> matches(pattern, 0, tokens, 0));
    }

    int size() {
        return patterns.size();
    }

    private void add(JsonNode metadata) {
        for (JsonNode property : metadata.path("properties").values()) {
            List<Element> name = new ArrayList<>();
            for (String element : property.path("name").asString().split("\\.")) {
                name.add(element(element));
            }
            addTyped(name, typeNamed(property.path("type").asString("")), 0);
        }
    }

    /** The patterns a property of this type binds below its name. */
    private void addTyped(List<Element> name, Type type, int depth) {
        Class<?> raw = raw(type);
        if (raw != null && Map.class.isAssignableFrom(raw)) {
            Type value = type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[1] : null;
            Class<?> rawValue = raw(value);
            if (rawValue != null && rawValue.isRecord() && depth < MAX_DEPTH) {
                addTyped(append(name, Element.KEY), value, depth + 1);
            } else {
                patterns.add(append(name, Element.REST));
            }
        } else if (raw != null && raw.isRecord() && depth < MAX_DEPTH) {
            for (RecordComponent component : raw.getRecordComponents()) {
                addTyped(append(name, element(component.getName())), component.getGenericType(), depth + 1);
            }
        } else {
            patterns.add(List.copyOf(name));
            if (raw != null && (Collection.class.isAssignableFrom(raw) || raw.isArray())) {
                // by index: CROSSDOCK_PRODSMART_CHANNELS_0_NAME
                patterns.add(append(name, Element.REST));
            }
        }
    }

    private static boolean matches(List<Element> pattern, int p, List<String> tokens, int t) {
        if (p == pattern.size()) {
            return t == tokens.size();
        }
        Element element = pattern.get(p);
        if (element == Element.REST) {
            return t < tokens.size();
        }
        if (element == Element.KEY) {
            return t < tokens.size() && matches(pattern, p + 1, tokens, t + 1);
        }
        // a name with dashes is one element, written with or without underscores in their place
        StringBuilder joined = new StringBuilder();
        for (int end = t; end < tokens.size() && joined.length() < element.name().length(); end++) {
            joined.append(tokens.get(end));
            if (joined.toString().equals(element.name()) && matches(pattern, p + 1, tokens, end + 1)) {
                return true;
            }
        }
        return false;
    }

    /** An element as binding compares it: lower case, without dashes, camelCase (a record component) flattened. */
    private static Element element(String name) {
        return new Element(name.replace("-", "").toLowerCase(Locale.ROOT));
    }

    private static List<Element> append(List<Element> name, Element element) {
        List<Element> longer = new ArrayList<>(name);
        longer.add(element);
        return Collections.unmodifiableList(longer);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> type1) {
            return type1;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            return raw;
        }
        return null;
    }

    /** A type as the metadata writes it ({@code java.util.Map<java.lang.String,com.x.Y$Z>}), as far as it loads. */
    private static Type typeNamed(String name) {
        int generic = name.indexOf('<');
        Class<?> raw = load(generic < 0 ? name : name.substring(0, generic));
        if (raw == null || generic < 0 || !Map.class.isAssignableFrom(raw)) {
            return raw;
        }
        String arguments = name.substring(generic + 1, name.lastIndexOf('>'));
        Type value = typeNamed(arguments.substring(topLevelComma(arguments) + 1).strip());
        return new MapType(raw, value);
    }

    private static int topLevelComma(String arguments) {
        int depth = 0;
        for (int i = 0; i < arguments.length(); i++) {
            char c = arguments.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ConfigurationKeys.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** {@code Map<String, value>}, enough of a ParameterizedType for {@link #addTyped}. */
    private record MapType(Class<?> raw, Type value) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return new Type[] {String.class, value};
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    }

    /** The metadata of every library on the class path; Crossdock's modules are read per service instead. */
    private static List<JsonNode> libraryMetadata() {
        String repository = DeployFiles.repositoryRoot().toString() + "/";
        List<JsonNode> documents = new ArrayList<>();
        try {
            for (URL url : Collections.list(ConfigurationKeys.class.getClassLoader().getResources(METADATA))) {
                if (isCrossdockModule(url, repository)) {
                    continue;
                }
                try (InputStream in = url.openStream()) {
                    documents.add(JSON.readTree(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    private static boolean isCrossdockModule(URL url, String repository) {
        String location = url.toString();
        return location.contains(repository) || location.contains("/com/crossdock/");
    }

    private static JsonNode read(Path metadata) {
        return JSON.readTree(metadata.toFile());
    }
}
