package com.crossdock.operator;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
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
