package com.crossdock.paqtana;

import com.crossdock.platform.kafka.Topics;

/** The consumer group of this service and the topics it owns. */
public final class PaqtanaTopics {

    /** The demand consumer's group; its retry and dead-letter topics are {@code <topic>.paqtana-publisher.*}. */
    public static final String GROUP = "paqtana-publisher";
    /** OrderPlaced records replayed to this group only (a copy of a dead letter, for example). */
    public static final String ORDER_PLACED_RETRY = Topics.ORDER_PLACED + "." + GROUP + ".retry";
    /** Master inventories that could not be sent (over Paqtana's 32 MB), for an operator. */
    public static final String MASTER_INVENTORY_DLT = "crossdock.paqtana.master-inventory." + GROUP + ".dlt";

    private PaqtanaTopics() {
    }
}
