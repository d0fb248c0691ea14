package com.crossdock.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import com.crossdock.deploy.KubernetesManifests.Container;
import com.crossdock.ingress.optimakers.OptimakersWebhookProperties;
import com.crossdock.ingress.prodsmart.ProdsmartWebhookProperties;
import com.crossdock.platform.config.Secret;
import com.crossdock.platform.vendor.VendorsProperties;
import com.crossdock.platform.web.AdminProperties;
import com.crossdock.suppliers.GatewayProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.ConfigTreePropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service reads its credentials as files: its pod mounts the keys of the Secret it needs, each as a file named
 * after a property of the service, in the directory its {@code <service>.yml} imports as Spring's config tree; and a
 * file laid out there as the kubelet lays out a secret volume binds to that property's {@code Secret}, through the
 * service's own properties record. (Not a Spring Boot start per service: the import's directory is read from each
 * yml, and the config tree is built as Spring's {@code configtree:} import builds it.)
 */
class ConfigTreeSecretsTest {

    /** The Spring services of the base, each a module whose image a workload runs. */
    private static final Set<String> SERVICES = Set.of("ingress-webhooks", "paqtana-publisher", "prodsmart-poller",
            "serpi-sync", "supplier-gateway", "order-bridge");
    private static final String IMPORT = "spring.config.import";
    private static final String CONFIG_TREE = "optional:configtree:";

    /** Every credential a service reads from a file, as its record binds it. */
    private static final Map<String, Function<Binder, Secret>> CREDENTIALS = Map.ofEntries(
            Map.entry("crossdock.ingress.optimakers.token",
                    binder -> bind(binder, OptimakersWebhookProperties.class).token()),
            Map.entry("crossdock.vendors.baselinker.auth.headers.token.value",
                    binder -> bind(binder, VendorsProperties.class).forVendor("baselinker").auth().headers().get("token")
                            .value()),
            Map.entry("crossdock.vendors.optimakers.auth.headers.apikey.value",
                    binder -> bind(binder, VendorsProperties.class).forVendor("optimakers").auth().headers().get("apikey")
                            .value()),
            Map.entry("crossdock.ingress.prodsmart.webhook-secret",
                    binder -> bind(binder, ProdsmartWebhookProperties.class).webhookSecret()),
            Map.entry("crossdock.vendors.paqtana.auth.token",
                    binder -> bind(binder, VendorsProperties.class).forVendor("paqtana").auth().token()),
            Map.entry("crossdock.vendors.prodsmart.auth.key",
                    binder -> bind(binder, VendorsProperties.class).forVendor("prodsmart").auth().key()),
            Map.entry("crossdock.vendors.prodsmart.auth.secret",
                    binder -> bind(binder, VendorsProperties.class).forVendor("prodsmart").auth().secret()),
            Map.entry("crossdock.vendors.serpi.auth.headers.authorization.value",
                    binder -> bind(binder, VendorsProperties.class).forVendor("serpi").auth().headers().get("authorization")
                            .value()),
            Map.entry("crossdock.vendors.serpi.auth.headers.secretkey.value",
                    binder -> bind(binder, VendorsProperties.class).forVendor("serpi").auth().headers().get("secretkey")
                            .value()),
            Map.entry("crossdock.admin.token", binder -> bind(binder, AdminProperties.class).token()),
            Map.entry("crossdock.suppliers.accounts.omega.key",
                    binder -> bind(binder, GatewayProperties.class).accounts().get("omega").key()),
            vendorKey("elit"), vendorSecret("elit"), vendorHeader("busmarket"), vendorKey("uniquetrade"),
            vendorSecret("uniquetrade"), vendorHeader("vesna"), vendorKey("intercars"), vendorSecret("intercars"));

    private static Map.Entry<String, Function<Binder, Secret>> vendorKey(String vendor) {
        return Map.entry("crossdock.vendors." + vendor + ".auth.key",
                binder -> bind(binder, VendorsProperties.class).forVendor(vendor).auth().key());
    }

    private static Map.Entry<String, Function<Binder, Secret>> vendorSecret(String vendor) {
        return Map.entry("crossdock.vendors." + vendor + ".auth.secret",
                binder -> bind(binder, VendorsProperties.class).forVendor(vendor).auth().secret());
    }

    private static Map.Entry<String, Function<Binder, Secret>> vendorHeader(String vendor) {
        return Map.entry("crossdock.vendors." + vendor + ".auth.headers.authorization.value",
                binder -> bind(binder, VendorsProperties.class).forVendor(vendor).auth().headers().get("authorization")
                        .value());
    }

    @Test
    void everyServiceOfTheBaseIsChecked() {
        Set<String> modules = new TreeSet<>();
        for (Container container : KubernetesManifests.containers()) {
            String module = DeployedVariables.crossdockModule(container.spec().path("image").asString(""));
            if (module != null && container.workload().file().startsWith(DeployFiles.kubernetesDirectory().resolve("base"))) {
                modules.add(module);
            }
        }
        assertThat(modules).isEqualTo(SERVICES);
    }

    @Test
    void everyServiceMountsItsCredentialsWhereItsYmlImportsTheConfigTree() {
        assertThat(serviceContainers()).hasSameSizeAs(SERVICES).allSatisfy(container -> {
            String module = module(container);
            String directory = mountedSecrets(container).mount().path("mountPath").asString();

            assertThat(importedLocations(module)).as("%s of %s.yml", IMPORT, module)
                    .contains(CONFIG_TREE + directory + "/");
            assertThat(mountedSecrets(container).mount().path("readOnly").asBoolean(false))
                    .as("read-only secrets in %s", container).isTrue();
            // a file, not a variable: the credential shows in no env of the pod spec or of the process
            assertThat(KubernetesManifests.findAll(container.spec(), "secretKeyRef")).as("secretKeyRef in %s", container)
                    .isEmpty();
        });
    }

    @Test
    void everyMountedFileIsNamedAfterAPropertyOfItsService() {
        assertThat(serviceContainers()).allSatisfy(container -> {
            ConfigurationKeys keys = ConfigurationKeys.of(ReactorModules.runtimeClosure(module(container)));
            assertThat(mountedSecrets(container).files().keySet()).as("files of %s", container).isNotEmpty()
                    .allSatisfy(property -> {
                        assertThat(keys.binds(relaxedVariable(property))).as("%s a property of %s", property, container)
                                .isTrue();
                        assertThat(CREDENTIALS).as("credentials this test binds").containsKey(property);
                    });
        });
    }

    @Test
    void aFileOfTheMountedSecretBindsToTheServicesCredential(@TempDir Path volumes) throws IOException {
        for (Container container : serviceContainers()) {
            String module = module(container);
            Map<String, String> files = mountedSecrets(container).files();
            Path mount = secretVolumeAsTheKubeletWritesIt(volumes.resolve(module), files);

            MutablePropertySources sources = new MutablePropertySources();
            // what Spring's configtree: import adds (ConfigTreeConfigDataLoader), before the service's own yml
            sources.addLast(new ConfigTreePropertySource("configtree", mount,
                    ConfigTreePropertySource.Option.AUTO_TRIM_TRAILING_NEW_LINE));
            serviceYml(module).forEach(sources::addLast);
            Binder binder = new Binder(ConfigurationPropertySources.from(sources));

            assertThat(CREDENTIALS).as("credentials this test binds").containsKeys(files.keySet().toArray(String[]::new));
            files.forEach((property, key) -> assertThat(CREDENTIALS.get(property).apply(binder).reveal())
                    .as("%s from the file of key %s in %s", property, key, container)
                    .isEqualTo(valueOf(key)));
        }
    }

    @Test
    void theServicesYmlWithoutAMountedFileBindsNoCredential() throws IOException {
        // the yml commits no credential: what the test above reads comes from the files
        for (String module : SERVICES) {
            MutablePropertySources sources = new MutablePropertySources();
            serviceYml(module).forEach(sources::addLast);
            Binder binder = new Binder(ConfigurationPropertySources.from(sources));
            CREDENTIALS.keySet().forEach(property ->
                    assertThat(binder.bind(property, String.class).isBound()).as("%s in %s.yml", property, module)
                            .isFalse());
        }
    }

    /** A secret volume's mount in a container and its files: the property each file is named after -> its key. */
    private record MountedSecrets(JsonNode mount, Map<String, String> files) {
    }

    private static MountedSecrets mountedSecrets(Container container) {
        JsonNode pod = KubernetesManifests.podSpec(container.workload());
        List<JsonNode> volumes = pod.path("volumes").values().stream()
                .filter(volume -> volume.path("secret").path("secretName").asString("").equals(KubernetesSecrets.NAME))
                .toList();
        assertThat(volumes).as("volumes of %s in %s", KubernetesSecrets.NAME, container.workload()).hasSize(1);
        JsonNode volume = volumes.get(0);
        JsonNode mount = container.spec().path("volumeMounts").values().stream()
                .filter(m -> m.path("name").asString().equals(volume.path("name").asString()))
                .findFirst().orElseThrow(() -> new AssertionError(container + " mounts no " + KubernetesSecrets.NAME));
        Map<String, String> files = new TreeMap<>();
        volume.path("secret").path("items").values()
                .forEach(item -> files.put(item.path("path").asString(), item.path("key").asString()));
        return new MountedSecrets(mount, files);
    }

    /**
     * A secret volume as the kubelet writes it: the files in a timestamped hidden directory, {@code ..data} linking
     * to it, and each file a link through {@code ..data} (so a rotated Secret swaps one link). Each file's content
     * ends with a newline, as one created with {@code --from-file} from an editor's file does.
     */
    private static Path secretVolumeAsTheKubeletWritesIt(Path mount, Map<String, String> files) throws IOException {
        Path timestamped = Files.createDirectories(mount.resolve("..2026_12_01_21_00_00.000000001"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(timestamped.resolve(file.getKey()), valueOf(file.getValue()) + "\n");
        }
        Files.createSymbolicLink(mount.resolve("..data"), timestamped.getFileName());
        for (String name : files.keySet()) {
            Files.createSymbolicLink(mount.resolve(name), Path.of("..data", name));
        }
        return mount;
    }

    private static String valueOf(String key) {
        return "value-of-" + key;
    }

    private static List<Container> serviceContainers() {
        return KubernetesManifests.serviceContainers().stream()
                .filter(container -> SERVICES.contains(module(container)))
                .toList();
    }

    private static String module(Container container) {
        return DeployedVariables.crossdockModule(container.spec().path("image").asString(""));
    }

    /** The module's {@code <module>.yml} from its jar on the class path: the file the image runs with. */
    private static List<PropertySource<?>> serviceYml(String module) throws IOException {
        return new YamlPropertySourceLoader().load(module + ".yml", new ClassPathResource(module + ".yml"));
    }

    private static List<String> importedLocations(String module) {
        try {
            return serviceYml(module).stream().map(source -> source.getProperty(IMPORT))
                    .filter(Objects::nonNull)
                    .flatMap(value -> List.of(value.toString().split(",")).stream())
                    .map(String::strip)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code crossdock.ingress.prodsmart.webhook-secret} -> {@code CROSSDOCK_INGRESS_PRODSMART_WEBHOOKSECRET}. */
    private static String relaxedVariable(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static <T> T bind(Binder binder, Class<T> record) {
        String prefix = record.getAnnotation(ConfigurationProperties.class).value();
        return binder.bind(prefix, record).get();
    }
}
