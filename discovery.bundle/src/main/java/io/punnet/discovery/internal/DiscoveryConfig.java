package io.punnet.discovery.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.punnet.discovery.core.ServiceType;

/**
 * The configuration of discovery (pid {@value DiscoveryComponent#PID}). Which interfaces mDNS uses
 * is a node setting instead ({@code punnet.discovery.interfaces}), since it differs per machine.
 */
@ObjectClassDefinition(name = "Punnet discovery",
        description = "Zero-configuration discovery of the other nodes with mDNS (DNS-SD). Static seeds are "
                + "the gossip bundle's setting punnet.seeds; the interfaces are punnet.discovery.interfaces.")
@interface DiscoveryConfig {

    /** Default of {@link #interfacePollIntervalInMs()}. */
    long INTERFACE_POLL_INTERVAL_DEFAULT_MS = 5_000;
    /** Default of {@link #browseIntervalInMs()}. */
    long BROWSE_INTERVAL_DEFAULT_MS = 30_000;
    /** Default of {@link #joinedBrowseIntervalInMs()}. */
    long JOINED_BROWSE_INTERVAL_DEFAULT_MS = 300_000;

    @AttributeDefinition(name = "Service type", description = "The DNS-SD type announced and browsed. "
            + "Nodes only find nodes of the same type (and then of the same cluster name).")
    String serviceType() default ServiceType.DEFAULT;

    @AttributeDefinition(name = "Interface poll interval (ms)", description = "How often the interface list "
            + "is read to follow Wi-Fi reconnects and DHCP renewals. Shorter: a new address is announced "
            + "sooner; longer: less work on an idle Pi. 500 to 600000.")
    long interfacePollIntervalInMs() default INTERFACE_POLL_INTERVAL_DEFAULT_MS;

    @AttributeDefinition(name = "Browse interval while alone (ms)", description = "How often a fresh mDNS query is "
            + "sent on every interface while gossip knows no other live member, besides listening to "
            + "announcements all the time; also how often the node checks whether it is alone. Shorter: a "
            + "lone node finds a peer whose announcement it missed sooner, at the cost of more multicast "
            + "traffic. 1000 to 3600000.")
    long browseIntervalInMs() default BROWSE_INTERVAL_DEFAULT_MS;

    @AttributeDefinition(name = "Browse interval once joined (ms)", description = "How often a fresh mDNS query "
            + "is sent once gossip knows another live member (rounded up to a whole number of the interval "
            + "while alone). New nodes are still heard at once (they announce themselves); this query is what "
            + "merges two halves of a cluster that booted apart, so it bounds that merge. Every node that "
            + "matches a query answers it: shorter means faster merges and more multicast traffic and CPU on "
            + "every node of an idle cluster. 1000 to 86400000.")
    long joinedBrowseIntervalInMs() default JOINED_BROWSE_INTERVAL_DEFAULT_MS;
}
