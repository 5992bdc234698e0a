package io.punnet.gossip.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/**
 * Length-prefixed frames on a push-pull stream: a 4-byte big-endian length, then that many bytes
 * (one sealed envelope). A length above the cap is refused before anything is allocated, and the
 * whole frame must arrive within a deadline (a per-read timeout alone would let a peer trickle one
 * byte at a time for ever).
 */
final class Frames {

    /** The length prefix. */
    static final int PREFIX_BYTES = 4;

    private Frames() {
    }

    /** A frame that could not be read: too big, cut short, or too slow. */
    static final class FrameException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        FrameException(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        /** The drop counter name. */
        String reason() {
            return reason;
        }
    }

    /** Writes one frame and flushes. */
    static void write(OutputStream out, byte[] payload) throws IOException {
        byte[] frame = new byte[PREFIX_BYTES + payload.length];
        ByteBuffer.wrap(frame).putInt(payload.length).put(payload);
        out.write(frame);
        out.flush();
    }

    /**
     * Reads one frame of at most {@code maxBytes} from {@code socket}, all of it before
     * {@code deadlineNanos} ({@link System#nanoTime()} time).
     */
    static byte[] read(Socket socket, int maxBytes, long deadlineNanos) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] prefix = readFully(socket, in, PREFIX_BYTES, deadlineNanos);
        int length = ByteBuffer.wrap(prefix).getInt();
        if (length < 0 || length > maxBytes) {
            throw new FrameException("too-big", "frame of " + Integer.toUnsignedString(length)
                    + " bytes beyond the cap of " + maxBytes);
        }
        return readFully(socket, in, length, deadlineNanos);
    }

    private static byte[] readFully(Socket socket, InputStream in, int length, long deadlineNanos) throws IOException {
        byte[] bytes = new byte[length];
        int done = 0;
        while (done < length) {
            long leftMs = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                throw new SocketTimeoutException("frame not complete in time (" + done + " of " + length + " bytes)");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMs));
            int n = in.read(bytes, done, length - done);
            if (n < 0) {
                throw new FrameException("truncated", "stream closed after " + done + " of " + length + " bytes");
            }
            done += n;
        }
        return bytes;
    }
}
