package io.punnet.rest.fakes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.punnet.metadata.api.DuplicateException;
import io.punnet.metadata.api.InvalidNameException;
import io.punnet.metadata.api.LimitExceededException;
import io.punnet.metadata.api.Metadata;
import io.punnet.metadata.api.MetadataStore;
import io.punnet.metadata.api.NotFoundException;

/** A meta-data store in memory with the real store's refusals (names: lower case letters, digits, _ . -). */
public final class FakeMetadata implements MetadataStore {

    private final String localName;
    private Metadata local = Metadata.empty();
    private final Map<String, Metadata> others = new HashMap<>();

    public FakeMetadata(String localName) {
        this.localName = localName;
    }

    public FakeMetadata other(String node, List<String> services, List<String> tags) {
        others.put(node, new Metadata(services, tags));
        return this;
    }

    @Override
    public synchronized Metadata current() {
        return local;
    }

    @Override
    public synchronized Metadata addService(String name) {
        check(name);
        if (local.services().contains(name)) {
            throw new DuplicateException("service", name);
        }
        if (local.services().size() >= MAX_SERVICES) {
            throw new LimitExceededException("service", MAX_SERVICES);
        }
        List<String> services = new ArrayList<>(local.services());
        services.add(name);
        local = new Metadata(services, local.tags());
        return local;
    }

    @Override
    public synchronized Metadata removeService(String name) {
        check(name);
        if (!local.services().contains(name)) {
            throw new NotFoundException("service", name);
        }
        List<String> services = new ArrayList<>(local.services());
        services.remove(name);
        local = new Metadata(services, local.tags());
        return local;
    }

    @Override
    public synchronized Metadata addTag(String tag) {
        check(tag);
        if (local.tags().contains(tag)) {
            throw new DuplicateException("tag", tag);
        }
        List<String> tags = new ArrayList<>(local.tags());
        tags.add(tag);
        local = new Metadata(local.services(), tags);
        return local;
    }

    @Override
    public synchronized Metadata removeTag(String tag) {
        check(tag);
        if (!local.tags().contains(tag)) {
            throw new NotFoundException("tag", tag);
        }
        List<String> tags = new ArrayList<>(local.tags());
        tags.remove(tag);
        local = new Metadata(local.services(), tags);
        return local;
    }

    private static void check(String name) {
        if (name.isEmpty() || !name.matches("[a-z0-9][a-z0-9_.:-]*")) {
            throw new InvalidNameException(name, "only a-z 0-9 _ . - allowed");
        }
    }

    @Override
    public synchronized Optional<Metadata> of(String node) {
        return node.equals(localName) ? Optional.of(local) : Optional.ofNullable(others.get(node));
    }

    @Override
    public synchronized Map<String, Metadata> all() {
        Map<String, Metadata> all = new HashMap<>(others);
        all.put(localName, local);
        return all;
    }
}
