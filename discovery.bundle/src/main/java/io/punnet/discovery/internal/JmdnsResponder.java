package io.punnet.discovery.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.discovery.core.Announcement;
import io.punnet.discovery.core.Binding;
import io.punnet.discovery.core.Sighting;

/**
 * A {@link Responder} on JmDNS: one {@link JmDNS} instance bound to one interface address, which
 * registers this node's service (instance name = node name; JmDNS renames it on a clash, which is
 * harmless since the TXT record carries the real name) and listens for the others.
 *
 * <p>A service JmDNS reports as added is not resolved yet (no TXT, no address): the listener asks
 * for its details without waiting, and reports it when {@code serviceResolved} arrives. Removals
 * are ignored: whether a node is gone is for gossip's failure detector to say, not for a lost
 * multicast goodbye.
 *
 * <p>The mDNS host name is {@code punnet-<node>.local.}, so it never clashes with the machine's own
 * name announced by Avahi.
 */
final class JmdnsResponder implements Responder, ServiceListener {

    private static final Logger LOG = LoggerFactory.getLogger(JmdnsResponder.class);
    /** How long {@code serviceAdded} waits for the details: not at all, they arrive as serviceResolved. */
    private static final long RESOLVE_WAIT_MS = 1;

    private final Binding binding;
    private final String serviceType;
    private final Consumer<Sighting> sightings;
    private volatile JmDNS jmdns;

    private JmdnsResponder(Binding binding, String serviceType, Consumer<Sighting> sightings) {
        this.binding = binding;
        this.serviceType = serviceType;
        this.sightings = sightings;
    }

    /** The {@link ResponderFactory} of JmDNS responders. */
    static Responder start(Binding binding, String serviceType, Announcement self, Consumer<Sighting> sightings)
            throws IOException {
        JmdnsResponder responder = new JmdnsResponder(binding, serviceType, sightings);
        // an address literal: no name lookup happens here
        InetAddress address = InetAddress.getByName(binding.address());
        JmDNS instance = JmDNS.create(address, "punnet-" + self.node());
        responder.jmdns = instance;
        try {
            instance.addServiceListener(serviceType, responder);
            instance.registerService(ServiceInfo.create(serviceType, self.node(), self.gossipPort(), 0, 0, self.toTxt()));
        } catch (IOException | RuntimeException e) {
            responder.close();
            throw e;
        }
        return responder;
    }

    @Override
    public Binding binding() {
        return binding;
    }

    @Override
    public void serviceAdded(ServiceEvent event) {
        JmDNS dns = jmdns;
        if (dns != null) {
            dns.requestServiceInfo(event.getType(), event.getName(), RESOLVE_WAIT_MS);
        }
    }

    @Override
    public void serviceRemoved(ServiceEvent event) {
        // not a verdict: gossip's failure detector decides whether a node is gone
    }

    @Override
    public void serviceResolved(ServiceEvent event) {
        report(event.getInfo());
    }

    /**
     * JmDNS queries only when a listener is added (three queries, then it relies on announcements and
     * its cache), so a fresh query is a fresh listener registration. The query carries the answers
     * already known, so nodes already known stay silent; only new ones answer.
     */
    @Override
    public void browse() {
        JmDNS dns = jmdns;
        if (dns == null) {
            return;
        }
        dns.removeServiceListener(serviceType, this);
        dns.addServiceListener(serviceType, this);
    }

    private void report(ServiceInfo info) {
        if (info == null) {
            return;
        }
        Map<String, String> txt = new HashMap<>();
        Enumeration<String> names = info.getPropertyNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            String value = info.getPropertyString(name);
            if (value != null) {
                txt.put(name, value);
            }
        }
        List<String> addresses = new ArrayList<>();
        for (Inet4Address a : info.getInet4Addresses()) {
            addresses.add(a.getHostAddress());
        }
        sightings.accept(new Sighting(binding.interfaceName(), txt, addresses));
    }

    /**
     * Asks JmDNS whether it is shutting down or down. The public API has no such question; its
     * implementation class has public {@code isCanceling()}, {@code isCanceled()}, {@code isClosing()}
     * and {@code isClosed()}, reached by reflection (its package is not exported). A running
     * responder is never being closed by us, so any of them means JmDNS gave up (after failed sends
     * it tries to recover, and may end "Down"). If they cannot be reached, it counts as healthy.
     */
    @Override
    public boolean healthy() {
        JmDNS dns = jmdns;
        if (dns == null) {
            return false;
        }
        // a JmDNS that gave up recovering ("we are Down!") stays in "canceling" for good
        return !(flag(dns, "isCanceling") || flag(dns, "isCanceled") || flag(dns, "isClosing") || flag(dns, "isClosed"));
    }

    private static boolean flag(JmDNS dns, String method) {
        try {
            return Boolean.TRUE.equals(dns.getClass().getMethod(method).invoke(dns));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        JmDNS dns = jmdns;
        jmdns = null;
        if (dns == null) {
            return;
        }
        try {
            dns.removeServiceListener(serviceType, this);
            dns.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing mDNS on {}: {}", binding, e.toString());
        }
    }
}
