package com.crossdock.paqtana.demand;

/** The view has not applied the order yet: transient, the error handler tries the record again. */
class ViewBehindException extends RuntimeException {

    ViewBehindException(String message) {
        super(message);
    }
}
