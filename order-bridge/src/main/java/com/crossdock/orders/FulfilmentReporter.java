package com.crossdock.orders;

import java.time.Duration;

import com.crossdock.events.OrderFulfilled;
import com.crossdock.events.SourceSystem;
import com.crossdock.platform.kafka.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reports a fulfilled BaseLinker order back to BaseLinker: {@code setOrderStatus} to
 * {@code baselinkerOrderStatusToSend} ("w systemie Baselinker powinien zostać zmieniony status zamówienia na ten
 * podany w parametrach", optimakers-baselinker-integration.pl.txt). Setting the status it already has is harmless,
 * so a replayed fulfilment is too. The call shares the token's budget and throttle gate with the import.
 */
class FulfilmentReporter {

    private static final Logger log = LoggerFactory.getLogger(FulfilmentReporter.class);
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(5);

    private final EventCodec codec;
    private final BaseLinkerClient baseLinker;
    private final long statusToSend;

    FulfilmentReporter(EventCodec codec, BaseLinkerClient baseLinker, long statusToSend) {
        this.codec = codec;
        this.baseLinker = baseLinker;
        this.statusToSend = statusToSend;
    }

    @KafkaListener(id = "#{@fulfilmentGroup.id()}", groupId = "#{@fulfilmentGroup.id()}",
            topics = "#{@fulfilmentGroup.listenTopics()}")
    void onFulfilled(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        OrderFulfilled fulfilled = codec.decode(record, OrderFulfilled.class);
        if (fulfilled.getOrderSource() != SourceSystem.BASELINKER) {
            return;
        }
        baseLinker.setOrderStatus(Long.parseLong(fulfilled.getOrderId()), statusToSend).block(CALL_TIMEOUT);
        log.info("BaseLinker order {} fulfilled at Optimakers (order {}): status set to {}", fulfilled.getOrderId(),
                fulfilled.getFulfillerOrderId(), statusToSend);
    }
}
