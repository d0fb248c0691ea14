package com.crossdock.operator;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.OrderFulfilled;
import com.crossdock.events.OrderPlaced;
import com.crossdock.events.ProductionOrderChanged;
import com.crossdock.events.StockChanged;
import com.crossdock.events.SupplierInvoiceReceived;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.serde.RestSchemaRegistryClient;
import com.crossdock.platform.serde.SchemaRegistryClient.RegisteredSchema;
import com.crossdock.platform.serde.SchemaRegistryException;
import org.apache.avro.Schema;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code operator schemas register}: the deploy step of schema governance (deploy/k8s/jobs/schemas-job.yaml). The
 * production services run with {@code auto.register.schemas=false} and {@code use.latest.version=true}, so they write
 * only with a schema the registry already holds as a subject's latest version; this command puts it there. For each
 * canonical topic it sets the subject's compatibility to BACKWARD_TRANSITIVE, the rule of the build's gate
 * (schemas/README.md, {@code SchemaCompatibilityGateTest}), then registers the event's schema (the .avsc of the schemas
 * module, as compiled into the generated class) under Confluent's TopicNameStrategy subject {@code <topic>-value}. The
 * registry then refuses what the gate would: a schema that cannot read every earlier version is exit code 2.
 * Running it again changes nothing (registering a schema the subject holds answers its id).
 */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = "Set BACKWARD_TRANSITIVE and register every canonical event's schema as <topic>-value.")
final class SchemasRegisterCommand implements Callable<Integer> {

    static final String COMPATIBILITY = "BACKWARD_TRANSITIVE";

    /** Every canonical topic and the schema its events are written with (TopicDeclarations.canonical()). */
    static final Map<String, Schema> SCHEMAS = Map.of(
            Topics.STOCK_CHANGED, StockChanged.getClassSchema(),
            Topics.PRODUCTION_ORDER_CHANGED, ProductionOrderChanged.getClassSchema(),
            Topics.ORDER_PLACED, OrderPlaced.getClassSchema(),
            Topics.ARTICLE_UPSERTED, ArticleUpserted.getClassSchema(),
            Topics.ORDER_FULFILLED, OrderFulfilled.getClassSchema(),
            Topics.SUPPLIER_INVOICE_RECEIVED, SupplierInvoiceReceived.getClassSchema());

    @Option(names = "--dry-run", description = "Only list the subjects and schemas it would register")
    boolean dryRun;

    @Mixin
    ConnectionOptions connection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (connection.registryUrl == null || connection.registryUrl.isBlank()) {
            throw new OperatorException(ExitCodes.USAGE, "no --registry-url given (env " + ConnectionOptions.REGISTRY_URL_ENV + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        RestSchemaRegistryClient registry = ValueDecoder.client(connection.registryUrl, connection.clientConfig());
        for (Map.Entry<String, Schema> each : new java.util.TreeMap<>(SCHEMAS).entrySet()) {
            String subject = each.getKey() + "-value";
            if (dryRun) {
                out.printf("%s: would set %s and register %s%n", subject, COMPATIBILITY, each.getValue().getFullName());
                continue;
            }
            try {
                registry.setCompatibility(subject, COMPATIBILITY);
                int id = registry.register(subject, each.getValue());
                RegisteredSchema latest = registry.latest(subject);
                out.printf("%s: %s id %d version %d, compatibility %s%n", subject, each.getValue().getFullName(), id,
                        latest.version(), COMPATIBILITY);
            } catch (SchemaRegistryException e) {
                throw failure(subject, e);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static OperatorException failure(String subject, SchemaRegistryException e) {
        if (e.status() == 0 || e.status() >= 500) {
            return new OperatorException(ExitCodes.UNREACHABLE, e.getMessage());
        }
        // 409: the schema breaks BACKWARD_TRANSITIVE against what the registry holds; 401/403/422: fix and rerun
        return new OperatorException(ExitCodes.USAGE, subject + ": " + e.getMessage());
    }
}
