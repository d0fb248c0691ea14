package com.crossdock.platform.serde;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Confluent Schema Registry REST API over {@link RegistryContents}: the calls common clients make (Confluent's
 * serializers and CLI, Spring Cloud Stream's client, Kafka UI, kcat), with Confluent's error codes and messages.
 * Each method answers one route; {@link Answer} is the HTTP status and the JSON body.
 */
final class RegistryApi {

    record Answer(int status, Object body) {
    }

    /** A request: path segments after the resource, query parameters and the JSON body (empty when none). */
    record Request(String method, List<String> path, Map<String, String> query, JsonNode body) {

        boolean flag(String name) {
            return Boolean.parseBoolean(query.getOrDefault(name, "false"));
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RegistryContents contents;

    RegistryApi(RegistryContents contents) {
        this.contents = contents;
    }

    Answer route(Request r) {
        List<String> p = r.path();
        String resource = p.isEmpty() ? "" : p.get(0);
        return switch (resource) {
            case "subjects" -> subjects(r, p);
            case "schemas" -> schemas(r, p);
            case "config" -> config(r, p);
            case "compatibility" -> compatibility(r, p);
            case "" -> r.method().equals("GET") ? ok(Map.of()) : notFound(r);
            default -> notFound(r);
        };
    }

    // ---- /subjects

    private Answer subjects(Request r, List<String> p) {
        if (p.size() == 1) {
            return r.method().equals("GET") ? ok(contents.subjects(r.flag("deleted"))) : notAllowed();
        }
        String subject = p.get(1);
        if (p.size() == 2) {
            return switch (r.method()) {
                case "POST" -> lookup(subject, parse(r.body()), r.flag("deleted"));
                case "DELETE" -> deleteSubject(subject, r.flag("permanent"));
                default -> notAllowed();
            };
        }
        if (!p.get(2).equals("versions")) {
            return notFound(r);
        }
        if (p.size() == 3) {
            return switch (r.method()) {
                case "POST" -> register(subject, parse(r.body()));
                case "GET" -> versionNumbers(subject, r.flag("deleted"));
                default -> notAllowed();
            };
        }
        Answer missing = missingVersion(subject, p.get(3), r.flag("deleted") || r.method().equals("DELETE"));
        if (missing != null) {
            return missing;
        }
        RegistryContents.Version version = version(subject, p.get(3), true).orElseThrow();
        if (p.size() == 4 && r.method().equals("GET")) {
            return ok(describe(version));
        }
        if (p.size() == 5 && p.get(4).equals("schema") && r.method().equals("GET")) {
            return ok(JSON.readTree(version.schema().toString())); // the schema itself, not a string holding it
        }
        if (p.size() == 4 && r.method().equals("DELETE")) {
            return deleteVersion(version, p.get(3), r.flag("permanent"));
        }
        return p.size() == 4 ? notAllowed() : notFound(r);
    }

    private Answer register(String subject, Schema schema) {
        List<RegistryContents.Version> live = contents.versions(subject, false);
        for (RegistryContents.Version v : live) {
            if (v.schema().equals(schema)) {
                return ok(Map.of("id", v.id()));
            }
        }
        List<String> problems = contents.levelOf(subject).problems(schema, contents.schemasOf(live));
        if (!problems.isEmpty()) {
            return error(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
                    + subject + "\", details: " + problems);
        }
        return ok(Map.of("id", contents.addVersion(subject, schema).id()));
    }

    private Answer lookup(String subject, Schema schema, boolean withDeleted) {
        List<RegistryContents.Version> versions = contents.versions(subject, withDeleted);
        if (versions.isEmpty()) {
            return subjectNotFound(subject);
        }
        return versions.stream().filter(v -> v.schema().equals(schema)).reduce((a, b) -> b)
                .map(v -> ok(describe(v))).orElseGet(() -> error(404, 40403, "Schema not found"));
    }

    private Answer versionNumbers(String subject, boolean withDeleted) {
        List<RegistryContents.Version> versions = contents.versions(subject, withDeleted);
        return versions.isEmpty() ? subjectNotFound(subject)
                : ok(versions.stream().map(RegistryContents.Version::version).toList());
    }

    private Answer deleteSubject(String subject, boolean permanent) {
        List<RegistryContents.Version> all = contents.versions(subject, true);
        List<RegistryContents.Version> live = contents.versions(subject, false);
        if (all.isEmpty()) {
            return subjectNotFound(subject);
        }
        if (!permanent) {
            if (live.isEmpty()) {
                return error(404, 40404, "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
            }
            live.forEach(contents::softDelete);
            return ok(live.stream().map(RegistryContents.Version::version).toList());
        }
        if (!live.isEmpty()) {
            return error(404, 40405, "Subject '" + subject + "' was not deleted first before being permanently deleted");
        }
        all.forEach(contents::permanentlyDelete);
        return ok(all.stream().map(RegistryContents.Version::version).toList());
    }

    private Answer deleteVersion(RegistryContents.Version version, String asked, boolean permanent) {
        if (!permanent) {
            if (version.deleted()) {
                return error(404, 40406, "Subject '" + version.subject() + "' Version " + asked
                        + " was soft deleted.Set permanent=true to delete permanently");
            }
            contents.softDelete(version);
        } else {
            if (!version.deleted()) {
                return error(404, 40407, "Subject '" + version.subject() + "' Version " + asked
                        + " was not deleted first before being permanently deleted");
            }
            contents.permanentlyDelete(version);
        }
        return ok(version.version());
    }

    // ---- /schemas

    private Answer schemas(Request r, List<String> p) {
        if (!r.method().equals("GET")) {
            return notAllowed();
        }
        if (p.size() == 2 && p.get(1).equals("types")) {
            return ok(List.of("AVRO"));
        }
        if (p.size() >= 3 && p.size() <= 4 && p.get(1).equals("ids")) {
            Optional<Integer> id = number(p.get(2));
            Optional<Schema> schema = id.flatMap(contents::schema);
            if (schema.isEmpty()) {
                return error(404, 40403, "Schema " + p.get(2) + " not found");
            }
            if (p.size() == 3) {
                return ok(Map.of("schema", schema.get().toString()));
            }
            if (p.get(3).equals("versions") || p.get(3).equals("subjects")) {
                List<RegistryContents.Version> uses = contents.usesOf(id.get(), r.flag("deleted"));
                return ok(p.get(3).equals("subjects") ? uses.stream().map(RegistryContents.Version::subject).distinct().toList()
                        : uses.stream().map(v -> ordered("subject", v.subject(), "version", v.version())).toList());
            }
        }
        return notFound(r);
    }

    // ---- /config

    private Answer config(Request r, List<String> p) {
        if (p.size() > 2) {
            return notFound(r);
        }
        String subject = p.size() == 2 ? p.get(1) : null;
        return switch (r.method()) {
            case "GET" -> subject == null ? ok(level(contents.globalLevel()))
                    : contents.subjectLevel(subject).or(() -> r.flag("defaultToGlobal")
                            ? Optional.of(contents.globalLevel()) : Optional.empty())
                            .map(level -> ok(level(level)))
                            .orElseGet(() -> error(404, 40408, "Subject '" + subject
                                    + "' does not have subject-level compatibility configured"));
            case "PUT" -> {
                String asked = r.body().path("compatibility").asString(null);
                Optional<Compatibility> level = Compatibility.named(asked);
                if (level.isEmpty()) {
                    yield error(422, 42203, "Invalid compatibility level");
                }
                contents.setLevel(subject, level.get());
                yield ok(Map.of("compatibility", level.get().name()));
            }
            case "DELETE" -> {
                if (subject == null) {
                    Compatibility was = contents.globalLevel();
                    contents.removeLevel(null);
                    yield ok(level(was));
                }
                Optional<Compatibility> was = contents.subjectLevel(subject);
                was.ifPresent(level -> contents.removeLevel(subject));
                yield was.map(level -> ok(level(level))).orElseGet(() -> subjectNotFound(subject));
            }
            default -> notAllowed();
        };
    }

    // ---- /compatibility

    private Answer compatibility(Request r, List<String> p) {
        if (p.size() < 4 || p.size() > 5 || !p.get(1).equals("subjects") || !p.get(3).equals("versions")) {
            return notFound(r);
        }
        if (!r.method().equals("POST")) {
            return notAllowed();
        }
        String subject = p.get(2);
        Schema candidate = parse(r.body());
        List<RegistryContents.Version> live = contents.versions(subject, false);
        Compatibility level = contents.levelOf(subject);
        List<String> problems;
        if (p.size() == 4) {
            // against the versions the level looks at, as a registration would be checked
            problems = level.problems(candidate, contents.schemasOf(live));
        } else {
            Answer missing = missingVersion(subject, p.get(4), false);
            if (missing != null) {
                return missing;
            }
            Schema against = version(subject, p.get(4), false).orElseThrow().schema();
            problems = level.problems(candidate, List.of(against));
        }
        return ok(r.flag("verbose") ? ordered("is_compatible", problems.isEmpty(), "messages", problems)
                : Map.of("is_compatible", problems.isEmpty()));
    }

    // ---- helpers

    /** Confluent's answer when {@code asked} ("latest", "-1" or a number) names no version; null when it does. */
    private Answer missingVersion(String subject, String asked, boolean withDeleted) {
        if (!asked.equals("latest") && number(asked).filter(n -> n == -1 || n > 0).isEmpty()) {
            return error(422, 42202, "The specified version '" + asked + "' is not a valid version id. "
                    + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
        }
        if (contents.versions(subject, withDeleted).isEmpty()) {
            return subjectNotFound(subject);
        }
        return version(subject, asked, withDeleted).isPresent() ? null
                : error(404, 40402, "Version " + asked + " not found.");
    }

    private Optional<RegistryContents.Version> version(String subject, String asked, boolean withDeleted) {
        List<RegistryContents.Version> versions = contents.versions(subject, withDeleted);
        if (asked.equals("latest") || asked.equals("-1")) {
            List<RegistryContents.Version> live = contents.versions(subject, false);
            return live.isEmpty() ? Optional.empty() : Optional.of(live.get(live.size() - 1));
        }
        int number = Integer.parseInt(asked);
        return versions.stream().filter(v -> v.version() == number).findFirst();
    }

    private static Map<String, Object> describe(RegistryContents.Version v) {
        return ordered("subject", v.subject(), "version", v.version(), "id", v.id(), "schema", v.schema().toString());
    }

    private static Map<String, Object> level(Compatibility level) {
        return Map.of("compatibilityLevel", level.name());
    }

    private static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Schema parse(JsonNode body) {
        String type = body.path("schemaType").asString("AVRO");
        if (!type.equals("AVRO")) {
            throw new IllegalArgumentException("only AVRO schemas are supported, got " + type);
        }
        return new Schema.Parser().parse(body.path("schema").asString(""));
    }

    private static Answer subjectNotFound(String subject) {
        return error(404, 40401, "Subject '" + subject + "' not found.");
    }

    private static Answer notFound(Request r) {
        return error(404, 404, "HTTP 404 Not Found: " + r.method() + " /" + String.join("/", r.path()));
    }

    private static Answer notAllowed() {
        return error(405, 405, "HTTP 405 Method Not Allowed");
    }

    private static Answer ok(Object body) {
        return new Answer(200, body);
    }

    static Answer error(int status, int code, String message) {
        return new Answer(status, ordered("error_code", code, "message", message));
    }

    /** A JSON object with its fields in Confluent's order. */
    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
