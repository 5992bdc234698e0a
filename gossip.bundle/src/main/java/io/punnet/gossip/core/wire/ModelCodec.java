package io.punnet.gossip.core.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.punnet.gossip.core.model.Endpoint;
import io.punnet.gossip.core.model.EndpointState;
import io.punnet.gossip.core.model.GossipDigest;
import io.punnet.gossip.core.model.HeartbeatState;
import io.punnet.gossip.core.model.VersionedValue;
import io.punnet.gossip.core.wire.MalformedPacketException.Reason;

/**
 * Writes and reads the nouns of the protocol that messages are made of, in exactly the layout
 * {@link io.punnet.gossip.core.message.MessageSize} counts:
 *
 * <pre>
 * digest  = name:string  generation:varint  heartbeat:varint  stateVersion:varint
 * state   = name:string  host:string  port:varint  generation:varint  heartbeat:varint
 *           count:varint  { key:string  value:string  version:varint }   (keys strictly ascending)
 * </pre>
 *
 * Reading validates ranges (port 1..65535, positive generation and value versions), limits (see
 * {@link WireLimits}) and order, so that every decoded record is one its constructor accepts and
 * every encoding is the only one of its value.
 */
final class ModelCodec {

    private ModelCodec() {
    }

    static void writeDigests(WireWriter out, List<GossipDigest> digests) {
        out.writeCount(digests.size(), WireLimits.MAX_MEMBERS);
        for (GossipDigest digest : digests) {
            out.writeString(digest.name(), WireLimits.MAX_NAME_BYTES);
            out.writeVarLong(digest.generation());
            out.writeVarLong(digest.heartbeat());
            out.writeVarLong(digest.stateVersion());
        }
    }

    static List<GossipDigest> readDigests(WireReader in) {
        int count = in.readCount(WireLimits.MAX_MEMBERS);
        List<GossipDigest> digests = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            digests.add(new GossipDigest(in.readString(WireLimits.MAX_NAME_BYTES), in.readNonNegativeLong(),
                    in.readNonNegativeLong(), in.readNonNegativeLong()));
        }
        return digests;
    }

    static void writeStates(WireWriter out, List<EndpointState> states) {
        out.writeCount(states.size(), WireLimits.MAX_MEMBERS);
        for (EndpointState state : states) {
            writeState(out, state);
        }
    }

    static List<EndpointState> readStates(WireReader in) {
        int count = in.readCount(WireLimits.MAX_MEMBERS);
        List<EndpointState> states = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            states.add(readState(in));
        }
        return states;
    }

    static void writeState(WireWriter out, EndpointState state) {
        out.writeString(state.name(), WireLimits.MAX_NAME_BYTES);
        out.writeString(state.endpoint().host(), WireLimits.MAX_HOST_BYTES);
        out.writeVarInt(state.endpoint().port());
        out.writeVarLong(state.heartbeat().generation());
        out.writeVarLong(state.heartbeat().version());
        out.writeCount(state.applicationState().size(), WireLimits.MAX_VALUES_PER_STATE);
        for (Map.Entry<String, VersionedValue> entry : state.applicationState().entrySet()) {
            out.writeString(entry.getKey(), WireLimits.MAX_KEY_BYTES);
            out.writeString(entry.getValue().value(), WireLimits.MAX_VALUE_BYTES);
            out.writeVarLong(entry.getValue().version());
        }
    }

    static EndpointState readState(WireReader in) {
        String name = in.readString(WireLimits.MAX_NAME_BYTES);
        String host = in.readString(WireLimits.MAX_HOST_BYTES);
        if (host.isEmpty()) {
            throw new MalformedPacketException(Reason.OUT_OF_RANGE, "empty host of " + name);
        }
        int port = in.readVarInt(65_535);
        if (port == 0) {
            throw new MalformedPacketException(Reason.OUT_OF_RANGE, "port 0 of " + name);
        }
        long generation = positive(in.readNonNegativeLong(), "generation");
        long heartbeat = in.readNonNegativeLong();
        return new EndpointState(name, new Endpoint(host, port), new HeartbeatState(generation, heartbeat),
                readValues(in));
    }

    private static TreeMap<String, VersionedValue> readValues(WireReader in) {
        int count = in.readCount(WireLimits.MAX_VALUES_PER_STATE);
        TreeMap<String, VersionedValue> values = new TreeMap<>();
        String previous = null;
        for (int index = 0; index < count; index++) {
            String key = in.readString(WireLimits.MAX_KEY_BYTES);
            if (previous != null && previous.compareTo(key) >= 0) {
                throw new MalformedPacketException(Reason.UNORDERED, "key '" + key + "' after '" + previous + "'");
            }
            String value = in.readString(WireLimits.MAX_VALUE_BYTES);
            values.put(key, new VersionedValue(value, positive(in.readNonNegativeLong(), "value version")));
            previous = key;
        }
        return values;
    }

    private static long positive(long value, String what) {
        if (value == 0) {
            throw new MalformedPacketException(Reason.OUT_OF_RANGE, what + " 0");
        }
        return value;
    }
}
