package com.crossdock.local;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crossdock.local.ReadmeShell.Outcome;
import com.crossdock.operator.Operator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The root README's "Try it" sections, run as written against a local stack: the bodies, header names, secret and
 * addresses are read from README.md and sent (signed as its openssl line signs), the operator's commands run
 * in-process, and what the README says happens is asserted: the row at Paqtana, the duplicate's answer, the 401 of a
 * changed byte, the BaseLinker order at Optimakers and its status back at BaseLinker, the refused order's dead
 * letter with Optimakers' answer, its replay creating it once, the change feed's row, the decoded tap, SERPI's
 * article as an event and a Paqtana row, and the suppliers' quote within the deadline, order once and invoice as stock.
 */
class ReadmeTryItTest {

    private static final Logger log = LoggerFactory.getLogger(ReadmeTryItTest.class);
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String DLT = "crossdock.order-placed.v1.order-bridge-export.dlt";
    private static final String PRODUCT = "V23076";

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theReadmesTryItCommandsDoWhatTheReadmeSays(@TempDir Path data) throws Exception {
        String readme = Files.readString(README);
        Blocks blocks = new Blocks(tryItBlocks(readme));
        // what the README promises, checked below against what the stack does
        assertThat(readme).contains("`200 {\"status\":\"accepted\",\"uuid\":\"…\"}`",
                "`200 {\"status\":\"duplicate\",\"uuid\":\"…\"}`", "`401`, as `application/problem+json`",
                "`onHandStock` 10 for `V23076` at `main`", "`VendorCallException=1`",
                "`optimakers findOrders failed (client_error): HTTP 422 …`", "onHandStock 2395");
        LocalStackSettings defaults = LocalStackSettings.fromEnvironment(Map.of());
        assertThat(operatorDefaultBootstrapServers()).as("the operator's default broker is the stack's")
                .isEqualTo("localhost:" + defaults.kafkaPort());

        try (LocalStack stack = LocalStack.start(LocalStackSettings.ephemeral(data))) {
            long begin = System.nanoTime();
            ReadmeShell shell = new ReadmeShell(hosts(defaults, stack), stack.kafkaBootstrapServers());
            LocalHttp http = new LocalHttp();
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(http.get(stack.managementUrl("ingress-webhooks") + "/actuator/health/readiness").statusCode()).isEqualTo(200));

            // one signed webhook, one row at Paqtana
            String webhook = blocks.take(b -> b.contains("\"stock-type\":\"in\""));
            Outcome accepted = last(shell.run(webhook));
            String uuid = shell.variable("uuid");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(json.readTree(accepted.body()).path("status").asString()).isEqualTo("accepted");
            assertThat(json.readTree(accepted.body()).path("uuid").asString()).isEqualTo(uuid);
            String rows = blocks.take(b -> ReadmeShell.commands(b).size() == 1 && b.contains("master_inventory"));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(onHand(last(shell.run(rows)), PRODUCT)).isEqualTo("10"));

            // the curl again: the same uuid, the same delivery
            String curl = curlOf(webhook);
            Outcome duplicate = last(shell.run(curl));
            assertThat(duplicate.status()).isEqualTo(200);
            assertThat(json.readTree(duplicate.body()).path("status").asString()).isEqualTo("duplicate");
            assertThat(json.readTree(duplicate.body()).path("uuid").asString()).isEqualTo(uuid);
            // one byte of the body changed, the signature not computed again
            String body = shell.variable("body");
            shell.set("body", body.replaceFirst("\"quantity\":10\\.0", "\"quantity\":11.0"));
            assertThat(shell.variable("body")).hasSameSizeAs(body).isNotEqualTo(body);
            Outcome tampered = last(shell.run(curl));
            assertThat(tampered.status()).isEqualTo(401);
            assertThat(tampered.contentType()).startsWith("application/problem+json");
            assertThat(tampered.body()).contains("webhook-signature-invalid");

            // an order from BaseLinker to Optimakers and back
            Outcome added = last(shell.run(blocks.take(b -> b.contains("\"sku\":\"STOL-1\""))));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            List<String> trip = ReadmeShell.commands(blocks.take(b -> b.contains("orders/fulfil")));
            assertThat(trip).hasSize(3);
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(json.readTree(last(shell.run(trip.get(0))).body()).size()).isEqualTo(1));
            JsonNode atOptimakers = json.readTree(last(shell.run(trip.get(0))).body()).get(0);
            assertThat(atOptimakers.path("statusId").asInt()).isEqualTo(1);
            assertThat(atOptimakers.path("realized").asBoolean()).isFalse();
            Outcome fulfilled = last(shell.run(trip.get(1)));
            assertThat(fulfilled.status()).as(fulfilled.body()).isEqualTo(200);
            assertThat(json.readTree(fulfilled.body()).path("status").asInt()).as(fulfilled.body()).isEqualTo(200);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                    json.readTree(last(shell.run(trip.get(2))).body()).path("order_status_id").asInt()).isEqualTo(3));
            assertThat(last(shell.run(blocks.take(b -> b.contains("historical_demand")))).status()).isEqualTo(200);

            // Optimakers refuses an order: a dead letter with the vendor's answer, replayed once the fault is gone
            Outcome refused = last(shell.run(blocks.take(b -> b.contains("faults/optimakers") && b.contains("KRZ-2"))));
            assertThat(refused.status()).as(refused.body()).isEqualTo(201);
            String look = blocks.take(b -> b.contains(" dlt list"));
            await().atMost(PATIENCE).untilAsserted(() -> {
                List<Outcome> seen = shell.run(look);
                assertThat(seen).hasSize(2).allSatisfy(o -> assertThat(o.status()).as(o.err()).isZero());
                assertThat(seen.get(0).body().lines()).anyMatch(line -> line.startsWith(DLT)
                        && line.contains("order-bridge-export") && line.contains(" 1 ") && line.contains("VendorCallException=1"));
                List<String> shown = seen.get(1).body().lines().filter(line -> !line.isBlank()).toList();
                assertThat(shown).hasSize(1);
                JsonNode dead = json.readTree(shown.get(0));
                assertThat(dead.path("failure").path("message").asString())
                        .contains("optimakers findOrders failed (client_error): HTTP 422");
                log.info("README dead letter: {}", shown.get(0));
            });
            List<String> replay = ReadmeShell.commands(blocks.take(b -> b.contains(" dlt replay")));
            assertThat(replay).hasSize(4);
            assertThat(last(shell.run(replay.get(0))).status()).isBetween(200, 204);
            Outcome dryRun = last(shell.run(replay.get(1)));
            assertThat(dryRun.status()).as(dryRun.err()).isZero();
            assertThat(dryRun.body()).contains("1 matched, 1 would be replayed to crossdock.order-placed.v1.order-bridge-export.retry");
            Outcome replayed = last(shell.run(replay.get(2)));
            assertThat(replayed.status()).as(replayed.err()).isZero();
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(json.readTree(last(shell.run(replay.get(3))).body()).size()).isEqualTo(1));

            // the change feed, on to Paqtana
            String feed = blocks.take(b -> b.contains("changes/stock"));
            List<String> feedCommands = ReadmeShell.commands(feed);
            assertThat(feedCommands).hasSize(3);
            Outcome change = last(shell.run(feedCommands.get(0)));
            assertThat(change.status()).as(change.body()).isBetween(200, 204);
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(json.readTree(last(shell.run(feedCommands.get(1))).body()).path("pending").path("stock").asInt())
                        .isZero();
                assertThat(onHand(last(shell.run(feedCommands.get(2))), "P1")).isEqualTo("2395");
            });

            // an article changed in SERPI: its ArticleUpserted (tap) and its Paqtana row, the token never used twice at once
            List<String> serpi = ReadmeShell.commands(blocks.take(b -> b.contains("serpi/_sandbox/articles/123")));
            assertThat(serpi).hasSize(5);
            assertThat(last(shell.run(serpi.get(0))).status()).isBetween(200, 204);
            assertThat(last(shell.run(serpi.get(1))).status()).isBetween(200, 204);
            await().atMost(PATIENCE).untilAsserted(() -> {
                Outcome tapped = last(shell.run(serpi.get(2)));
                assertThat(tapped.status()).as(tapped.err()).isZero();
                assertThat(tapped.body().lines().filter(line -> !line.isBlank()).map(json::readTree))
                        .anySatisfy(event -> {
                            assertThat(event.path("key").asString()).isEqualTo("123");
                            JsonNode value = event.path("value");
                            assertThat(value.path("envelope").path("sourceSystem").asString()).isEqualTo("SERPI");
                            assertThat(value.path("code").asString()).isEqualTo("123");
                            assertThat(value.path("description").asString()).isEqualTo("ARTICULO1");
                            assertThat(value.path("unitOfMeasure").asString()).isEqualTo("UN");
                        });
            });
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(onHand(last(shell.run(serpi.get(3))), "123", "serpi-bodega-1")).isEqualTo("42"));
            assertThat(json.readTree(last(shell.run(serpi.get(4))).body()).path("concurrentRefused").asInt()).isZero();

            // suppliers: a quote within the deadline with one slow and one failing, an order once, an invoice as stock
            List<String> suppliers = ReadmeShell.commands(blocks.take(b -> b.contains("faults/suppliers/elit")));
            assertThat(suppliers).hasSize(9);
            String quote = suppliers.get(2);
            // the stack's first quotes log in and open connections: the demo starts once every supplier answers
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(statuses(last(shell.run(quote))).values())
                    .containsOnly("ok"));
            assertThat(last(shell.run(suppliers.get(0))).status()).isBetween(200, 204);
            assertThat(last(shell.run(suppliers.get(1))).status()).isBetween(200, 204);
            long asked = System.nanoTime();
            Outcome quoted = last(shell.run(quote));
            long tookMs = Duration.ofNanos(System.nanoTime() - asked).toMillis();
            JsonNode answer = json.readTree(quoted.body());
            // the deadline (2 s) and a generous margin for a loaded machine, well short of Elit's 10 s
            assertThat(tookMs).as("the quote waited for the deadline, not for Elit").isLessThan(
                    answer.path("deadlineMs").asLong() + 4_000);
            // a breaker that opened on the cold start's slow answers cuts its supplier off sooner still
            Map<String, String> statuses = statuses(quoted);
            assertThat(statuses).containsEntry("busmarket", "ok").containsEntry("vesna", "ok");
            assertThat(statuses.get("elit")).isIn("timeout", "breaker-open");
            assertThat(statuses.get("omega")).isIn("error", "breaker-open");
            assertThat(answer.path("offers").get(0).path("supplier").asString()).isEqualTo("busmarket");
            assertThat(offer(answer, "vesna").path("price").path("currency").asString()).isEqualTo("EUR");
            assertThat(last(shell.run(suppliers.get(3))).status()).isBetween(200, 204);
            Outcome ordered = last(shell.run(suppliers.get(4)));
            Outcome repeated = last(shell.run(suppliers.get(5)));
            assertThat(ordered.status()).as(ordered.body()).isEqualTo(201);
            assertThat(ordered.header("Idempotent-Replayed")).isEqualTo("false");
            assertThat(repeated.status()).as(repeated.body()).isEqualTo(201);
            assertThat(repeated.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(repeated.body()).isEqualTo(ordered.body());
            assertThat(json.readTree(last(shell.run(suppliers.get(6))).body()).size()).isEqualTo(1);
            Outcome issued = last(shell.run(suppliers.get(7)));
            assertThat(issued.status()).as(issued.body()).isEqualTo(200);
            await().atMost(PATIENCE).untilAsserted(() -> {
                Outcome inventory = last(shell.run(suppliers.get(8)));
                assertThat(onHand(inventory, "OC90", "main")).as(() -> "rows " + inventory.body() + "\ngateway's poll: "
                        + pollerMeters(http, stack.supplierGatewayUrl())).isEqualTo("4");
            });

            // any topic as JSON, decoded through the registry
            Outcome tap = last(shell.run(blocks.take(b -> b.contains(" tap "))));
            assertThat(tap.status()).as(tap.err()).isZero();
            List<JsonNode> events = tap.body().lines().filter(line -> !line.isBlank()).map(json::readTree).toList();
            assertThat(events).isNotEmpty().allSatisfy(event -> assertThat(event.has("valueBase64")).isFalse());
            assertThat(events).anySatisfy(event -> assertThat(event.path("value").toString()).contains(PRODUCT));

            assertThat(blocks.untaken()).as("README blocks this test does not run").isEmpty();
            log.info("README's Try it run in {} ms", (System.nanoTime() - begin) / 1_000_000);
        }
    }

    /** The bash blocks of the "Try it" sections, in order. */
    private static List<String> tryItBlocks(String readme) {
        int start = readme.indexOf("## Try it");
        int end = readme.indexOf("\n## ", readme.lastIndexOf("## Try it"));
        assertThat(start).as("README's Try it").isNotNegative();
        List<String> blocks = new ArrayList<>();
        Matcher matcher = BASH_BLOCK.matcher(readme.substring(start, end));
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    /** The README's {@code localhost:<default port>} to the ports the test's stack chose. */
    private static Map<String, String> hosts(LocalStackSettings defaults, LocalStack stack) {
        Map<String, String> hosts = new LinkedHashMap<>();
        hosts.put("localhost:" + defaults.ingressPort(), withoutScheme(stack.ingressUrl()));
        hosts.put("localhost:" + defaults.sandboxPort(), withoutScheme(stack.sandboxUrl()));
        hosts.put("localhost:" + defaults.registryPort(), withoutScheme(stack.registryUrl()));
        hosts.put("localhost:" + defaults.supplierGatewayPort(), withoutScheme(stack.supplierGatewayUrl()));
        return hosts;
    }

    private static String withoutScheme(String url) {
        return url.substring(url.indexOf("://") + 3);
    }

    private static String curlOf(String block) {
        List<String> curls = ReadmeShell.commands(block).stream().filter(c -> c.startsWith("curl ")).toList();
        assertThat(curls).hasSize(1);
        return curls.get(0);
    }

    private static Outcome last(List<Outcome> outcomes) {
        assertThat(outcomes).isNotEmpty();
        return outcomes.get(outcomes.size() - 1);
    }

    /** The onHandStock of the product's row at {@code main}, plainly written; null when it has no row there. */
    private String onHand(Outcome rows, String product) {
        return onHand(rows, product, "main");
    }

    /** The onHandStock of the product's row at {@code location}, plainly written; null when it has no row there. */
    private String onHand(Outcome rows, String product, String location) {
        assertThat(rows.status()).isEqualTo(200);
        for (JsonNode row : json.readTree(rows.body()).path("rows")) {
            if (row.path("code").asString().equals(product) && row.path("location").asString().equals(location)) {
                return row.path("onHandStock").decimalValue().stripTrailingZeros().toPlainString();
            }
        }
        return null;
    }

    /** The gateway's poller meters, to say where an invoice stopped when it did not become stock. */
    private static String pollerMeters(LocalHttp http, String gateway) {
        try {
            return http.get(gateway + "/actuator/prometheus").body().lines()
                    .filter(line -> line.startsWith("crossdock_poller") || line.startsWith("crossdock_vendor_requests"))
                    .filter(line -> line.contains("busmarket")).toList().toString();
        } catch (Exception unavailable) {
            return String.valueOf(unavailable);
        }
    }

    /** Each supplier's status in a quote. */
    private Map<String, String> statuses(Outcome quote) {
        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        Map<String, String> statuses = new LinkedHashMap<>();
        json.readTree(quote.body()).path("offers").forEach(offer ->
                statuses.put(offer.path("supplier").asString(), offer.path("status").asString()));
        return statuses;
    }

    private static JsonNode offer(JsonNode quote, String supplier) {
        for (JsonNode offer : quote.path("offers")) {
            if (offer.path("supplier").asString().equals(supplier)) {
                return offer;
            }
        }
        throw new AssertionError("no offer of " + supplier + " in " + quote);
    }

    /** {@code --bootstrap-servers}' fallback as written in the operator, whatever this JVM's environment says. */
    private static String operatorDefaultBootstrapServers() {
        CommandLine root = Operator.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        root.setInterpolateVariables(false);
        String written = root.getSubcommands().get("dlt").getSubcommands().get("list").getCommandSpec()
                .findOption("--bootstrap-servers").defaultValue();
        return written.substring(written.indexOf(":-") + 2, written.lastIndexOf('}'));
    }

    /** The README's blocks, each taken once by what it contains. */
    private static final class Blocks {
        private final List<String> left;

        Blocks(List<String> blocks) {
            this.left = new ArrayList<>(blocks);
        }

        String take(Predicate<String> which) {
            List<String> matching = left.stream().filter(which).toList();
            assertThat(matching).as("one README block").hasSize(1);
            left.remove(matching.get(0));
            return matching.get(0);
        }

        List<String> untaken() {
            return left;
        }
    }
}
