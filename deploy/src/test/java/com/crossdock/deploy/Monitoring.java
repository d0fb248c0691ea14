package com.crossdock.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The monitoring files: the Kustomize component's ServiceMonitors and PrometheusRule, and the Grafana dashboard. */
final class Monitoring {

    static final Path COMPONENT = DeployFiles.kubernetesDirectory().resolve("components/monitoring");
    static final Path RULES = COMPONENT.resolve("prometheusrule.yaml");
    static final Path SERVICE_MONITORS = COMPONENT.resolve("servicemonitors.yaml");
    static final Path DASHBOARD = DeployFiles.repositoryRoot().resolve("deploy/grafana/dashboards/crossdock.json");
    static final Path RUNBOOK = DeployFiles.repositoryRoot().resolve("docs/runbook.md");

    /** One alerting rule of a PrometheusRule. */
    record Alert(String name, String expression, JsonNode rule) {

        String annotation(String key) {
            return rule.path("annotations").path(key).asString("");
        }

        String label(String key) {
            return rule.path("labels").path(key).asString("");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A PromQL expression of the dashboard and the title of its panel. */
    record PanelQuery(String panel, String expression) {
    }

    private Monitoring() {
    }

    /** Every alerting rule of the PrometheusRule documents of a file. */
    static List<Alert> alerts(Path file) {
        List<Alert> alerts = new ArrayList<>();
        for (JsonNode document : DeployFiles.yamlDocuments(file)) {
            for (JsonNode group : document.path("spec").path("groups").values()) {
                for (JsonNode rule : group.path("rules").values()) {
                    if (rule.has("alert")) {
                        alerts.add(new Alert(rule.path("alert").asString(), rule.path("expr").asString(), rule));
                    }
                }
            }
        }
        return alerts;
    }

    static List<Alert> alerts() {
        return alerts(RULES);
    }

    /** Every target expression of every panel, rows' nested panels included. */
    static List<PanelQuery> dashboardQueries() {
        JsonNode dashboard = JsonMapper.builder().build().readTree(DASHBOARD.toFile());
        List<PanelQuery> queries = new ArrayList<>();
        collectQueries(dashboard.path("panels"), queries);
        return queries;
    }

    private static void collectQueries(JsonNode panels, List<PanelQuery> queries) {
        for (JsonNode panel : panels.values()) {
            panel.path("targets").values().forEach(target ->
                    queries.add(new PanelQuery(panel.path("title").asString(), target.path("expr").asString(""))));
            collectQueries(panel.path("panels"), queries);
        }
    }

    /** The dashboard JSON itself. */
    static JsonNode dashboard() {
        return JsonMapper.builder().build().readTree(DASHBOARD.toFile());
    }
}
