package com.crossdock.ingress;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** The log events of one logger while open, at DEBUG, with the logging context (MDC) each was written with. */
final class CapturedLogs implements AutoCloseable {

    private final Logger logger;
    private final Level level;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLogs(String name) {
        this.logger = (Logger) LoggerFactory.getLogger(name);
        this.level = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    static CapturedLogs debugOf(String loggerName) {
        return new CapturedLogs(loggerName);
    }

    /** The MDC of each line whose message or key-value pairs mention {@code value}. */
    List<Map<String, String>> mdcOfLinesAbout(String value) {
        synchronized (appender.list) {
            return appender.list.stream().filter(event -> mentions(event, value))
                    .map(ILoggingEvent::getMDCPropertyMap).toList();
        }
    }

    private static boolean mentions(ILoggingEvent event, String value) {
        return event.getFormattedMessage().contains(value) || event.getKeyValuePairs() != null
                && event.getKeyValuePairs().stream().anyMatch(pair -> Objects.toString(pair.value).contains(value));
    }

    @Override
    public void close() {
        logger.setLevel(level);
        logger.detachAppender(appender);
    }
}
