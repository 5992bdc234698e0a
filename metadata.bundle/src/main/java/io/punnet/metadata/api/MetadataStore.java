package io.punnet.metadata.api;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * This node's meta-data (services and tags), kept in {@code meta-data.json} in the node's data
 * directory, and every other node's, as gossiped.
 *
 * <p>Names: a service name is 1 to {@value #MAX_SERVICE_LENGTH} characters of {@code a-z 0-9 _ . -}
 * starting with a letter or digit ({@code nginx_webserver}); a tag is 1 to
 * {@value #MAX_TAG_LENGTH} characters of {@code a-z 0-9 _ . - :} starting with a letter or digit
 * ({@code rack-2}, {@code zone:kitchen}). Upper case is refused, not folded, so that what is
 * stored is exactly what was asked for. At most {@value #MAX_SERVICES} services and
 * {@value #MAX_TAGS} tags per node.
 *
 * <p>Changes: each change is written to disk atomically (the file holds either the old or the
 * new meta-data, even if the node dies mid-write) before it returns, and then gossiped. Concurrent
 * changes are applied one at a time; none is lost. A change that would change nothing is refused
 * ({@link DuplicateException}, {@link NotFoundException}) rather than silently accepted, so a
 * caller learns that its view was stale.
 *
 * <p>Thread safety: every method may be called from any thread. Changes block on a disk write
 * (with fsync: milliseconds, more on an SD card); reads never block on disk or network.
 */
@ProviderType
public interface MetadataStore {

    /** Longest service name. */
    int MAX_SERVICE_LENGTH = 63;

    /** Longest tag. */
    int MAX_TAG_LENGTH = 32;

    /** Most services on one node. */
    int MAX_SERVICES = 10;

    /** Most tags on one node. */
    int MAX_TAGS = 10;

    /** This node's meta-data now. */
    Metadata current();

    /**
     * Adds a service to this node.
     *
     * @return the meta-data after the change
     * @throws InvalidNameException   the name breaks the rules
     * @throws DuplicateException     the service is already there
     * @throws LimitExceededException the node has {@value #MAX_SERVICES} services already
     * @throws java.io.UncheckedIOException the file could not be written (nothing changed)
     * @throws IllegalStateException  the file was written by a newer version of this bundle and is
     *                                read-only here
     */
    Metadata addService(String name);

    /**
     * Removes a service from this node.
     *
     * @throws InvalidNameException the name breaks the rules
     * @throws NotFoundException    the service is not there
     * @throws java.io.UncheckedIOException the file could not be written (nothing changed)
     * @throws IllegalStateException as for {@link #addService}
     */
    Metadata removeService(String name);

    /** Adds a tag; throws as {@link #addService} does, with the tag rules and {@value #MAX_TAGS}. */
    Metadata addTag(String tag);

    /** Removes a tag; throws as {@link #removeService} does. */
    Metadata removeTag(String tag);

    /**
     * The meta-data of one node: this node's own from {@link #current()}, another's as last
     * gossiped. Empty if the node is unknown, has gossiped none, or gossiped a form this version
     * cannot read (a newer one).
     */
    Optional<Metadata> of(String node);

    /** The meta-data of every member that has some (this node included), by node name. */
    Map<String, Metadata> all();
}
