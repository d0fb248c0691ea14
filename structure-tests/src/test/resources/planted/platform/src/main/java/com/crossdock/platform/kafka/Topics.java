package com.crossdock.platform.kafka;

/** The registry: the one file allowed to spell topic names and suffixes. */
public final class Topics {
    public static final String THINGS = "crossdock.things-happened.v1";
    private static final String RETRY = ".retry";
}
