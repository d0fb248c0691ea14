package com.crossdock.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.crossdock.deploy.KubernetesManifests.Manifest;
import com.crossdock.deploy.Monitoring.Alert;
import com.crossdock.deploy.Monitoring.PanelQuery;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring component (deploy/k8s/components/monitoring) and the Grafana dashboard: every service scraped once,
 * every alert documented in docs/runbook.md, and every crossdock_* series they query registered by the code, so a
 * renamed meter fails the build instead of silencing an alert.
 */
class MonitoringTest {

    private static final Path BASE = DeployFiles.kubernetesDirectory().resolve("base");
    private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    /** Where each alert's runbook_url points: docs/runbook.md and the anchor of one of its sections. */
    private static final Pattern RUNBOOK_URL = Pattern.compile("https://[^/]+/docs/runbook\\.md#([a-z0-9-]+)");

    @Test
    void everyBaseServiceIsScrapedOnceByAServiceMonitorOnItsNamedPort() {
        List<Manifest> services = KubernetesManifests.ofKind("Service").stream()
                .filter(service -> service.file().startsWith(BASE)).toList();
        List<Manifest> monitors = KubernetesManifests.ofKind("ServiceMonitor");
        // the Services that exist for Prometheus and clients; a -headless twin only names a StatefulSet's pods
        List<Manifest> scraped = services.stream().filter(service -> !service.name().endsWith("-headless")).toList();

        assertThat(scraped).extracting(Manifest::name)
                .contains("ingress-webhooks", "paqtana-publisher", "prodsmart-poller");
        assertThat(DeployFiles.yaml(BASE.resolve("kustomization.yaml")).path("labels").values())
                .as("labels the base gives every object")
                .anySatisfy(labels -> assertThat(labels.path("pairs").path("app.kubernetes.io/part-of").asString())
                        .isEqualTo("crossdock"));
        assertThat(scraped).allSatisfy(service -> {
            Manifest monitor = monitors.stream().filter(m -> m.name().equals(service.name())).findFirst()
                    .orElseThrow(() -> new AssertionError("no ServiceMonitor " + service.name()));
            JsonNode endpoint = monitor.document().path("spec").path("endpoints").get(0);
            Set<String> portNames = new TreeSet<>();
            service.document().path("spec").path("ports").values()
                    .forEach(port -> portNames.add(port.path("name").asString()));

            assertThat(endpoint.path("path").asString()).as(monitor.toString()).isEqualTo("/actuator/prometheus");
            // actuator's own port (management.server.port), never the public one
            assertThat(endpoint.path("port").asString()).as(monitor.toString()).isEqualTo("management");
            // CrossdockTargetDown selects the targets by the label the base gives every Service
            assertThat(monitor.document().path("spec").path("targetLabels").values()).extracting(JsonNode::asString)
                    .as(monitor.toString()).contains("app.kubernetes.io/part-of");
            assertThat(portNames).as("ports of %s", service).contains(endpoint.path("port").asString());
            // of all the base's Services its selector matches, the endpoint's relabelings keep this one only
            List<String> scrapedThrough = services.stream()
                    .filter(candidate -> selects(monitor, candidate))
                    .filter(candidate -> kept(endpoint, candidate.name()))
                    .map(Manifest::name).toList();
            assertThat(scrapedThrough).as("Services %s scrapes", monitor).containsExactly(service.name());
        });
    }

    @Test
    void everyAlertLinksItsOwnSectionOfTheRunbookAndEverySectionIsAnAlert() throws IOException {
        Set<String> anchors = runbookAnchors();
        List<Alert> alerts = Monitoring.alerts();

        assertThat(alerts).hasSizeGreaterThanOrEqualTo(20).allSatisfy(alert -> {
            var url = RUNBOOK_URL.matcher(alert.annotation("runbook_url"));
            assertThat(url.matches()).as("runbook_url of %s: %s", alert, alert.annotation("runbook_url")).isTrue();
            assertThat(url.group(1)).as(alert.name()).isEqualTo(anchor(alert.name()));
            assertThat(anchors).as("sections of docs/runbook.md").contains(url.group(1));
        });
        assertThat(anchors).containsExactlyInAnyOrderElementsOf(alerts.stream().map(a -> anchor(a.name())).toList());
    }

    @Test
    void everyAlertHasASeverityASummaryAndAUniqueName() {
        List<Alert> alerts = Monitoring.alerts();

        assertThat(alerts).extracting(Alert::name).doesNotHaveDuplicates();
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.label("severity")).as(alert.name()).isIn(SEVERITIES);
            assertThat(alert.annotation("summary")).as(alert.name()).isNotBlank();
            assertThat(alert.expression()).as(alert.name()).isNotBlank();
        });
    }

    @Test
    void coversTheAlertsTheDocsDescribeAndTheIssueAsksFor() {
        Map<String, String> expressions = new TreeMap<>();
        Monitoring.alerts().forEach(alert -> expressions.put(alert.name(), alert.expression()));

        // docs/spool.md, docs/prodsmart-poller.md "Metrics to alert on", docs/poller-kit.md, ingress-webhooks/README.md,
        // and issue 14: consumer lag, dead letters, breaker, 429s, spools, the lease
        assertThat(String.join("\n", expressions.values())).contains(
                "kafka_consumergroup_lag", "crossdock_kafka_dead_letters_total", "resilience4j_circuitbreaker_state",
                "crossdock_vendor_throttled_total", "crossdock_spool_depth", "crossdock_spool_bytes",
                "crossdock_spool_max_bytes", "crossdock_spool_set_aside", "crossdock_spool_damaged_total",
                "crossdock_spool_corruptions_total", "crossdock_poller_lease_active", "crossdock_poller_lag_seconds",
                "crossdock_poller_persist_seconds_bucket", "crossdock_poller_budget_used",
                "crossdock_poller_spooled_total", "crossdock_poller_possibly_lost_pages_total",
                "crossdock_poller_reconciliation_runs_total", "crossdock_vendor_token_renewals_total",
                "crossdock_ingress_webhooks_quarantined_total");
    }

    @Test
    void everyCrossdockSeriesOfTheAlertsAndTheDashboardIsRegisteredByTheCode() {
        Set<String> registered = registered();
        Map<String, Set<String>> queried = new TreeMap<>();
        Monitoring.alerts().forEach(alert -> queried.put("alert " + alert.name(), RegisteredMeters.seriesIn(alert.expression())));
        for (PanelQuery query : Monitoring.dashboardQueries()) {
            queried.computeIfAbsent("panel " + query.panel(), panel -> new TreeSet<>())
                    .addAll(RegisteredMeters.seriesIn(query.expression()));
        }

        assertThat(queried.values().stream().mapToInt(Set::size).sum()).isGreaterThan(30);
        assertThat(unregistered(queried, registered)).as("crossdock_* series no meter of the code produces").isEmpty();
    }

    @Test
    void findsTheSeriesOfAPlantedRuleThatNoMeterProduces() {
        Map<String, Set<String>> queried = new TreeMap<>();
        Monitoring.alerts(DeployFiles.resourcePath("planted/renamed-meter-rule.yaml"))
                .forEach(alert -> queried.put(alert.name(), RegisteredMeters.seriesIn(alert.expression())));

        assertThat(unregistered(queried, registered())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SpoolDepthMisspelt", Set.of("crossdock_spool_deepth"),
                "CallsUnderTheirOldName", Set.of("crossdock_vendor_call_total")));
    }

    @Test
    void theComponentIsAKustomizeComponentListingItsFiles() {
        JsonNode component = DeployFiles.yaml(Monitoring.COMPONENT.resolve("kustomization.yaml"));

        assertThat(component.path("kind").asString()).isEqualTo("Component");
        assertThat(component.path("apiVersion").asString()).isEqualTo("kustomize.config.k8s.io/v1alpha1");
        assertThat(component.path("resources").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("servicemonitors.yaml", "prometheusrule.yaml")
                .allSatisfy(file -> assertThat(Monitoring.COMPONENT.resolve(file)).isRegularFile());
    }

    @Test
    void theDashboardShowsTheFlowAtAGlanceFromItsDatasourceVariable() {
        JsonNode dashboard = Monitoring.dashboard();
        List<String> titles = new ArrayList<>();
        Monitoring.dashboardQueries().forEach(query -> titles.add(query.panel()));

        assertThat(dashboard.path("uid").asString()).isEqualTo("crossdock");
        assertThat(dashboard.path("templating").path("list").values())
                .anySatisfy(variable -> assertThat(variable.path("type").asString()).isEqualTo("datasource"));
        assertThat(titles).contains("Webhooks in", "Events per topic", "Lag per consumer group",
                "Vendor calls by outcome", "Vendor call latency", "Budget used per vendor", "Dead letters",
                "Spool depth", "Spool bytes");
        assertThat(Monitoring.dashboardQueries()).allSatisfy(query ->
                assertThat(query.expression()).as(query.panel()).isNotBlank());
        assertThat(panels(dashboard.path("panels"))).allSatisfy(panel -> {
            if (!panel.path("type").asString().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
                        .isEqualTo("${datasource}");
            }
        });
    }

    private static List<JsonNode> panels(JsonNode panels) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : panels.values()) {
            all.add(panel);
            all.addAll(panels(panel.path("panels")));
        }
        return all;
    }

    private static Set<String> registered() {
        return new TreeSet<>(RegisteredMeters.prometheusSeries());
    }

    private static Map<String, Set<String>> unregistered(Map<String, Set<String>> queried, Set<String> registered) {
        Map<String, Set<String>> unknown = new TreeMap<>();
        queried.forEach((where, series) -> series.stream().filter(name -> !registered.contains(name))
                .forEach(name -> unknown.computeIfAbsent(where, w -> new TreeSet<>()).add(name)));
        return unknown;
    }

    /** Whether a ServiceMonitor's matchLabels are all labels of the Service. */
    private static boolean selects(Manifest monitor, Manifest service) {
        JsonNode labels = service.document().path("metadata").path("labels");
        return monitor.document().path("spec").path("selector").path("matchLabels").properties().stream()
                .allMatch(label -> labels.path(label.getKey()).asString("").equals(label.getValue().asString()));
    }

    /** Whether an endpoint's relabelings keep the targets of the named Service (no keep on the Service name: all). */
    private static boolean kept(JsonNode endpoint, String serviceName) {
        return endpoint.path("relabelings").values().stream()
                .filter(relabeling -> relabeling.path("action").asString("replace").equals("keep"))
                .filter(relabeling -> relabeling.path("sourceLabels").values().stream()
                        .anyMatch(label -> label.asString().equals("__meta_kubernetes_service_name")))
                .allMatch(relabeling -> serviceName.matches(relabeling.path("regex").asString("(.*)")));
    }

    /** The anchors GitHub gives the sections of docs/runbook.md (## headings). */
    private static Set<String> runbookAnchors() throws IOException {
        Set<String> anchors = new TreeSet<>();
        for (String line : Files.readAllLines(Monitoring.RUNBOOK)) {
            if (line.startsWith("## ")) {
                anchors.add(anchor(line.substring(3)));
            }
        }
        return anchors;
    }

    /** GitHub's heading anchor: lower case, punctuation dropped, spaces as hyphens. */
    static String anchor(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }
}
