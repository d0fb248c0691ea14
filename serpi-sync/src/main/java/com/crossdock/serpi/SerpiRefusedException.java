package com.crossdock.serpi;

import java.util.List;

import com.crossdock.platform.kafka.Retryability;
import com.crossdock.vendor.serpi.SerpiEnvelope;

/** SERPI refused one article of an array ({@code errors} of its answer named it): permanent, a dead letter. */
final class SerpiRefusedException extends RuntimeException implements Retryability {

    SerpiRefusedException(String operation, String code, List<SerpiEnvelope.Error> errors) {
        super("SERPI refused article " + code + " (" + operation + "): "
                + errors.stream().map(SerpiEnvelope.Error::message).toList());
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
