package com.crossdock.orders;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.kafka.ConsumerGroup;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.kafka.TopicDeclarations;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.PollerBudget;
import com.crossdock.platform.poller.PollerDefinition;
import com.crossdock.platform.poller.PollerKitConfiguration;
import com.crossdock.platform.poller.PollerSources;
import com.crossdock.platform.poller.PublishedLimit;
import com.crossdock.platform.poller.PublishedRecords;
import com.crossdock.platform.vendor.classifier.BaseLinkerStatus;
import com.crossdock.platform.vendor.client.VendorClients;
import com.crossdock.vendor.baselinker.BaseLinkerOrderMapper;
import com.crossdock.vendor.baselinker.BaseLinkerProperties;
import com.crossdock.vendor.optimakers.OptimakersOrders;
import com.crossdock.vendor.optimakers.OptimakersProducts;
import com.crossdock.vendor.optimakers.OptimakersProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.databind.json.JsonMapper;

/**
 * order-bridge's wiring: the BaseLinker import on the poller kit (docs/poller-kit.md), one BaseLinker client for
 * the import and the status updates (one token, one budget, one throttle gate), Optimakers' client behind its port,
 * and the three listeners, each on its own consumer group: the export ({@code OrderPlaced} → Optimakers), the
 * webhook stage (Optimakers' raw webhooks → {@code OrderFulfilled}, {@code ArticleUpserted}) and the fulfilment
 * report ({@code OrderFulfilled} → BaseLinker).
 */
@Configuration(proxyBeanMethods = false)
@Import(PollerKitConfiguration.class)
@EnableConfigurationProperties({BaseLinkerProperties.class, OptimakersProperties.class})
class BridgeConfiguration {

    /** {@code crossdock.vendors.baselinker.*}: the client and policy of every BaseLinker call. */
    static final String BASELINKER = "baselinker";
    /** {@code crossdock.vendors.optimakers.*}: the client and policy of every Optimakers call. */
    static final String OPTIMAKERS = "optimakers";
    /** BaseLinker is Polish: a time it writes without a zone ("token blocked until …") is Warsaw's. */
    static final ZoneId BASELINKER_ZONE = ZoneId.of("Europe/Warsaw");

    @Bean
    PollerDefinition pollerDefinition(ImportProperties properties, BaseLinkerProperties account) {
        return new PollerDefinition(BASELINKER, account.account(), OrdersFeed.RAW,
                new PublishedLimit(account.rateLimit(), account.ratePeriod()), properties.feed(), properties.lease(),
                properties.reconciliation(), BASELINKER_ZONE);
    }

    /** The poller kit's budget client, judged by BaseLinker's status: shared by the import and the status updates. */
    @Bean
    BaseLinkerClient baseLinkerClient(PollerBudget budget, Clock clock) {
        return new BaseLinkerClient(budget.feed().judgedBy(new BaseLinkerStatus(clock, BASELINKER_ZONE)));
    }

    @Bean
    PollerSources pollerSources(BaseLinkerClient baseLinkerClient, BaseLinkerProperties account, Envelopes envelopes,
            PublishedRecords published, JsonMapper json) {
        return new PollerSources(List.of(new OrdersFeed(baseLinkerClient,
                new BaseLinkerOrderMapper(envelopes, account.account()), published, json, account.account(),
                account.orderStatusToImport())), List.of());
    }

    /** The import's cursor and the order links: compacted, read whole at start. */
    @Bean
    KafkaAdmin.NewTopics bridgeStateTopics(TopicDeclarations topics) {
        return new KafkaAdmin.NewTopics(topics.state(Topics.BASELINKER_ORDERS_CURSOR),
                topics.state(Topics.OPTIMAKERS_ORDER_LINKS));
    }

    /** The ingress stores Optimakers' webhooks there; declared here too, so this stage can start first. */
    @Bean
    KafkaAdmin.NewTopics optimakersWebhookRawTopic(TopicDeclarations topics) {
        return topics.raw(List.of(Topics.OPTIMAKERS_WEBHOOK_RAW));
    }

    @Bean
    OptimakersApi optimakersApi(VendorClients clients, OptimakersApiProperties paths) {
        return new RestOptimakersApi(clients.client(OPTIMAKERS), paths);
    }

    @Bean
    OptimakersOrders optimakersOrders(OptimakersProperties settings, Envelopes envelopes) {
        return new OptimakersOrders(settings, envelopes);
    }

    @Bean
    OrderLinks orderLinks(PublishedRecords published, RawRecordSender sender) {
        return new OrderLinks(published, sender);
    }

    @Bean
    ConsumerGroup orderExportGroup() {
        return new ConsumerGroup("order-bridge-export", Topics.ORDER_PLACED);
    }

    @Bean
    OrderExporter orderExporter(EventCodec codec, OptimakersOrders optimakersOrders, OptimakersApi optimakersApi,
            OrderLinks orderLinks) {
        return new OrderExporter(codec, optimakersOrders, optimakersApi, orderLinks);
    }

    @Bean
    ConsumerGroup optimakersWebhookGroup() {
        return new ConsumerGroup("order-bridge-optimakers-webhooks", Topics.OPTIMAKERS_WEBHOOK_RAW);
    }

    @Bean
    OptimakersWebhookStage optimakersWebhookStage(OptimakersApi optimakersApi, OptimakersOrders optimakersOrders,
            Envelopes envelopes, EventPublisher publisher, PublishedRecords published, EventCodec codec) {
        return new OptimakersWebhookStage(optimakersApi, optimakersOrders, new OptimakersProducts(envelopes), publisher,
                published, codec);
    }

    @Bean
    ConsumerGroup fulfilmentGroup() {
        return new ConsumerGroup("order-bridge-fulfilment", Topics.ORDER_FULFILLED);
    }

    @Bean
    FulfilmentReporter fulfilmentReporter(EventCodec codec, BaseLinkerClient baseLinkerClient,
            BaseLinkerProperties account) {
        return new FulfilmentReporter(codec, baseLinkerClient, account.orderStatusToSend());
    }
}
