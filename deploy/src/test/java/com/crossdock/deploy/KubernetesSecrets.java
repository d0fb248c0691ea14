package com.crossdock.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crossdock.deploy.KubernetesManifests.Manifest;
import tools.jackson.databind.JsonNode;

/** The keys of Secrets the manifests under deploy/k8s read, and the keys the deploy README's commands create. */
final class KubernetesSecrets {

    /** The Secret every Crossdock workload reads (base/secret.example.yaml). */
    static final String NAME = "crossdock-secrets";

    private static final Pattern FROM_LITERAL = Pattern.compile("--from-literal=([-._a-zA-Z0-9]+)=");
    private static final Pattern STEP = Pattern.compile("^(\\d+)\\. ");

    /** A key of a Secret read by a manifest, as an environment variable or as a file of a secret volume. */
    record Reference(String secret, String key, Manifest manifest, boolean optional) {

        Reference(String secret, String key, Manifest manifest) {
            this(secret, key, manifest, false);
        }
    }

    private KubernetesSecrets() {
    }

    /** Every key read through a secretKeyRef, and every item of a secret volume (plain or projected), anywhere. */
    static List<Reference> references() {
        List<Reference> references = new ArrayList<>();
        for (Manifest manifest : KubernetesManifests.all()) {
            KubernetesManifests.findAll(manifest.document(), "secretKeyRef").forEach(ref ->
                    references.add(new Reference(ref.path("name").asString(), ref.path("key").asString(), manifest,
                            ref.path("optional").asBoolean(false))));
            for (JsonNode volume : secretVolumes(manifest.document())) {
                String secret = volume.has("secretName") ? volume.path("secretName").asString()
                        : volume.path("name").asString();
                if (!volume.has("items")) {
                    // every key, whatever the Secret holds: the manifests then no longer say which keys it needs
                    references.add(new Reference(secret, "<every key: no items>", manifest));
                }
                volume.path("items").values().forEach(item ->
                        references.add(new Reference(secret, item.path("key").asString(), manifest)));
            }
        }
        return references;
    }

    /** The {@code secret} sources of a document's volumes: {@code volumes[].secret} and projected ones. */
    static List<JsonNode> secretVolumes(JsonNode document) {
        return KubernetesManifests.findAll(document, "secret").stream().filter(JsonNode::isObject).toList();
    }

    /** The keys {@code kubectl create secret ... --from-literal=KEY=...} creates anywhere in a text. */
    static Set<String> createdKeys(String text) {
        Set<String> keys = new TreeSet<>();
        Matcher literal = FROM_LITERAL.matcher(text);
        while (literal.find()) {
            keys.add(literal.group(1));
        }
        return keys;
    }

    /** The text of step {@code number} of the numbered list of a README's section (a {@code ## } heading). */
    static String step(Path readme, String section, int number) {
        StringBuilder step = new StringBuilder();
        boolean inSection = false;
        boolean inStep = false;
        for (String line : lines(readme)) {
            if (line.startsWith("## ")) {
                inSection = line.substring(3).strip().equals(section);
                inStep = false;
                continue;
            }
            Matcher start = STEP.matcher(line);
            if (inSection && start.find()) {
                inStep = Integer.parseInt(start.group(1)) == number;
            }
            if (inSection && inStep) {
                step.append(line).append('\n');
            }
        }
        return step.toString();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
