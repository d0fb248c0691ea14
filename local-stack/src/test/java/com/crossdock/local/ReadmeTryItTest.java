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
 * letter with Optimakers' answer, its replay creating it once, the change feed's row, the decoded tap.
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
        assertThat(rows.status()).isEqualTo(200);
        for (JsonNode row : json.readTree(rows.body()).path("rows")) {
            if (row.path("code").asString().equals(product) && row.path("location").asString().equals("main")) {
                return row.path("onHandStock").decimalValue().stripTrailingZeros().toPlainString();
            }
        }
        return null;
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
