package com.crossdock.paqtana.json;

import java.io.IOException;
import java.io.OutputStream;

/** Lets one JSON generator write a long document into a sequence of buffers, one target at a time. */
final class SwitchableOutputStream extends OutputStream {

    private OutputStream target = OutputStream.nullOutputStream();

    void target(OutputStream target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
    }

    @Override
    public void close() {
        // the buffers belong to the HTTP client once emitted; the generator must not close them
    }
}
