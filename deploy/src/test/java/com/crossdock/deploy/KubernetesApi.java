package com.crossdock.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * Checks an object against the Kubernetes API of one release, 1.32: the official Java client's models
 * (io.kubernetes:client-java-api 24.0.0) are generated from that release's OpenAPI document, and each model's
 * {@code validateJsonElement} refuses a field the API does not define, a missing required field and a value of the
 * wrong shape, down through every nested object. Custom resources (the Prometheus Operator's ServiceMonitor and
 * PrometheusRule) have no model there: they are refused here, and checked by MonitoringTest instead.
 */
final class KubernetesApi {

    static final String VERSION = "1.32";
    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    /** The custom resources of deploy/k8s, which the Kubernetes API does not describe. */
    static final Set<String> CUSTOM_KINDS = Set.of("monitoring.coreos.com/v1 ServiceMonitor",
            "monitoring.coreos.com/v1 PrometheusRule");

    private KubernetesApi() {
    }

    /** Why {@code object} is not a valid object of the API; null when it is. */
    static String problem(JsonNode object) {
        String apiVersion = object.path("apiVersion").asString("");
        String kind = object.path("kind").asString("");
        Class<?> model = model(apiVersion, kind);
        if (model == null) {
            return "no " + apiVersion + " " + kind + " in the Kubernetes " + VERSION + " API";
        }
        JsonElement json = JsonParser.parseString(object.toString());
        try {
            Method validate = model.getMethod("validateJsonElement", JsonElement.class);
            validate.invoke(null, json);
            return null;
        } catch (InvocationTargetException e) {
            return kind + " " + object.path("metadata").path("name").asString("") + ": " + e.getCause().getMessage();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code apps/v1 Deployment} -> V1Deployment, {@code autoscaling/v2 HorizontalPodAutoscaler} -> V2Horizontal... */
    private static Class<?> model(String apiVersion, String kind) {
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        if (!version.matches("v[0-9]+((alpha|beta)[0-9]+)?") || apiVersion.contains(".") && !apiVersion.contains(".k8s.io/")) {
            return null;
        }
        try {
            return Class.forName(MODELS + Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
