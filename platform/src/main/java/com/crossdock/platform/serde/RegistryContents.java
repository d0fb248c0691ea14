package com.crossdock.platform.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.avro.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the registry holds (schemas by id, each subject's versions with their soft-delete mark, compatibility
 * settings), rebuilt at start from its {@link SchemaStore} and changed only by appending a record to it first.
 * The records are those of Confluent's {@code _schemas} topic: key {@code {"keytype":"SCHEMA","subject",
 * "version","magic":1}} with value {@code {"subject","version","id","schema","deleted"}}, key
 * {@code {"keytype":"CONFIG","subject","magic":0}} with value {@code {"compatibilityLevel"}}; a null value
 * removes the key (a permanent delete). Not thread-safe: the registry serializes its requests.
 */
final class RegistryContents {

    record Version(String subject, int version, int id, Schema schema, boolean deleted) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final SchemaStore store;
    private final Map<Integer, Schema> schemasById = new TreeMap<>();
    private final Map<String, NavigableMap<Integer, Version>> subjects = new TreeMap<>();
    private final Map<String, Compatibility> subjectLevels = new HashMap<>();
    private Compatibility globalLevel = Compatibility.DEFAULT;
    private int lastId;

    private RegistryContents(SchemaStore store) {
        this.store = store;
    }

    static RegistryContents loadFrom(SchemaStore store) {
        RegistryContents contents = new RegistryContents(store);
        for (SchemaStore.Entry entry : store.readAll()) {
            contents.apply(entry.key(), entry.value());
        }
        return contents;
    }

    // ---- reading

    Optional<Schema> schema(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    /** The subject's versions, oldest first; the soft-deleted ones only when asked. */
    List<Version> versions(String subject, boolean withDeleted) {
        return subjects.getOrDefault(subject, new TreeMap<>()).values().stream()
                .filter(v -> withDeleted || !v.deleted()).toList();
    }

    List<String> subjects(boolean withDeleted) {
        return subjects.keySet().stream().filter(s -> !versions(s, withDeleted).isEmpty()).toList();
    }

    /** Every (subject, version) holding schema {@code id}. */
    List<Version> usesOf(int id, boolean withDeleted) {
        return subjects.values().stream().flatMap(v -> v.values().stream())
                .filter(v -> v.id() == id && (withDeleted || !v.deleted())).toList();
    }

    Compatibility globalLevel() {
        return globalLevel;
    }

    Optional<Compatibility> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    Compatibility levelOf(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    // ---- changing: each change is a record written to the store, then applied

    /** A new version of the subject holding {@code schema}, under the id it already has anywhere or a new one. */
    Version addVersion(String subject, Schema schema) {
        int id = schemasById.entrySet().stream().filter(e -> e.getValue().equals(schema)).map(Map.Entry::getKey)
                .findFirst().orElse(lastId + 1);
        NavigableMap<Integer, Version> versions = subjects.get(subject);
        int number = versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
        Version version = new Version(subject, number, id, schema, false);
        write(version);
        return version;
    }

    void softDelete(Version version) {
        write(new Version(version.subject(), version.version(), version.id(), version.schema(), true));
    }

    void permanentlyDelete(Version version) {
        append(schemaKey(version.subject(), version.version()), null);
    }

    void setLevel(String subject, Compatibility level) {
        ObjectNode value = json.createObjectNode().put("compatibilityLevel", level.name());
        append(configKey(subject), value.toString());
    }

    void removeLevel(String subject) {
        append(configKey(subject), null);
    }

    private void write(Version version) {
        ObjectNode value = json.createObjectNode()
                .put("subject", version.subject())
                .put("version", version.version())
                .put("id", version.id())
                .put("schema", version.schema().toString())
                .put("deleted", version.deleted());
        append(schemaKey(version.subject(), version.version()), value.toString());
    }

    private void append(String key, String value) {
        store.append(key, value);
        apply(key, value);
    }

    private String schemaKey(String subject, int version) {
        return json.createObjectNode().put("keytype", "SCHEMA").put("subject", subject).put("version", version)
                .put("magic", 1).toString();
    }

    private String configKey(String subject) {
        ObjectNode key = json.createObjectNode().put("keytype", "CONFIG");
        if (subject == null) {
            key.putNull("subject");
        } else {
            key.put("subject", subject);
        }
        return key.put("magic", 0).toString();
    }

    private void apply(String rawKey, String rawValue) {
        JsonNode key = json.readTree(rawKey);
        JsonNode value = rawValue == null ? null : json.readTree(rawValue);
        String subject = key.path("subject").isString() ? key.get("subject").asString() : null;
        switch (key.path("keytype").asString("")) {
            case "SCHEMA" -> applySchema(subject, key.path("version").asInt(), value);
            case "CONFIG" -> applyConfig(subject, value);
            default -> {
                // Confluent's other record types (NOOP, MODE, DELETE_SUBJECT, ...) change nothing held here
            }
        }
    }

    private void applySchema(String subject, int number, JsonNode value) {
        NavigableMap<Integer, Version> versions = subjects.computeIfAbsent(subject, s -> new TreeMap<>());
        if (value == null) {
            Version removed = versions.remove(number);
            if (removed != null && usesOf(removed.id(), true).isEmpty()) {
                schemasById.remove(removed.id());
            }
            return;
        }
        int id = value.path("id").asInt();
        Schema schema = schemasById.computeIfAbsent(id, i -> new Schema.Parser().parse(value.path("schema").asString()));
        versions.put(number, new Version(subject, number, id, schema, value.path("deleted").asBoolean(false)));
        lastId = Math.max(lastId, id);
    }

    private void applyConfig(String subject, JsonNode value) {
        Optional<Compatibility> level = value == null ? Optional.empty()
                : Compatibility.named(value.path("compatibilityLevel").asString(null));
        if (subject == null) {
            globalLevel = level.orElse(Compatibility.DEFAULT);
        } else if (level.isPresent()) {
            subjectLevels.put(subject, level.get());
        } else {
            subjectLevels.remove(subject);
        }
    }

    List<Schema> schemasOf(List<Version> versions) {
        List<Schema> schemas = new ArrayList<>();
        versions.forEach(v -> schemas.add(v.schema()));
        return schemas;
    }
}
