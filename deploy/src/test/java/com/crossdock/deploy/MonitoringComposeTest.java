package com.crossdock.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tools docker-compose.yml starts under profiles (monitoring: Prometheus, Kafka Exporter, Grafana; analysts:
 * kafbat's Kafka UI): pinned images, reachable from this machine only, wired to the services, the alerts of the
 * PrometheusRule, the dashboard and the registry.
 */
class MonitoringComposeTest {

    private static final Path ROOT = DeployFiles.repositoryRoot();
    private static final Map<String, String> PROFILES = Map.of(
            "prometheus", "monitoring", "grafana", "monitoring", "kafka-exporter", "monitoring", "kafka-ui", "analysts");

    private static JsonNode services;

    @BeforeAll
    static void readComposeFile() {
        services = DeployFiles.yaml(DeployFiles.composeFile()).path("services");
    }

    @Test
    void theToolsRunUnderTheirProfilesOnPinnedImagesAndListenOnLoopbackOnly() {
        assertThat(PROFILES).allSatisfy((service, profile) -> {
            JsonNode definition = services.path(service);
            String image = definition.path("image").asString("");
            String tag = image.substring(image.lastIndexOf(':') + 1);

            assertThat(definition.path("profiles").values()).extracting(JsonNode::asString).as(service).containsExactly(profile);
            assertThat(image.lastIndexOf(':')).as("%s: %s has a tag", service, image).isGreaterThan(image.lastIndexOf('/'));
            assertThat(tag).as(service).matches("v?[0-9]+\\.[0-9]+\\.[0-9]+");
            assertThat(definition.path("ports").values()).extracting(JsonNode::asString)
                    .allSatisfy(port -> assertThat(port).as(service).startsWith("127.0.0.1:"));
        });
        // every service without a profile is part of the system itself, started by a plain `docker compose up`
        assertThat(services.properties()).filteredOn(service -> service.getValue().has("profiles"))
                .extracting(Map.Entry::getKey).containsExactlyInAnyOrderElementsOf(PROFILES.keySet());
    }

    @Test
    void prometheusScrapesEveryBuiltServiceThatExposesItsMetricsUnderItsServiceName() {
        JsonNode config = DeployFiles.yaml(mountedFile("prometheus", "/etc/prometheus/prometheus.yml"));
        Map<String, String> scraped = new TreeMap<>();
        config.path("scrape_configs").values().forEach(job -> job.path("static_configs").values().forEach(targets ->
                targets.path("targets").values().forEach(target -> scraped.put(target.asString(),
                        job.path("job_name").asString() + " " + job.path("metrics_path").asString("/metrics")))));

        Map<String, String> expected = new TreeMap<>();
        services.properties().forEach(service -> {
            if (service.getValue().has("build") && exposesPrometheus(service.getKey())) {
                String port = DeployFiles.environment(service.getValue()).get("MANAGEMENT_SERVER_PORT");
                expected.put(service.getKey() + ":" + port, service.getKey() + " /actuator/prometheus");
            }
        });

        // actuator's own port, never the public one
        assertThat(expected).containsKeys("ingress-webhooks:9080", "paqtana-publisher:9082", "prodsmart-poller:9083");
        assertThat(scraped).containsAllEntriesOf(expected).containsKey("kafka-exporter:9308");
    }

    @Test
    void prometheusLoadsThePrometheusRulesAlertsWordForWordAndLabelsTheTargetsTheyWatch() {
        JsonNode config = DeployFiles.yaml(mountedFile("prometheus", "/etc/prometheus/prometheus.yml"));
        List<String> ruleFiles = config.path("rule_files").values().stream().map(JsonNode::asString).toList();
        assertThat(ruleFiles).containsExactly("/etc/prometheus/rules/crossdock.rules.yml");
        JsonNode rules = DeployFiles.yaml(mountedFile("prometheus", "/etc/prometheus/rules").resolve("crossdock.rules.yml"));

        // a rule file holds groups only (Prometheus refuses any other key); they are the PrometheusRule's spec
        assertThat(rules.propertyNames()).containsExactly("groups");
        assertThat(rules.path("groups"))
                .as("deploy/prometheus/rules/crossdock.rules.yml must be the spec of %s, word for word", Monitoring.RULES)
                .isEqualTo(DeployFiles.yaml(Monitoring.RULES).path("spec").path("groups"));
        assertThat(Monitoring.alerts()).extracting(Monitoring.Alert::name).contains("CrossdockTargetDown");
        // CrossdockTargetDown selects up{app_kubernetes_io_part_of="crossdock"}, the ServiceMonitors' targetLabels
        config.path("scrape_configs").values().stream()
                .filter(job -> !job.path("job_name").asString().equals("kafka-exporter"))
                .forEach(job -> assertThat(job.path("static_configs").values()).as(job.path("job_name").asString())
                        .allSatisfy(targets -> assertThat(targets.path("labels").path("app_kubernetes_io_part_of")
                                .asString()).isEqualTo("crossdock")));
    }

    @Test
    void grafanaProvisionsTheDashboardAndThePrometheusOfCompose() {
        Path provisioning = mountedFile("grafana", "/etc/grafana/provisioning");
        Path dashboards = mountedFile("grafana", "/var/lib/grafana/dashboards");
        JsonNode provider = DeployFiles.yaml(provisioning.resolve("dashboards/crossdock.yml")).path("providers").get(0);
        JsonNode datasource = DeployFiles.yaml(provisioning.resolve("datasources/prometheus.yml")).path("datasources").get(0);

        assertThat(dashboards).isEqualTo(Monitoring.DASHBOARD.getParent());
        assertThat(provider.path("options").path("path").asString()).isEqualTo("/var/lib/grafana/dashboards");
        assertThat(datasource.path("type").asString()).isEqualTo("prometheus");
        assertThat(datasource.path("url").asString()).isEqualTo("http://prometheus:9090");
        assertThat(services.path("grafana").path("depends_on").has("prometheus")).isTrue();
    }

    @Test
    void theTopicBrowserReadsTheBrokerAndTheRegistryTheServicesUse() {
        Map<String, String> ui = DeployFiles.environment(services.path("kafka-ui"));
        Map<String, String> publisher = DeployFiles.composeEnvironment("paqtana-publisher");

        assertThat(ui.get("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS")).isEqualTo(publisher.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"));
        // the registry decodes Avro values in the browser
        assertThat(ui.get("KAFKA_CLUSTERS_0_SCHEMAREGISTRY"))
                .isEqualTo(publisher.get("SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL"));
        assertThat(ui.get("KAFKA_CLUSTERS_0_READONLY")).isEqualTo("true");
    }

    /** Whether a module's {@code <module>.yml} exposes the prometheus actuator endpoint. */
    private static boolean exposesPrometheus(String module) {
        Path yml = ROOT.resolve(module).resolve("src/main/resources").resolve(module + ".yml");
        List<JsonNode> documents = DeployFiles.yamlDocuments(yml);
        Set<String> exposed = new TreeSet<>();
        for (JsonNode document : documents) {
            String include = document.path("management").path("endpoints").path("web").path("exposure")
                    .path("include").asString("");
            for (String endpoint : include.split(",")) {
                exposed.add(endpoint.strip());
            }
        }
        return exposed.contains("prometheus");
    }

    /** The host path a compose service mounts at a container path (short syntax, relative to the repository). */
    private static Path mountedFile(String service, String target) {
        List<String> mounts = new ArrayList<>();
        for (JsonNode volume : services.path(service).path("volumes").values()) {
            String[] parts = volume.asString().split(":");
            mounts.add(volume.asString());
            if (parts.length >= 2 && parts[1].equals(target)) {
                return ROOT.resolve(parts[0]).normalize();
            }
        }
        throw new AssertionError(service + " mounts nothing at " + target + ": " + mounts);
    }
}
