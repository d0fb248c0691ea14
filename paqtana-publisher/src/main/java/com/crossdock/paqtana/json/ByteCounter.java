package com.crossdock.paqtana.json;

import java.io.OutputStream;

/** A sink that keeps nothing but the number of bytes written to it: a body is measured without buffering it. */
final class ByteCounter extends OutputStream {

    private long count;

    @Override
    public void write(int b) {
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        count += len;
    }

    long count() {
        return count;
    }
}
