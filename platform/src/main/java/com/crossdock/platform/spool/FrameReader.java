package com.crossdock.platform.spool;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads frames from one segment by position, with a read-ahead buffer so that scanning a segment costs
 * one system call per 64 KB rather than two per record. It never reads at or beyond {@code limit}, the
 * end of what the writer has made durable, so a frame being appended is never seen half written.
 */
final class FrameReader implements Closeable {

    enum Status { OK, END, INCOMPLETE, DAMAGED }

    /** The outcome of one read; {@code record} and {@code next} are set for {@link Status#OK} only. */
    record Result(Status status, SpoolRecord record, long next, String problem) {
    }

    private static final int READ_AHEAD = 64 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_AHEAD);
    private long bufferStart = -1;

    FrameReader(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    Path file() {
        return file;
    }

    /** The segment file's size: a segment whose damaged tail was set aside ends before the next one's base. */
    long size() throws IOException {
        return channel.size();
    }

    /** Reads the frame at {@code position} (bytes from the segment start) that must end by {@code limit}. */
    Result read(long position, long limit) throws IOException {
        if (position >= limit) {
            return new Result(Status.END, null, position, null);
        }
        if (limit - position < FrameCodec.HEADER_BYTES) {
            return new Result(Status.INCOMPLETE, null, position, "frame header cut short");
        }
        ByteBuffer header = fetch(position, FrameCodec.HEADER_BYTES, limit);
        int length = header.getInt(0);
        int checksum = header.getInt(4);
        if (length < FrameCodec.MIN_PAYLOAD || length > FrameCodec.MAX_PAYLOAD) {
            return new Result(Status.DAMAGED, null, position, "impossible frame length " + length);
        }
        long next = position + FrameCodec.HEADER_BYTES + length;
        if (next > limit) {
            return new Result(Status.INCOMPLETE, null, position, "frame cut short");
        }
        ByteBuffer payload = fetch(position + FrameCodec.HEADER_BYTES, length, limit);
        if (FrameCodec.checksum(length, payload) != checksum) {
            return new Result(Status.DAMAGED, null, position, "checksum mismatch");
        }
        try {
            return new Result(Status.OK, FrameCodec.decode(payload), next, null);
        } catch (IllegalArgumentException e) {
            return new Result(Status.DAMAGED, null, position, "malformed payload: " + e.getMessage());
        }
    }

    /** Whether every byte from {@code position} to {@code limit} is zero: space the disk never wrote. */
    boolean allZero(long position, long limit) throws IOException {
        for (long at = position; at < limit; at += READ_AHEAD) {
            int length = (int) Math.min(READ_AHEAD, limit - at);
            ByteBuffer chunk = fetch(at, length, limit);
            for (int i = 0; i < length; i++) {
                if (chunk.get(i) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private ByteBuffer fetch(long position, int length, long limit) throws IOException {
        if (bufferStart >= 0 && position >= bufferStart && position + length <= bufferStart + buffer.limit()) {
            return buffer.slice((int) (position - bufferStart), length);
        }
        if (length > READ_AHEAD) {
            ByteBuffer large = ByteBuffer.allocate(length);
            readFully(large, position);
            return large.flip();
        }
        buffer.clear().limit((int) Math.min(READ_AHEAD, limit - position));
        bufferStart = -1;
        readFully(buffer, position);
        buffer.flip();
        bufferStart = position;
        return buffer.slice(0, length);
    }

    private void readFully(ByteBuffer target, long position) throws IOException {
        long at = position;
        while (target.hasRemaining()) {
            int read = channel.read(target, at);
            if (read < 0) {
                throw new EOFException("segment " + file + " ends before byte " + at);
            }
            at += read;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
