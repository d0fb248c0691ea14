package com.crossdock.operator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator finds the cluster from the very variables that configure the services. */
class ConnectionOptionsTest {

    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:([A-Z0-9_]+)");

    @Test
    void readsTheBrokerFromTheVariableOfTheServicesBootstrapServers() {
        String variable = environmentVariableOf("--bootstrap-servers");

        assertThat(variable).isEqualTo(ConnectionOptions.BOOTSTRAP_SERVERS_ENV);
        assertThat(boundBySpring(variable, "spring.kafka.bootstrap-servers")).isTrue();
    }

    @Test
    void readsTheRegistryFromTheVariableOfTheServicesSchemaRegistryUrl() {
        String variable = environmentVariableOf("--registry-url");

        assertThat(variable).isEqualTo(ConnectionOptions.REGISTRY_URL_ENV);
        assertThat(boundBySpring(variable, "spring.kafka.properties.schema.registry.url")).isTrue();
    }

    @Test
    void readsTheCommandConfigFileFromItsDocumentedVariable() {
        assertThat(environmentVariableOf("--command-config")).isEqualTo("CROSSDOCK_OPERATOR_COMMAND_CONFIG")
                .isEqualTo(ConnectionOptions.COMMAND_CONFIG_ENV);
    }

    @Test
    void takesTheRegistrysCredentialsFromTheServicesVariablesUnderTheCommandConfigFile(@TempDir Path directory)
            throws IOException {
        Map<String, String> environment = Map.of(
                "SPRING_KAFKA_PROPERTIES_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO",
                "SPRING_KAFKA_PROPERTIES_BASIC_AUTH_USER_INFO", "from-env:secret",
                "SPRING_KAFKA_PROPERTIES_BEARER_AUTH_TOKEN", "token-from-env",
                // not the registry's credentials: a service's own settings, never the operator's
                "SPRING_KAFKA_PROPERTIES_AUTO_REGISTER_SCHEMAS", "false",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "from-env");
        Path file = Files.writeString(directory.resolve("client.properties"), "basic.auth.user.info=from-file:secret\n");

        // every variable is the one a service binds to spring.kafka.properties.<the key the operator takes>
        ClientConfig.REGISTRY_CREDENTIAL_VARIABLES.forEach(variable -> {
            String key = ClientConfig.read(null, Map.of(variable, "v")).settings().keySet().iterator().next();
            assertThat(boundBySpring(variable, "spring.kafka.properties." + key)).as(variable).isTrue();
        });
        assertThat(ClientConfig.read(null, environment).settings()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "from-env:secret",
                "bearer.auth.token", "token-from-env"));
        // the file wins over the environment
        assertThat(ClientConfig.read(file, environment).settings())
                .containsEntry("basic.auth.user.info", "from-file:secret").containsEntry("basic.auth.credentials.source", "USER_INFO");
        assertThat(ClientConfig.read(null, Map.of()).settings()).isEmpty();
    }

    /** The variable named in the option's default of every command that has the option: one name for all. */
    private static String environmentVariableOf(String option) {
        CommandLine root = Operator.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        // the defaults as written (${env:NAME:-fallback}), not as this JVM's environment resolves them
        root.setInterpolateVariables(false);
        Set<String> variables = new TreeSet<>();
        collect(root, option, variables);
        assertThat(variables).as("variables behind %s", option).hasSize(1);
        return variables.iterator().next();
    }

    private static void collect(CommandLine command, String option, Set<String> variables) {
        CommandLine.Model.OptionSpec spec = command.getCommandSpec().findOption(option);
        if (spec != null && spec.defaultValue() != null) {
            Matcher matcher = ENV_DEFAULT.matcher(spec.defaultValue());
            if (matcher.find()) {
                variables.add(matcher.group(1));
            }
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, option, variables));
    }

    /** Whether a Spring service given this environment variable binds it to {@code property}. */
    private static boolean boundBySpring(String variable, String property) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource("env", Map.of(variable, "probe-value")));
        return new Binder(ConfigurationPropertySources.from(sources)).bind(property, String.class)
                .map("probe-value"::equals).orElse(false);
    }
}
