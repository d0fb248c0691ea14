package com.acme;

// crossdock.in-a-line-comment.v1 is not a literal
/* nor is crossdock.in-a-block-comment.v1, or "x.retry" */
class Planted {
    /** {@code crossdock.in-javadoc.v1} neither. */
    static final String TOPIC = "crossdock.things-happened.v1";
    static final String DEAD = TOPIC + ".grp" + ".dlt";
    static final String LEASE = "crossdock.acme-poller.lease";
    static final String HELP = "the dead-letter topic, <topic>.<group>.dlt";
    static final String METRIC = "crossdock.acme.feed.items";
    static final char QUOTE = '"';
    static final String ESCAPED = "a \"quoted\" word";
    static final String BLOCK = """
            parked in crossdock.things-happened.v2.grp.parked
            """;
}
