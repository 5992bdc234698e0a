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

    @AttributeDefinition(name = "Service type", description = "The DNS-SD type announced and browsed. "
            + "Nodes only find nodes of the same type (and then of the same cluster name).")
    String serviceType() default ServiceType.DEFAULT;

    @AttributeDefinition(name = "Interface poll interval (ms)", description = "How often the interface list "
            + "is read to follow Wi-Fi reconnects and DHCP renewals. Shorter: a new address is announced "
            + "sooner; longer: less work on an idle Pi. 500 to 600000.")
    long interfacePollIntervalInMs() default INTERFACE_POLL_INTERVAL_DEFAULT_MS;

    @AttributeDefinition(name = "Browse interval (ms)", description = "How often a fresh mDNS query is sent on "
            + "every interface, besides listening to announcements all the time. It is what lets two halves "
            + "of a cluster that booted apart find each other when an announcement was lost. Shorter: faster "
            + "merges, more multicast traffic (each query is answered only by nodes the asker does not "
            + "know yet). 1000 to 3600000.")
    long browseIntervalInMs() default BROWSE_INTERVAL_DEFAULT_MS;
}
