package io.punnet.gossip.core.wire;

import java.util.random.RandomGenerator;

/** A nonce source that hands out the same bytes every time: for golden-bytes tests only. */
final class FixedNonces implements RandomGenerator {

    private final byte[] bytes;

    FixedNonces(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] target) {
        for (int index = 0; index < target.length; index++) {
            target[index] = bytes[index % bytes.length];
        }
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("only nextBytes is expected");
    }
}
