package com.crossdock.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import com.crossdock.deploy.KubernetesManifests.Manifest;
import com.crossdock.deploy.KubernetesSecrets.Reference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Secret the manifests read is the one the deploy README tells the reader to create: a key a manifest references
 * and step 1 does not create keeps that pod from starting ({@code CreateContainerConfigError}), as the poller's
 * {@code prodsmart-api-key} once did.
 */
class KubernetesSecretsTest {

    private static final Path README = DeployFiles.repositoryRoot().resolve("deploy/README.md");
    private static final Path EXAMPLE = DeployFiles.kubernetesDirectory().resolve("base/secret.example.yaml");

    @Test
    void everyReferenceNamesAKeyOfTheOneSecretThatItsExampleHolds() {
        Set<String> exampleKeys = Set.copyOf(DeployFiles.yaml(EXAMPLE).path("stringData").propertyNames());

        assertThat(KubernetesSecrets.references()).isNotEmpty().allSatisfy(reference ->
                assertThat(reference.secret()).as("Secret read by %s", reference.manifest()).isEqualTo(KubernetesSecrets.NAME));
        // an optional key (the registry's credentials) is described in the example's comment, not given a value there
        assertThat(KubernetesSecrets.references()).filteredOn(reference -> !reference.optional()).allSatisfy(reference ->
                assertThat(exampleKeys).as("keys of %s, read by %s", EXAMPLE.getFileName(), reference.manifest())
                        .contains(reference.key()));
        assertThat(exampleKeys).as("keys of the example nothing reads").isEqualTo(referencedKeys());
    }

    @Test
    void stepOneOfTheReadmeCreatesEveryKeyTheManifestsReference() {
        String stepOne = KubernetesSecrets.step(README, "Kubernetes", 1);

        assertThat(stepOne).contains("kubectl -n crossdock create secret generic " + KubernetesSecrets.NAME);
        assertThat(KubernetesSecrets.createdKeys(stepOne)).isEqualTo(referencedKeys());
    }

    @Test
    void theExampleSecretsOwnCommandCreatesEveryKeyTheManifestsReference() throws IOException {
        assertThat(KubernetesSecrets.createdKeys(Files.readString(EXAMPLE))).isEqualTo(referencedKeys());
    }

    @Test
    void findsThePollersKeysMissingFromTheStepOneOfBeforeIssue14() {
        Path planted = DeployFiles.resourcePath("planted/readme-step-1-without-the-pollers-keys.md");

        Set<String> missing = new TreeSet<>(referencedKeys());
        missing.removeAll(KubernetesSecrets.createdKeys(KubernetesSecrets.step(planted, "Kubernetes", 1)));

        // the pollers' keys, and serpi-sync's, order-bridge's and the supplier gateway's, which came after that README
        assertThat(missing).containsExactlyInAnyOrder("prodsmart-api-key", "prodsmart-api-secret", "serpi-secretkey",
                "serpi-token", "omega-key", "elit-login", "elit-password", "busmarket-key", "uniquetrade-login",
                "uniquetrade-password", "vesna-token", "intercars-client-id", "intercars-client-secret",
                "baselinker-token", "optimakers-api-key", "optimakers-webhook-token", "admin-token");
    }

    @Test
    void readsTheReferencesOfEveryWorkloadAndFindsNoVolumeOfAWholeSecret() {
        // the secret volumes and secretKeyRefs are found where they are (the check above would pass on none)
        assertThat(KubernetesSecrets.references()).extracting(Reference::manifest).extracting(Manifest::name)
                .contains("ingress-webhooks", "paqtana-publisher", "prodsmart-poller", "sandboxes");
        assertThat(KubernetesSecrets.references()).extracting(Reference::key)
                .doesNotContain("<every key: no items>");
    }

    @Test
    void theOptionalKeysAreTheRegistrysCredentialsAndTheReadmeAndTheExampleSayHowToAddThem() throws IOException {
        Set<String> optional = new TreeSet<>();
        KubernetesSecrets.references().stream().filter(Reference::optional).forEach(reference -> optional.add(reference.key()));
        String securedClusters = section(Files.readString(README), "### Secured clusters");

        assertThat(optional).containsExactlyInAnyOrder("registry-user-info", "registry-bearer-token");
        assertThat(KubernetesSecrets.createdKeys(securedClusters)).containsAll(optional);
        assertThat(Files.readString(EXAMPLE)).contains(optional);
    }

    /** The keys a workload cannot start without: every reference but the optional ones. */
    private static Set<String> referencedKeys() {
        Set<String> keys = new TreeSet<>();
        KubernetesSecrets.references().stream().filter(reference -> !reference.optional())
                .forEach(reference -> keys.add(reference.key()));
        return keys;
    }

    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        assertThat(start).as(heading).isNotNegative();
        int end = markdown.indexOf("\n### ", start + heading.length() + 2);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }
}
