package com.crossdock.local.battery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.crossdock.platform.kafka.Topics;
import com.crossdock.testing.KraftNode;
import com.crossdock.testing.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13's fault battery: every component in its own process (a KRaft broker, the schema registry, the vendor
 * sandboxes, two ingress-webhooks with their own spools, two prodsmart-pollers competing for the lease,
 * paqtana-publisher), a seeded load recorded in a ledger, faults one at a time at seeded moments, then the
 * invariants once they heal. Started by {@code bench/faults.sh SEED}; method and figures in docs/reliability.md.
 * Arguments: seed, output directory, the class path of the broker and the registry, the directory of the services'
 * jars (the repository root). Exit status 0 only when every invariant holds.
 */
public final class FaultBattery {

    private static final Logger log = LoggerFactory.getLogger(FaultBattery.class);
    private static final Duration START = Duration.ofMinutes(4);
    private static final Duration RECOVERY = Duration.ofMinutes(3);
    private static final Duration SETTLE = Duration.ofMinutes(2);
    private static final String RAW = Topics.PRODSMART_WEBHOOK_RAW;
    private static final String QUARANTINE = RAW + ".quarantine";
    private static final String STOCK = Topics.STOCK_CHANGED;
    private static final String UUID_HEADER = "x-prodsmart-webhook-uuid";
    private static final String ORG = "demo";
    private static final String SMALL_SPOOL = "64KB";
    /** ingress-b's spool file system when mounting works: a 10-20 s broker outage fills it (ENOSPC). */
    private static final String TMPFS_SIZE = "256k";
    private static final String FEED = "prodsmart/api/changes/stock";
    private static final String OPTIMAKERS_ORDERS = "optimakers/api/orders";
    /** order-bridge's Optimakers timeout in the battery, and an answer later than it. */
    private static final String OPTIMAKERS_TIMEOUT = "5s";
    private static final long OPTIMAKERS_LATE_MS = 10_000;
    private static final String ORDER_PLACED = Topics.ORDER_PLACED;
    private static final List<String> SPOOLED = List.of("ingress-a", "ingress-b", "poller-a", "poller-b", "bridge");
    private static final String POSSIBLY_SERVED = "failed after the request may have been served";

    private final long seed;
    private final Path out;
    private final String classPath;
    private final Path repository;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final List<String> faults = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Duration> recoveries = new LinkedHashMap<>();
    private final List<String> broken = new ArrayList<>();
    private final Map<String, Proc> procs = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private final Map<String, Integer> managementPorts = new HashMap<>();
    private Load load;
    private String bootstrap;
    /** Whether ingress-b's spool is on a small tmpfs (a real disk full), else the max-size bound stands for it. */
    private boolean diskFull;
    private Path mounted;
    private long damagedExpected;
    /** Feed reads whose page was served and then lost (a reset, a 503 after serving): faults used up. */
    private long feedPagesLost;

    private FaultBattery(long seed, Path out, String classPath, Path repository) {
        this.seed = seed;
        this.out = out;
        this.classPath = classPath;
        this.repository = repository;
        this.random = new Random(seed);
        String hex = HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(6));
        secrets.put("prodsmart api secret (webhook key)", "fb-pssec-" + hex);
        secrets.put("prodsmart api key", "fb-pskey-" + hex);
        secrets.put("paqtana token", "fb-paqtok-" + hex);
        secrets.put("baselinker token", "fb-bltok-" + hex);
        secrets.put("optimakers api key", "fb-omkey-" + hex);
    }

    public static void main(String[] args) throws Exception {
        FaultBattery battery = new FaultBattery(Long.parseLong(args[0]), Path.of(args[1]).toAbsolutePath(), args[2],
                Path.of(args[3]).toAbsolutePath());
        int status;
        try {
            status = battery.run();
        } finally {
            battery.stopAll();
        }
        System.exit(status);
    }

    private int run() throws Exception {
        Instant begin = Instant.now();
        Files.createDirectories(out);
        startEverything();
        String prefix = "FB" + seed + "-" + Long.toHexString(begin.toEpochMilli() & 0xfffff) + "-";
        load = new Load(seed, prefix, secret("prodsmart api secret"), List.of(url("ingress-a"), url("ingress-b")),
                url("sandboxes"));

        // the load runs through the whole fault phase: ~10 webhooks/s over both ingresses, a stock level every 1.5 s
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        ticks.scheduleAtFixedRate(() -> senders.execute(() -> load.deliver(load.next())), 0, 100, TimeUnit.MILLISECONDS);
        ticks.scheduleAtFixedRate(() -> senders.execute(load::retryUnanswered), 2, 2, TimeUnit.SECONDS);
        ticks.scheduleAtFixedRate(() -> senders.execute(load::level), 1, 1500, TimeUnit.MILLISECONDS);
        ticks.scheduleAtFixedRate(() -> senders.execute(load::order), 1, 2000, TimeUnit.MILLISECONDS);
        pause(Duration.ofSeconds(15));

        // The catalogue's faults are dealt to the seeds in turn: fault i of the catalogue (in its fixed order below) runs
        // in every seed s with i % 3 == s % 3, so any three consecutive seeds (1, 2, 3) together inject every fault of
        // the catalogue; the fixed ones run in every seed, and which ingress and poller a kill takes alternates by seed.
        List<Runnable> catalogue = List.of(
                this::stopRegistry,
                () -> vendorFault("paqtana", "{\"status\":503,\"count\":6}", "Paqtana 503 x6"),
                () -> vendorFault("paqtana", "{\"status\":429,\"count\":4,\"retryAfterSeconds\":3}", "Paqtana 429 Retry-After 3 s x4"),
                () -> vendorFault("paqtana", "{\"count\":2,\"latencyMs\":45000}", "Paqtana latency 45 s x2 (past the client's timeout)"),
                () -> vendorFault(FEED, "{\"count\":1,\"afterServing\":true,\"reset\":true}",
                        "Prodsmart feed page served, then the connection reset (RST) x1"),
                () -> vendorFault(FEED, "{\"status\":503,\"count\":1,\"afterServing\":true}",
                        "Prodsmart feed page served, then answered 503 x1"),
                () -> vendorFault("prodsmart", "{\"status\":429,\"count\":3,\"retryAfterSeconds\":2}", "Prodsmart 429 Retry-After 2 s x3"),
                this::rollingRestartWhileBrokerPaused,
                () -> vendorFault(OPTIMAKERS_ORDERS, "{\"status\":503,\"count\":4}", "Optimakers 503 x4"),
                () -> vendorFault(OPTIMAKERS_ORDERS, "{\"count\":1,\"latencyMs\":" + OPTIMAKERS_LATE_MS
                                + ",\"afterServing\":true,\"method\":\"POST\"}",
                        "Optimakers order created, its answer past the client's timeout x1"),
                () -> vendorFault(OPTIMAKERS_ORDERS, "{\"count\":1,\"afterServing\":true,\"reset\":true,\"method\":\"POST\"}",
                        "Optimakers order created, then the connection reset (RST) x1"));
        List<Runnable> chosen = new ArrayList<>();
        for (int i = 0; i < catalogue.size(); i++) {
            if (i % 3 == Math.floorMod(seed, 3)) {
                chosen.add(catalogue.get(i));
            }
        }
        // every seed: a kill -9 of one ingress (ingress-a's with a damaged spool segment in odd seeds, ingress-b's in
        // even ones), of one poller (a in odd seeds, b in even), of the publisher and of order-bridge, the broker paused,
        // the broker killed, webhooks past the clock skew; all in a seeded order
        boolean odd = Math.floorMod(seed, 2) == 1;
        chosen.addAll(List.of(odd ? this::damagedSpool : () -> killAndRestart("ingress-b"),
                () -> killAndRestart(odd ? "poller-a" : "poller-b"),
                () -> killAndRestart("publisher"), () -> killAndRestart("bridge"), this::pauseBroker, this::killBroker,
                this::clockSkew));
        Collections.shuffle(chosen, random);
        for (Runnable fault : chosen) {
            pause(Duration.ofMillis(2000 + random.nextInt(6000)));
            fault.run();
        }
        pause(Duration.ofSeconds(5));
        ticks.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(2, TimeUnit.MINUTES);

        Instant loadEnd = Instant.now();
        if (!await(RECOVERY, () -> load.retryUnanswered() == 0)) {
            broken.add(load.unanswered.size() + " webhooks never answered 2xx within " + RECOVERY);
        }
        // a reconciliation heals a feed page lost in transit (the lease holder runs it; the standby refuses or skips)
        for (String poller : List.of("poller-a", "poller-b")) {
            post(url(poller) + "/admin/prodsmart/reconciliation", "{}");
        }
        check(loadEnd);
        String report = report(Duration.between(begin, Instant.now()));
        Files.writeString(out.resolve("report.txt"), report);
        writeLedger();
        log.info("report:\n{}", report);
        return broken.isEmpty() ? 0 : 1;
    }

    // ---------------------------------------------------------------------------------------------- processes

    private void startEverything() throws IOException {
        for (String name : List.of("broker", "controller", "registry", "sandboxes", "ingress-a", "ingress-b", "poller-a",
                "poller-b", "publisher", "bridge")) {
            ports.put(name, KraftNode.freePort());
            managementPorts.put(name, KraftNode.freePort());
        }
        bootstrap = KraftNode.LOOPBACK + ":" + ports.get("broker");
        Path brokerDir = Files.createDirectories(out.resolve("broker"));
        Path config = KraftNode.writeConfig(brokerDir, ports.get("broker"), ports.get("controller"));
        KraftNode.format(brokerDir, config);
        add(new Proc("broker", Proc.java("512m", "-cp", classPath, "kafka.Kafka", config.toString()), brokerDir,
                out.resolve("broker.log"), null));
        add(new Proc("registry", Proc.java("128m", "-cp", classPath, BatteryRegistry.class.getName(),
                Integer.toString(ports.get("registry")), bootstrap), out, out.resolve("registry.log"),
                url("registry") + "/subjects"));
        add(new Proc("sandboxes", Proc.java("384m", "-jar", jar("sandboxes"), "--spring.config.name=sandboxes",
                "--server.port=" + ports.get("sandboxes"),
                "--sandboxes.paqtana.token=" + secret("paqtana token"),
                "--sandboxes.prodsmart.api.key=" + secret("prodsmart api key"),
                "--sandboxes.prodsmart.api.secret=" + secret("prodsmart api secret"),
                "--sandboxes.baselinker.token=" + secret("baselinker token"),
                "--sandboxes.optimakers.api-key=" + secret("optimakers api key")), out, out.resolve("sandboxes.log"),
                url("sandboxes") + "/paqtana/_sandbox/state"));
        add(ingress("ingress-a", List.of()));
        // the spool's disk full, all along: ingress-b's spool is a 256 KB tmpfs (a real "No space left on device"), or,
        // when mounting is refused, bounded by crossdock.spool.max-size=64KB; either way every broker outage fills it
        // and it must answer 503 + Retry-After, never 2xx what it cannot keep, and heal once the drain frees space
        diskFull = mountTmpfs(out.resolve("ingress-b-spool"));
        add(ingress("ingress-b", diskFull ? List.of() : List.of("--crossdock.spool.max-size=" + SMALL_SPOOL)));
        for (String poller : List.of("poller-a", "poller-b")) {
            add(service(poller, "prodsmart-poller", List.of(
                    "--crossdock.vendors.prodsmart.base-url=" + url("sandboxes") + "/prodsmart",
                    "--crossdock.vendors.prodsmart.auth.key=" + secret("prodsmart api key"),
                    "--crossdock.vendors.prodsmart.auth.secret=" + secret("prodsmart api secret"),
                    "--crossdock.prodsmart.feed.idle-interval=2s",
                    "--crossdock.spool.directory=" + out.resolve(poller + "-spool"))));
        }
        add(service("publisher", "paqtana-publisher", List.of(
                "--crossdock.vendors.paqtana.base-url=" + url("sandboxes") + "/paqtana",
                "--crossdock.vendors.paqtana.auth.token=" + secret("paqtana token"))));
        // BaseLinker orders into Optimakers, both the sandbox's (their demo ids), as the local stack runs it
        add(service("bridge", "order-bridge", List.of(
                "--crossdock.vendors.baselinker.base-url=" + url("sandboxes") + "/baselinker/connector.php",
                "--crossdock.vendors.baselinker.auth.headers.token.value=" + secret("baselinker token"),
                "--crossdock.vendors.optimakers.base-url=" + url("sandboxes") + "/optimakers",
                "--crossdock.vendors.optimakers.auth.headers.apikey.value=" + secret("optimakers api key"),
                "--crossdock.vendors.optimakers.timeout=" + OPTIMAKERS_TIMEOUT,
                "--crossdock.baselinker.feed.idle-interval=1s",
                "--crossdock.spool.directory=" + out.resolve("bridge-spool"))));

        procs.get("broker").start();
        awaitBroker();
        for (String name : List.of("registry", "sandboxes")) {
            procs.get(name).start();
            require(procs.get(name).awaitReady(START), name + " did not start");
        }
        List<String> services = List.of("ingress-a", "ingress-b", "poller-a", "poller-b", "publisher", "bridge");
        services.forEach(name -> procs.get(name).start());
        for (String name : services) {
            require(procs.get(name).awaitReady(START), name + " did not become ready; see " + name + ".log");
        }
        log.info("everything is up");
    }

    /** Mounts a small tmpfs on {@code directory} (this box runs as root); false when mounting is refused. */
    private boolean mountTmpfs(Path directory) throws IOException {
        Files.createDirectories(directory);
        try {
            Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + TMPFS_SIZE, "tmpfs",
                    directory.toString()).redirectErrorStream(true).start();
            String said = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0) {
                mounted = directory;
                log.info("ingress-b's spool is a {} tmpfs at {}", TMPFS_SIZE, directory);
                return true;
            }
            log.warn("mounting a tmpfs refused ({}): ingress-b's spool is bounded by max-size {} instead", said, SMALL_SPOOL);
        } catch (IOException e) {
            log.warn("mount not available ({}): ingress-b's spool is bounded by max-size {} instead", e.getMessage(), SMALL_SPOOL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void unmount() {
        if (mounted != null) {
            try {
                new ProcessBuilder("umount", "-l", mounted.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
            } catch (IOException e) {
                log.warn("umount {} failed: {}", mounted, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Proc ingress(String name, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(
                "--crossdock.ingress.prodsmart.webhook-secret=" + secret("prodsmart api secret"),
                "--crossdock.spool.directory=" + out.resolve(name + "-spool")));
        args.addAll(extra);
        return service(name, "ingress-webhooks", args);
    }

    private Proc service(String name, String module, List<String> extra) {
        List<String> command = Proc.java("384m", "-jar", jar(module),
                "--server.port=" + ports.get(name),
                "--management.server.port=" + managementPorts.get(name),
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.kafka.properties.schema.registry.url=" + url("registry"));
        command.addAll(extra);
        return new Proc(name, command, out, out.resolve(name + ".log"),
                "http://localhost:" + managementPorts.get(name) + "/actuator/health/readiness");
    }

    private void add(Proc proc) {
        procs.put(proc.name(), proc);
    }

    private String jar(String module) {
        try (Stream<Path> files = Files.list(repository.resolve(module).resolve("target"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no exec jar of " + module + ": build first"))
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String url(String name) {
        return "http://localhost:" + ports.get(name);
    }

    private String management(String name) {
        return "http://localhost:" + managementPorts.get(name);
    }

    private String secret(String startOfName) {
        return secrets.entrySet().stream().filter(e -> e.getKey().startsWith(startOfName)).findFirst().orElseThrow().getValue();
    }

    private void awaitBroker() {
        require(await(START, () -> {
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return true;
            } catch (Exception notYet) {
                return false;
            }
        }), "the broker did not start; see broker.log");
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    private void stopAll() {
        List<Proc> reverse = new ArrayList<>(procs.values());
        Collections.reverse(reverse);
        for (Proc proc : reverse) {
            if (proc.alive()) {
                proc.terminate();
            }
        }
        unmount();
    }

    // -------------------------------------------------------------------------------------------------- faults

    private void killAndRestart(String name) {
        fault("kill -9 " + name + ", restart", () -> {
            procs.get(name).kill9();
            pause(Duration.ofSeconds(1 + random.nextInt(4)));
            procs.get(name).start();
        });
    }

    private void pauseBroker() {
        int seconds = 10 + random.nextInt(11);
        fault("broker SIGSTOP " + seconds + " s, SIGCONT", () -> {
            procs.get("broker").pause();
            pause(Duration.ofSeconds(seconds));
            procs.get("broker").resume();
        });
    }

    private void killBroker() {
        fault("broker kill -9, restart after 5 s", () -> {
            procs.get("broker").kill9();
            pause(Duration.ofSeconds(5));
            procs.get("broker").start();
            awaitBroker();
        });
    }

    private void stopRegistry() {
        fault("registry stopped 20 s", () -> {
            procs.get("registry").kill9();
            pause(Duration.ofSeconds(20));
            procs.get("registry").start();
        });
    }

    private void vendorFault(String vendor, String fault, String what) {
        fault(what, () -> {
            int status = post(url("sandboxes") + "/_sandbox/faults/" + vendor, fault);
            if (status != 201) {
                broken.add("the sandbox refused the fault " + fault + " on " + vendor + ": " + status);
            }
            // the fault lasts until its count is used up; a fault on a vendor nobody calls meanwhile is cleared
            boolean used = await(Duration.ofSeconds(60), () -> {
                JsonNode held = getJson(url("sandboxes") + "/_sandbox/faults").path(vendor);
                return held.isMissingNode() || held.path("remaining").asInt(0) == 0;
            });
            delete(url("sandboxes") + "/_sandbox/faults/" + vendor);
            if (!used) {
                faults.add("  (" + what + ": not used up within 60 s, cleared)");
            } else if (vendor.equals(FEED) && fault.contains("afterServing")) {
                feedPagesLost++;
            }
        });
    }

    /**
     * Garbage written into the spool of a stopped ingress, then the restart. Where: into the first frame after the
     * committed position when the newest segment holds frames past it (sent but not yet committed, since the broker
     * is up: a damaged frame with intact ones after it, the segment must be set aside and the rest spooled again);
     * else, when the newest segment holds frames already drained (before the committed position), into the first of
     * them (the damage must be noticed and counted, crossdock.spool.damaged, though nothing is lost by it); else at
     * the end of the newest segment (a torn write); else, no segment yet, into the position file (counted too).
     */
    private void damagedSpool() {
        fault("kill -9 ingress-a, garbage written into its spool, restart", () -> {
            procs.get("ingress-a").kill9();
            Path spool = out.resolve("ingress-a-spool");
            byte[] garbage = new byte[16];
            random.nextBytes(garbage);
            try (Stream<Path> files = Files.exists(spool) ? Files.list(spool) : Stream.empty()) {
                Path newest = files.filter(f -> f.getFileName().toString().endsWith(".spool")).sorted()
                        .reduce((a, b) -> b).orElse(null);
                Path position = spool.resolve("position");
                if (newest == null) {
                    Files.createDirectories(spool);
                    Files.write(position, garbage);
                    damagedExpected++;
                    faults.add("  (no segment yet: garbage written as the position file)");
                } else {
                    long base = Long.parseLong(newest.getFileName().toString().replace(".spool", ""));
                    long committed = Files.exists(position) ? java.nio.ByteBuffer.wrap(Files.readAllBytes(position)).getLong(0) : base;
                    long size = Files.size(newest);
                    long inSegment = Math.max(committed - base, 0);
                    long at;
                    String where;
                    if (inSegment + 8 < size - 64) {
                        at = inSegment + 8;
                        where = "after the committed position";
                    } else if (inSegment > 64) {
                        at = 8;
                        where = "before the committed position (drained already: must be counted)";
                        damagedExpected++;
                    } else {
                        at = size;
                        where = "at the end (a torn write)";
                    }
                    try (var channel = java.nio.channels.FileChannel.open(newest, java.nio.file.StandardOpenOption.WRITE)) {
                        channel.write(java.nio.ByteBuffer.wrap(garbage), at);
                    }
                    faults.add("  (16 bytes of garbage written into " + newest.getFileName() + " at " + at + " of " + size
                            + " bytes, committed position " + inSegment + ": " + where + ")");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            procs.get("ingress-a").start();
        });
    }

    /** Webhooks sent with x-prodsmart-triggered-at 10 minutes off (max-clock-skew 5m): never accepted, never mapped. */
    private void clockSkew() {
        fault("clock offset past the skew (5 webhooks triggered 10 min in the past, 5 in the future)", () -> {
            for (int i = 0; i < 10; i++) {
                load.deliver(load.stale(Duration.ofMinutes(i < 5 ? -10 : 10)));
            }
        });
    }

    private void rollingRestartWhileBrokerPaused() {
        fault("rolling restart of both ingresses (SIGTERM, start, ready) while the broker is paused", () -> {
            procs.get("broker").pause();
            for (String ingress : List.of("ingress-a", "ingress-b")) {
                procs.get(ingress).terminate();
                procs.get(ingress).start();
                if (!procs.get(ingress).awaitReady(START)) {
                    broken.add(ingress + " not ready within " + START + " of its restart while the broker was paused");
                }
            }
            procs.get("broker").resume();
        });
    }

    /** Injects one fault, then measures its recovery: every process ready again and every spool empty. */
    private void fault(String what, Runnable inject) {
        log.info("FAULT {}", what);
        faults.add(Instant.now() + " " + what);
        inject.run();
        Instant healed = Instant.now();
        boolean recovered = await(RECOVERY, () -> procs.values().stream().allMatch(p -> p.alive() && (p.name().equals("broker")
                || p.ready())) && spoolDepth() == 0);
        Duration recovery = Duration.between(healed, Instant.now());
        recoveries.put(what, recovery);
        log.info("RECOVERED from {} in {} s", what, recovery.toSeconds());
        if (!recovered) {
            broken.add("no recovery within " + RECOVERY + " after: " + what);
        }
    }

    // ---------------------------------------------------------------------------------------------- invariants

    private long spoolDepth() {
        long depth = 0;
        for (String name : SPOOLED) {
            depth += metric(name, "crossdock_spool_depth");
        }
        return depth;
    }

    private long metric(String service, String name) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(management(service) + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            double sum = 0;
            for (String line : answer.body().split("\n")) {
                if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return Math.round(sum);
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE / 8;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Long.MAX_VALUE / 8;
        }
    }

    private final Map<String, Object> figures = new LinkedHashMap<>();

    private void check(Instant loadEnd) throws Exception {
        // spools empty
        if (!await(SETTLE, () -> spoolDepth() == 0)) {
            broken.add("spools not empty: depth " + spoolDepth());
        }
        for (String name : SPOOLED) {
            long setAside = metric(name, "crossdock_spool_set_aside");
            if (setAside > 0) {
                figures.merge("spool records set aside", setAside, (a, b) -> (Long) a + (Long) b);
            }
        }
        // consumer lag 0 within 2 minutes
        Instant lagStart = Instant.now();
        if (!await(SETTLE, () -> lag().isEmpty())) {
            broken.add("consumer lag not 0 within " + SETTLE + ": " + lag());
        }
        figures.put("consumer lag 0 after", Duration.between(lagStart, Instant.now()).toSeconds() + " s");

        TopicReader reader = new TopicReader(bootstrap);
        Map<String, Integer> onRaw = uuids(reader.all(RAW));
        Map<String, Integer> onQuarantine = uuids(reader.all(QUARANTINE));
        long lost = load.accepted.keySet().stream().filter(u -> !onRaw.containsKey(u)).count();
        long rawDuplicates = load.accepted.keySet().stream().filter(u -> onRaw.getOrDefault(u, 0) > 1).count();
        figures.put("answered 2xx (accepted)", load.accepted.size());
        figures.put("lost (answered 2xx, not on the raw topic)", lost);
        figures.put("raw duplicates (same uuid stored twice; consumers dedupe by event id)", rawDuplicates);
        if (lost > 0) {
            broken.add(lost + " webhooks answered 2xx are not on " + RAW);
        }
        long staleStored = load.ledger.stream().filter(w -> w.kind() == Load.Kind.STALE)
                .filter(w -> onRaw.containsKey(w.uuid())).count();
        long staleQuarantined = load.ledger.stream().filter(w -> w.kind() == Load.Kind.STALE)
                .filter(w -> onQuarantine.containsKey(w.uuid())).count();
        figures.put("past-the-skew webhooks quarantined / mapped", staleQuarantined + " / " + staleStored);
        if (staleStored > 0) {
            broken.add(staleStored + " webhooks past the clock skew reached the raw topic (to be mapped)");
        }
        // a webhook first answered 2xx only after its x-prodsmart-triggered-at had passed the skew is quarantined:
        // kept (on the quarantine topic), not mapped, out of the model
        List<String> late = load.quarantined.values().stream().filter(w -> w.kind() != Load.Kind.STALE)
                .filter(w -> !load.accepted.containsKey(w.uuid())).map(Load.Webhook::uuid).toList();
        long lateLost = late.stream().filter(u -> !onQuarantine.containsKey(u)).count();
        figures.put("answered 2xx quarantined (sent again only after the skew had passed; on the quarantine topic)",
                late.size() - lateLost + " of " + late.size());
        if (lateLost > 0) {
            broken.add(lateLost + " webhooks answered quarantined are not on " + QUARANTINE);
        }
        if (!load.wronglyAnswered.isEmpty()) {
            broken.add("wrong answers: " + load.wronglyAnswered);
        }

        // every answered uuid's events on the canonical topic, or in a listed dead letter
        List<String> deadLetterTopics;
        try (Admin admin = admin()) {
            deadLetterTopics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.endsWith(".dlt")).sorted().toList();
        }
        List<ConsumerRecord<byte[], byte[]>> stockRecords = reader.all(STOCK);
        String canonical = text(stockRecords);
        long levelEvents = 0;
        for (int i = 0; i < 6; i++) {
            byte[] code = load.levelProduct(i).getBytes(StandardCharsets.UTF_8);
            levelEvents += stockRecords.stream().filter(r -> r.value() != null && contains(r.value(), code)).count();
        }
        figures.put("level events of the level-only products on " + STOCK + " (feed and reconciliation)", levelEvents);
        StringBuilder dead = new StringBuilder();
        long deadLetters = 0;
        for (String topic : deadLetterTopics) {
            List<ConsumerRecord<byte[], byte[]>> records = reader.all(topic);
            deadLetters += records.size();
            dead.append(text(records));
            scanHeaders(topic, records);
        }
        figures.put("dead letters (all .dlt topics)", deadLetters);
        long notMapped = 0;
        long inDeadLetter = 0;
        for (String uuid : load.accepted.keySet()) {
            if (!canonical.contains(uuid)) {
                if (dead.indexOf(uuid) >= 0) {
                    inDeadLetter++;
                } else {
                    notMapped++;
                }
            }
        }
        figures.put("answered uuids in a dead letter", inDeadLetter);
        figures.put("answered uuids neither on " + STOCK + " nor dead-lettered", notMapped);
        if (notMapped > 0) {
            broken.add(notMapped + " answered webhooks have no event on " + STOCK + " and no dead letter");
        }

        // the feed: every change handed out, nothing pending; Paqtana's rows equal the model
        JsonNode prodsmart = getJson(url("sandboxes") + "/prodsmart/_sandbox/state");
        figures.put("feed changes handed to the sandbox", load.levels.size());
        figures.put("feed changes still pending at the sandbox", prodsmart.path("pending").toString());
        Map<String, String> expected = model();
        Instant rowsStart = Instant.now();
        boolean equal = await(RECOVERY, () -> rows().equals(expected));
        figures.put("Paqtana rows equal the model after", Duration.between(rowsStart, Instant.now()).toSeconds() + " s");
        figures.put("products in the model", expected.size());
        if (!equal) {
            Map<String, String> held = rows();
            Map<String, String> diff = new TreeMap<>();
            expected.forEach((code, row) -> {
                if (!row.equals(held.get(code))) {
                    diff.put(code, "model " + row + ", Paqtana " + held.get(code));
                }
            });
            held.keySet().stream().filter(code -> !expected.containsKey(code)).forEach(code -> diff.put(code, "not in the model"));
            broken.add("Paqtana rows differ from the model: " + diff);
        }
        figures.put("Paqtana PUTs", getJson(url("sandboxes") + "/paqtana/_sandbox/state").toString());

        // orders: every order put into BaseLinker created at Optimakers exactly once, and OrderPlaced on Kafka
        List<Load.Order> orders;
        synchronized (load.orders) {
            orders = List.copyOf(load.orders);
        }
        Map<Long, Integer> atOptimakers = new TreeMap<>();
        Instant ordersStart = Instant.now();
        boolean allThere = await(RECOVERY, () -> {
            for (Load.Order order : orders) {
                if (atOptimakers.getOrDefault(order.id(), 0) == 0) {
                    atOptimakers.put(order.id(), optimakersOrders(order.id()));
                }
            }
            return atOptimakers.values().stream().allMatch(n -> n > 0);
        });
        figures.put("orders at Optimakers after", Duration.between(ordersStart, Instant.now()).toSeconds() + " s");
        // once more, every one: an order created a second time late shows now
        for (Load.Order order : orders) {
            atOptimakers.put(order.id(), optimakersOrders(order.id()));
        }
        List<Long> missingOrders = atOptimakers.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
        List<Long> twice = atOptimakers.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        figures.put("orders put into the BaseLinker sandbox", orders.size());
        figures.put("orders at Optimakers once / missing / more than once",
                (orders.size() - missingOrders.size() - twice.size()) + " / " + missingOrders.size() + " / " + twice.size());
        if (!allThere || !missingOrders.isEmpty()) {
            broken.add(missingOrders.size() + " orders never created at Optimakers: " + missingOrders);
        }
        if (!twice.isEmpty()) {
            broken.add(twice.size() + " orders created at Optimakers more than once (a vendor effect twice): " + twice);
        }
        java.util.Set<String> placed = new java.util.HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : reader.all(ORDER_PLACED)) {
            if (record.key() != null) {
                placed.add(new String(record.key(), StandardCharsets.UTF_8));
            }
        }
        List<Long> notPlaced = orders.stream().map(Load.Order::id).filter(id -> !placed.contains(Long.toString(id))).toList();
        figures.put("orders without OrderPlaced on " + ORDER_PLACED, notPlaced.size());
        if (!notPlaced.isEmpty()) {
            broken.add(notPlaced.size() + " orders have no OrderPlaced on " + ORDER_PLACED + ": " + notPlaced);
        }

        // a feed page served, then lost (a reset, a 503): the poller took it for "may have been served" and reconciled
        long possiblyServed = logLines("poller-a.log", POSSIBLY_SERVED) + logLines("poller-b.log", POSSIBLY_SERVED);
        figures.put("feed reads lost after serving (faults used) / logged by the poller as \"may have been served\"",
                feedPagesLost + " / " + possiblyServed);
        if (possiblyServed < feedPagesLost) {
            broken.add(feedPagesLost + " feed pages lost after serving, but the pollers took only " + possiblyServed
                    + " for \"may have been served\"");
        }

        // the damaged spool: damage the recovery must notice (counted and set aside), seen in ingress-a's log
        long setAsideLines = logLines("ingress-a.log", "Spool segment damaged") + logLines("ingress-a.log", "Spool position unusable");
        figures.put("spool damage that must be counted / set aside by ingress-a (its log)", damagedExpected + " / " + setAsideLines);
        if (setAsideLines < damagedExpected) {
            broken.add("damage written into ingress-a's spool was not noticed: expected " + damagedExpected
                    + " set aside, the log shows " + setAsideLines);
        }

        // the disk full: ingress-b's spool refused for want of space, answered 503 with Retry-After, healed
        figures.put("ingress-b's disk full", diskFull
                ? "a " + TMPFS_SIZE + " tmpfs: writes refused (No space left on device) "
                        + logLines("ingress-b.log", "Spool write refused by the file system") + " times, healed "
                        + logLines("ingress-b.log", "Spool writes succeed again") + " times (ingress-b's log)"
                : "the max-size bound " + SMALL_SPOOL + " (mounting a tmpfs was refused)");
        figures.put("503 answers without Retry-After", load.withoutRetryAfter.get());
        if (load.withoutRetryAfter.get() > 0) {
            broken.add(load.withoutRetryAfter.get() + " webhooks answered 503 without Retry-After");
        }

        // no secret in any log line, problem body or dead-letter header
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> logs = Files.list(out)) {
            for (Path file : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
                String content = Files.readString(file, StandardCharsets.ISO_8859_1);
                secrets.forEach((what, value) -> {
                    if (content.contains(value)) {
                        leaks.add(what + " in " + file.getFileName());
                    }
                });
            }
        }
        for (String body : load.problemBodies) {
            secrets.forEach((what, value) -> {
                if (body.contains(value)) {
                    leaks.add(what + " in a problem body");
                }
            });
        }
        leaks.addAll(headerLeaks);
        figures.put("secrets found in logs, problem bodies, dead-letter headers", leaks.size());
        if (!leaks.isEmpty()) {
            broken.add("secrets leaked: " + leaks);
        }
    }

    private final List<String> headerLeaks = new ArrayList<>();

    private void scanHeaders(String topic, List<ConsumerRecord<byte[], byte[]>> records) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            for (Header header : record.headers()) {
                String value = header.value() == null ? "" : new String(header.value(), StandardCharsets.ISO_8859_1);
                secrets.forEach((what, secret) -> {
                    if (value.contains(secret)) {
                        headerLeaks.add(what + " in header " + header.key() + " on " + topic);
                    }
                });
            }
        }
    }

    /** Each product's row as the rules say: a movement-only product holds the sum of its movements (each uuid
     * once); a level-only product holds the last level handed out; nothing is in transit. */
    private Map<String, String> model() {
        Map<String, BigDecimal> onHand = new TreeMap<>();
        for (Load.Webhook webhook : load.accepted.values()) {
            onHand.merge(webhook.product(), webhook.delta(), BigDecimal::add);
        }
        synchronized (load.levels) {
            for (Load.Level level : load.levels) {
                onHand.put(level.product(), level.stock());
            }
        }
        Map<String, String> rows = new TreeMap<>();
        onHand.forEach((code, quantity) -> rows.put(code, "onHand=" + plain(quantity) + " transit=0"));
        return rows;
    }

    private Map<String, String> rows() {
        Map<String, String> rows = new TreeMap<>();
        JsonNode held = getJson(url("sandboxes") + "/paqtana/_sandbox/orgs/" + ORG + "/master_inventory");
        for (JsonNode row : held.path("rows")) {
            String code = row.path("code").asString();
            if (code.startsWith(load.movementProduct(0).substring(0, load.movementProduct(0).length() - 2))) {
                String value = "onHand=" + plain(row.path("onHandStock").decimalValue()) + " transit="
                        + plain(row.path("transitStock").decimalValue());
                if (rows.put(code, value) != null) {
                    rows.put(code, "two rows");
                }
            }
        }
        return rows;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private int optimakersOrders(long baselinkerId) {
        JsonNode found = getJson(url("sandboxes") + "/optimakers/_sandbox/orders?externalId=baselinker:" + baselinkerId);
        return found.isArray() ? found.size() : 0;
    }

    /** Lines of one process's log (across its restarts) that contain {@code text}. */
    private long logLines(String file, String text) {
        try (Stream<String> lines = Files.lines(out.resolve(file), StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** Lag of every consumer group that has committed offsets (the lease group commits none). */
    private Map<String, Long> lag() {
        Map<String, Long> lag = new TreeMap<>();
        try (Admin admin = admin()) {
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.forEach((tp, offset) -> {
                    if (offset != null) {
                        latest.put(tp, OffsetSpec.latest());
                    }
                });
                var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                long behind = 0;
                for (var entry : latest.keySet()) {
                    behind += Math.max(0, ends.get(entry).offset() - committed.get(entry).offset());
                }
                if (behind > 0) {
                    lag.put(group.groupId(), behind);
                }
            }
        } catch (Exception e) {
            lag.put("(broker did not answer: " + e.getMessage() + ")", -1L);
        }
        return lag;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static Map<String, Integer> uuids(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, Integer> uuids = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Header header = record.headers().lastHeader(UUID_HEADER);
            if (header != null) {
                uuids.merge(new String(header.value(), StandardCharsets.UTF_8), 1, Integer::sum);
            }
        }
        return uuids;
    }

    /** Every record's key, value and headers as Latin-1 text: the event ids (uuid:index) are plain in Avro's bytes. */
    private static String text(List<ConsumerRecord<byte[], byte[]>> records) {
        StringBuilder text = new StringBuilder();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.key() != null) {
                text.append(new String(record.key(), StandardCharsets.ISO_8859_1)).append('\n');
            }
            if (record.value() != null && record.value().length < 8192) {
                text.append(new String(record.value(), StandardCharsets.ISO_8859_1)).append('\n');
            }
            for (Header header : record.headers()) {
                if (header.value() != null) {
                    text.append(new String(header.value(), StandardCharsets.ISO_8859_1)).append('\n');
                }
            }
        }
        return text.toString();
    }

    // -------------------------------------------------------------------------------------------------- report

    private String report(Duration took) {
        long unique = load.ledger.stream().filter(w -> w.kind() != Load.Kind.STALE).count();
        long nearLimit = load.ledger.stream().filter(w -> w.kind() == Load.Kind.NEAR_LIMIT).count();
        Map.Entry<String, Duration> longest = recoveries.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
        StringBuilder report = new StringBuilder();
        report.append("Crossdock fault battery, seed ").append(seed).append(", ").append(Instant.now())
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, took ")
                .append(took.toSeconds()).append(" s\n");
        report.append("faults injected (").append(recoveries.size()).append("), recovery = all ready and spools empty:\n");
        recoveries.forEach((what, d) -> report.append(String.format("  %5.1f s  %s%n", d.toMillis() / 1000.0, what)));
        synchronized (faults) {
            faults.stream().filter(f -> f.startsWith("  (")).forEach(f -> report.append(f).append('\n'));
        }
        report.append(diskFull ? "  (all along: ingress-b's spool is a " + TMPFS_SIZE + " tmpfs, so a broker outage fills "
                + "the disk: No space left on device)\n" : "  (all along: ingress-b's spool holds at most " + SMALL_SPOOL
                + ", so a broker outage fills it: the disk full stood for by the max-size bound, mounting was refused)\n");
        report.append("inputs: ").append(unique).append(" webhooks (").append(nearLimit).append(" of ")
                .append(Load.NEAR_LIMIT_BYTES).append(" bytes), ").append(load.redeliveries.get())
                .append(" exact redeliveries, ").append(load.ledger.size() - unique).append(" past the clock skew, ")
                .append(load.levels.size()).append(" feed changes, ").append(load.orders.size()).append(" orders; ")
                .append(load.attempts.get()).append(" HTTP attempts, ")
                .append(load.failedAttempts.get()).append(" not answered 2xx and sent again (")
                .append(load.refusedFull.get()).append(" of them 503 spool full)\n");
        figures.forEach((what, value) -> report.append("  ").append(what).append(": ").append(value).append('\n'));
        report.append("longest recovery: ").append(longest == null ? "-" : longest.getValue().toSeconds() + " s ("
                + longest.getKey() + ")").append('\n');
        report.append(broken.isEmpty() ? "RESULT: PASS (every invariant holds)\n" : "RESULT: FAIL\n");
        broken.forEach(b -> report.append("  BROKEN: ").append(b).append('\n'));
        return report.toString();
    }

    private void writeLedger() throws IOException {
        List<String> lines = new ArrayList<>();
        synchronized (load.ledger) {
            for (Load.Webhook w : load.ledger) {
                lines.add(json.writeValueAsString(Map.of("uuid", w.uuid(), "kind", w.kind().name(), "topic", w.topic(),
                        "product", w.product(), "delta", w.delta().toPlainString(), "triggeredAt", w.triggeredAt(),
                        "bytes", w.body().length(), "answered", load.accepted.containsKey(w.uuid()) ? "accepted"
                                : load.quarantined.containsKey(w.uuid()) ? "quarantined" : "no")));
            }
        }
        synchronized (load.orders) {
            for (Load.Order order : load.orders) {
                lines.add(json.writeValueAsString(Map.of("order", order.id(), "sku", order.sku(),
                        "quantity", order.quantity(), "at", order.at().toString())));
            }
        }
        synchronized (load.levels) {
            for (Load.Level level : load.levels) {
                lines.add(json.writeValueAsString(Map.of("feed", "stock", "product", level.product(),
                        "stock", level.stock().toPlainString(), "at", level.at().toString())));
            }
        }
        Files.write(out.resolve("ledger.jsonl"), lines);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** Holds for {@code duration}: a fault's length or a seeded gap between faults, never a wait for a condition. */
    static void pause(Duration duration) {
        Awaitility.await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
    }

    /** Whether {@code condition} held within {@code patience}, asked every {@code every}. */
    static boolean await(Duration patience, Duration every, BooleanSupplier condition) {
        try {
            Awaitility.await().atMost(patience).pollInterval(every).until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private static boolean await(Duration patience, BooleanSupplier condition) {
        return await(patience, Duration.ofSeconds(1), condition);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private JsonNode getJson(String url) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return json.readTree(answer.body());
        } catch (IOException | RuntimeException e) {
            return json.createObjectNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return json.createObjectNode();
        }
    }

    private int post(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private int delete(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
    }

    private int send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
