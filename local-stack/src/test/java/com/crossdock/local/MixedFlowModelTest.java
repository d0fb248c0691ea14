package com.crossdock.local;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9's "done when": webhook movements, change-feed stock levels, a production order and a reconciliation for
 * the same products, all through the local stack (real broker, registry, sandboxes, services), and Paqtana's rows
 * compared with a model of the rules: one row per product at the one stock-keeping location (bins and sites never
 * split it); a level replaces, as of its own time; a movement counts once, and only when dated after the latest
 * level of its item (late webhooks, the poller and the webhook racing); transit is what open orders still make.
 */
class MixedFlowModelTest {

    private static final Logger log = LoggerFactory.getLogger(MixedFlowModelTest.class);
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** crossdock.prodsmart.location is empty in the local stack: the publisher's default location. */
    private static final String LOCATION = "main";

    private final LocalHttp http = new LocalHttp();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Model model = new Model();

    @Test
    void paqtanaHoldsWhatTheModelSaysForAMixOfWebhooksFeedAndReconciliation(@TempDir Path data) throws Exception {
        String prefix = "MX-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        String a = prefix + "A";
        String b = prefix + "B";
        String c = prefix + "C";
        try (LocalStack stack = LocalStack.start(LocalStackSettings.ephemeral(data))) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                    http.get(stack.managementUrl("ingress-webhooks") + "/actuator/health/readiness").statusCode()).isEqualTo(200));
            String prodsmart = stack.sandboxUrl() + "/prodsmart/_sandbox/changes/";

            // master data through the feed, with the reorder quantities the document gives a product
            accepted(http.postJson(prodsmart + "products", """
                    [{"code":"%s","name":"A","min-quantity-reorder":250,"quantity-multiple":12.5},
                     {"code":"%s","name":"B"},{"code":"%s","name":"C"}]""".formatted(a, b, c)));
            // A's total through the STOCK feed (no location: Prodsmart's totals name none)
            accepted(http.postJson(prodsmart + "stock", "[{\"product-code\":\"%s\",\"stock\":100}]".formatted(a)));
            awaitOnHand(stack, a, "100");
            Instant levelSeen = Instant.now();
            model.level(a, "100", levelSeen);

            // webhooks: A +10 now, at another bin; A -5 dated an hour before the level (a late spooled webhook)
            movement(stack, a, "10", "in", levelSeen.plusSeconds(1), "B-07");
            movement(stack, a, "5", "out", levelSeen.minus(Duration.ofHours(1)), "A-01");
            // B: only movements so far, at two bins; C: one movement at a bin and an open order at a site
            movement(stack, b, "7", "in", levelSeen.plusSeconds(1), "A-01");
            movement(stack, b, "2", "out", levelSeen.plusSeconds(2), "Z-09");
            movement(stack, c, "3", "in", levelSeen.plusSeconds(1), "Z-09");
            accepted(http.postJson(prodsmart + "production-orders", """
                    [{"id":%d,"code":"%sPO","products":[{"product":"%s","quantity-ordered":50,"quantity-produced":10}],
                      "ended":false,"is-active":true,"running-status":"started","status":"onschedule",
                      "location":{"id":"2","code":"Plant 2","name":"Plant 2"}}]"""
                    .formatted(Math.abs(prefix.hashCode()), prefix, c)));
            model.transit(c, "40");
            awaitRows(stack, a, b, c);

            // Prodsmart's own totals now (changes the 24-hour feed forgot: only a reconciliation sees them); the
            // reconciliation reads them after every movement above, so they are in them
            accepted(http.postJson(prodsmart + "stock?expired=true", """
                    [{"product-code":"%s","stock":110},{"product-code":"%s","stock":20},{"product-code":"%s","stock":3}]"""
                    .formatted(a, b, c)));
            // the reconciliation reads after the last of those movements' own dates (whole seconds, at most 2 s
            // after levelSeen): it must find them counted in Prodsmart's totals, as Prodsmart would
            Instant lastMovement = levelSeen.plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
            await().atMost(PATIENCE).until(() -> Instant.now().isAfter(lastMovement));
            Instant beforeReconciliation = Instant.now();
            // without the admin token no reconciliation starts; with it, one does
            assertThat(http.postJson(stack.prodsmartPollerUrl() + "/admin/prodsmart/reconciliation", "{}").statusCode())
                    .isEqualTo(401);
            assertThat(http.postAdmin(stack.prodsmartPollerUrl() + "/admin/prodsmart/reconciliation").statusCode())
                    .isEqualTo(202);
            model.level(a, "110", beforeReconciliation).level(b, "20", beforeReconciliation)
                    .level(c, "3", beforeReconciliation);
            awaitRows(stack, a, b, c);

            // after the reconciliation: a late webhook from before it changes nothing, a new one counts
            movement(stack, b, "4", "in", beforeReconciliation.minusSeconds(30), "A-01");
            movement(stack, c, "6", "in", Instant.now().plusSeconds(5), "A-01");
            awaitRows(stack, a, b, c);

            Map<String, JsonNode> rows = rows(stack, prefix);
            log.info("Mixed run, Paqtana's rows against the model: {}", rows.values().stream()
                    .map(row -> row.path("location").asString() + "/" + row.path("code").asString()
                            + " onHand=" + row.path("onHandStock").asString() + " transit=" + row.path("transitStock").asString())
                    .toList());
            assertThat(rows.get(a).path("minimumOrderQuantity").decimalValue()).isEqualByComparingTo("250");
            assertThat(rows.get(a).path("multipleOrderQuantity").decimalValue()).isEqualByComparingTo("12.5");
        }
    }

    private void movement(LocalStack stack, String code, String quantity, String type, Instant date, String bin)
            throws Exception {
        String direction = type.equals("in") ? "receiving" : "shipping";
        String body = """
                [{"product":{"id":222,"code":"%s","uom":"un"},"lot":{"code":"lot-1"},"date":"%s","quantity":%s,
                  "stock-type":"%s","comment":"model","warehouse-location":{"id":333,"code":"%s",
                  "warehouse":{"id":444,"code":"W1"}},"%s":{"id":666,"code":"R-1"},"worker":{"id":1,"number":0,"name":"w"}}]"""
                .formatted(code, date.truncatedTo(ChronoUnit.SECONDS), quantity, type, bin, direction);
        HttpResponse<String> answer = http.postSignedWebhook(stack.ingressUrl(),
                direction + "_inventory_movement_created", body);
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 202);
        assertThat(answer.body()).contains("accepted");
        model.movement(code, type.equals("in") ? quantity : "-" + quantity, date);
    }

    private void awaitOnHand(LocalStack stack, String code, String quantity) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode row = rows(stack, code).get(code);
            assertThat(row == null ? null : row.path("onHandStock").decimalValue()).as(code)
                    .isEqualByComparingTo(quantity);
        });
    }

    /** Waits until Paqtana's rows of these products are the model's, and no other row names them. */
    private void awaitRows(LocalStack stack, String... codes) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, JsonNode> rows = rows(stack, codes[0].substring(0, codes[0].length() - 1));
            Map<String, String> held = new TreeMap<>();
            rows.forEach((key, row) -> held.put(key, row.path("location").asString() + " onHand="
                    + row.path("onHandStock").decimalValue().stripTrailingZeros().toPlainString() + " transit="
                    + row.path("transitStock").decimalValue().stripTrailingZeros().toPlainString()));
            assertThat(held).isEqualTo(model.expected(LOCATION, codes));
        });
    }

    /** Paqtana's rows whose code starts with {@code prefix}, by code; a code at two locations fails here. */
    private Map<String, JsonNode> rows(LocalStack stack, String prefix) throws Exception {
        HttpResponse<String> held = http.get(stack.sandboxUrl() + "/paqtana/_sandbox/orgs/demo/master_inventory");
        assertThat(held.statusCode()).isEqualTo(200);
        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonNode row : json.readTree(held.body()).path("rows")) {
            String code = row.path("code").asString();
            if (code.startsWith(prefix)) {
                assertThat(rows.put(code, row)).as("one row per product: " + code).isNull();
            }
        }
        return rows;
    }

    private static void accepted(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 202);
    }

    /** The rules, written once and plainly: what each product's row must hold. */
    private static final class Model {

        private record Fact(boolean level, BigDecimal quantity, Instant at) {
        }

        private final Map<String, List<Fact>> facts = new HashMap<>();
        private final Map<String, BigDecimal> transit = new HashMap<>();

        Model level(String code, String quantity, Instant asOf) {
            facts.computeIfAbsent(code, k -> new ArrayList<>()).add(new Fact(true, new BigDecimal(quantity), asOf));
            return this;
        }

        void movement(String code, String delta, Instant date) {
            facts.computeIfAbsent(code, k -> new ArrayList<>()).add(new Fact(false, new BigDecimal(delta), date));
        }

        void transit(String code, String quantity) {
            transit.put(code, new BigDecimal(quantity));
        }

        Map<String, String> expected(String location, String... codes) {
            Map<String, String> rows = new TreeMap<>();
            for (String code : codes) {
                List<Fact> known = facts.getOrDefault(code, List.of());
                Fact latest = known.stream().filter(Fact::level).reduce((x, y) -> y.at().isAfter(x.at()) ? y : x)
                        .orElse(null);
                BigDecimal onHand = latest == null ? BigDecimal.ZERO : latest.quantity();
                for (Fact fact : known) {
                    if (!fact.level() && (latest == null || fact.at().isAfter(latest.at()))) {
                        onHand = onHand.add(fact.quantity());
                    }
                }
                rows.put(code, location + " onHand=" + onHand.stripTrailingZeros().toPlainString() + " transit="
                        + transit.getOrDefault(code, BigDecimal.ZERO).stripTrailingZeros().toPlainString());
            }
            return rows;
        }
    }
}
