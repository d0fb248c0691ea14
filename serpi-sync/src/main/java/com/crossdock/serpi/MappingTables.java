package com.crossdock.serpi;

import com.crossdock.vendor.serpi.SerpiMapping;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The create-id tables ({@code crossdock.serpi.mapping.*}, {@link SerpiMapping}) as the environment states them now,
 * bound again for every batch the writer sends: a dead letter replayed after a mapping was added is written with it,
 * whichever way the setting reached the environment.
 */
final class MappingTables {

    static final String PREFIX = "crossdock.serpi.mapping";

    private final Environment environment;

    MappingTables(Environment environment) {
        this.environment = environment;
    }

    SerpiMapping current() {
        return Binder.get(environment).bindOrCreate(PREFIX, SerpiMapping.class);
    }
}
