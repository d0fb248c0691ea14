package com.crossdock.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.crossdock.deploy.KubernetesManifests.Container;
import tools.jackson.databind.JsonNode;

/**
 * Every environment variable the deployment files give one of Crossdock's own programs, with the Maven module that
 * program is: the services built in docker-compose.yml (their {@code environment} and the ENV of the Dockerfile they
 * are built from), and the containers of deploy/k8s whose image is {@code crossdock/<module>} (their {@code env}
 * and the keys of the ConfigMaps they take with {@code envFrom}).
 */
final class DeployedVariables {

    /** A variable, the module that reads it, and where it is set (for the message). */
    record Variable(String module, String name, String where) {
        @Override
        public String toString() {
            return name + " (" + module + ", " + where + ")";
        }
    }

    private DeployedVariables() {
    }

    /** The variables of the compose file's built services; contexts and Dockerfiles resolve from the repository root. */
    static List<Variable> ofCompose(Path composeFile) {
        List<Variable> variables = new ArrayList<>();
        String file = DeployFiles.repositoryRoot().relativize(composeFile.toAbsolutePath()).toString();
        DeployFiles.yaml(composeFile).path("services").properties().forEach(service -> {
            JsonNode build = service.getValue().path("build");
            if (build.isMissingNode()) {
                return;  // an image of someone else's (Kafka, the registry): not Crossdock's settings
            }
            Path context = DeployFiles.repositoryRoot().resolve(build.path("context").asString(".")).normalize();
            Map<String, String> args = new TreeMap<>();
            build.path("args").properties().forEach(arg -> args.put(arg.getKey(), arg.getValue().asString()));
            String module = args.getOrDefault("MODULE", context.getFileName().toString());
            String where = file + " services." + service.getKey();
            DeployFiles.environment(service.getValue()).keySet()
                    .forEach(name -> variables.add(new Variable(module, name, where + ".environment")));
            Path dockerfile = context.resolve(build.path("dockerfile").asString("Dockerfile")).normalize();
            if (Files.isRegularFile(dockerfile)) {
                for (String env : Dockerfile.read(dockerfile).withBuildArgs(args).all("ENV")) {
                    for (String pair : env.split("\\s+")) {
                        variables.add(new Variable(module, pair.split("=", 2)[0],
                                DeployFiles.repositoryRoot().relativize(dockerfile) + " ENV (built for " + where + ")"));
                    }
                }
            }
        });
        return variables;
    }

    /** The variables of every container under deploy/k8s that runs a Crossdock image. */
    static List<Variable> ofKubernetes() {
        Map<String, Set<String>> configMaps = KubernetesManifests.configMapKeys();
        List<Variable> variables = new ArrayList<>();
        for (Container container : KubernetesManifests.containers()) {
            String module = crossdockModule(container.spec().path("image").asString(""));
            if (module == null) {
                continue;
            }
            container.spec().path("env").values().forEach(env ->
                    variables.add(new Variable(module, env.path("name").asString(), container + " env")));
            for (JsonNode source : container.spec().path("envFrom").values()) {
                if (!source.has("configMapRef") || source.has("prefix")) {
                    throw new IllegalStateException(container + ": envFrom " + source
                            + " is not a plain configMapRef; these checks know no other source");
                }
                String configMap = source.path("configMapRef").path("name").asString();
                configMaps.getOrDefault(configMap, Set.of()).forEach(name ->
                        variables.add(new Variable(module, name, container + " envFrom ConfigMap " + configMap)));
            }
        }
        return variables;
    }

    /** {@code crossdock/ingress-webhooks:0.1.0}, {@code registry.example.com/crossdock/operator:0.1.0} -> the module. */
    static String crossdockModule(String image) {
        String repository = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int tag = repository.lastIndexOf(':');
        if (tag > repository.lastIndexOf('/')) {
            repository = repository.substring(0, tag);
        }
        String[] path = repository.split("/");
        return path.length >= 2 && path[path.length - 2].equals("crossdock") ? path[path.length - 1] : null;
    }
}
