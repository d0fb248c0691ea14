package com.crossdock.vendor.serpi;

import com.crossdock.platform.kafka.Retryability;

/**
 * An article that cannot be written to SERPI as it is: a field SERPI requires is missing, or a mapping entry that
 * gives one of SERPI's required ids is not configured. The message names what is missing (the setting to add, e.g.
 * {@code crossdock.serpi.mapping.units.KG}); permanent until that is fixed, then the dead letter is replayed.
 */
public class UnmappableArticleException extends IllegalArgumentException implements Retryability {

    public UnmappableArticleException(String code, String missing) {
        super("article " + code + " cannot be written to SERPI: " + missing);
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
