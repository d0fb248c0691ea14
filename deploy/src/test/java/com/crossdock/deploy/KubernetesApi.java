package com.crossdock.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * Checks an object against the Kubernetes API of the releases we support, 1.33 and 1.34: the official Java client's
 * models are generated from a release's OpenAPI document (io.kubernetes:client-java-api 24.0.0 from 1.33's, on the
 * test class path; 25.0.0 from 1.34's, copied by the pom to target/kubernetes-models/1.34 and loaded apart, child
 * first, so the two sets of the same classes do not meet), and each model's {@code validateJsonElement} refuses a
 * field the API does not define, a missing required field and a value of the wrong shape, down through every nested
 * object. Custom resources (the Prometheus Operator's ServiceMonitor and PrometheusRule) have no model there: they are
 * refused here, and checked against their CustomResourceDefinitions by {@link CustomResources}.
 */
final class KubernetesApi {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    /** The custom resources of deploy/k8s, which the Kubernetes API does not describe. */
    static final Set<String> CUSTOM_KINDS = Set.of("monitoring.coreos.com/v1 ServiceMonitor",
            "monitoring.coreos.com/v1 PrometheusRule");

    /** Kubernetes 1.33: client-java-api 24.0.0, the test class path's. */
    static final KubernetesApi V1_33 = new KubernetesApi("1.33", KubernetesApi.class.getClassLoader());
    /** Kubernetes 1.34: client-java-api 25.0.0, copied by the pom's maven-dependency-plugin. */
    static final KubernetesApi V1_34 = new KubernetesApi("1.34", isolated(Path.of("target/kubernetes-models/1.34")));
    /** The releases the manifests are checked against, oldest first. */
    static final List<KubernetesApi> SUPPORTED = List.of(V1_33, V1_34);

    private final String version;
    private final ClassLoader models;

    private KubernetesApi(String version, ClassLoader models) {
        this.version = version;
        this.models = models;
    }

    String version() {
        return version;
    }

    /** Why {@code object} is not a valid object of any of the {@link #SUPPORTED} releases' APIs; null when it is. */
    static String problem(JsonNode object) {
        List<String> problems = new ArrayList<>();
        for (KubernetesApi api : SUPPORTED) {
            String problem = api.problemIn(object);
            if (problem != null) {
                problems.add("Kubernetes " + api.version + ": " + problem);
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** Why {@code object} is not a valid object of this release's API; null when it is. */
    String problemIn(JsonNode object) {
        String apiVersion = object.path("apiVersion").asString("");
        String kind = object.path("kind").asString("");
        Class<?> model = model(apiVersion, kind);
        if (model == null) {
            return "no " + apiVersion + " " + kind + " in the Kubernetes " + version + " API";
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
    private Class<?> model(String apiVersion, String kind) {
        String apiGroupVersion = apiVersion.substring(apiVersion.indexOf('/') + 1);
        if (!apiGroupVersion.matches("v[0-9]+((alpha|beta)[0-9]+)?") || apiVersion.contains(".") && !apiVersion.contains(".k8s.io/")) {
            return null;
        }
        try {
            return Class.forName(MODELS + Character.toUpperCase(apiGroupVersion.charAt(0)) + apiGroupVersion.substring(1) + kind,
                    true, models);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The client-java-api jar of {@code directory}, its own io.kubernetes classes first; gson and the rest shared. */
    private static ClassLoader isolated(Path directory) {
        Path jar = directory.resolve("client-java-api.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: the deploy pom copies it in"
                    + " generate-test-resources (run the build with Maven, ./mvnw -pl deploy -am verify)");
        }
        try {
            return new URLClassLoader("kubernetes-" + directory.getFileName(), new URL[] {jar.toUri().toURL()},
                    KubernetesApi.class.getClassLoader()) {
                @Override
                protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                    if (!name.startsWith("io.kubernetes.client.")) {
                        return super.loadClass(name, resolve);
                    }
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> loaded = findLoadedClass(name);
                        if (loaded == null) {
                            loaded = findClass(name);
                        }
                        if (resolve) {
                            resolveClass(loaded);
                        }
                        return loaded;
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
