package io.punnet.deploy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import io.punnet.deploy.core.ActivationWatch;
import io.punnet.deploy.core.ActivationWatch.Component;
import io.punnet.deploy.core.ActivationWatch.ComponentState;
import io.punnet.deploy.core.ActivationWatch.Observation;
import io.punnet.deploy.core.ManifestRules;

/**
 * The framework operations of a rollout on this node: install or update one bundle from a stored
 * jar, refresh only that bundle (the framework then refreshes exactly the bundles wired to its old
 * revision, its dependants), start it, and watch it until it is ACTIVE with its DS components
 * satisfied ({@link ActivationWatch} decides); and the way back: update to the previous jar (or
 * uninstall a bundle that was new), refresh and start again.
 *
 * <p>Not thread safe: the agent calls it from its one deploy thread.
 */
final class BundleInstaller {

    /** Location prefix of bundles this agent installed (rather than updated). */
    static final String LOCATION_PREFIX = "punnet:deploy:";

    private static final long POLL_MS = 50;

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final BundleDigests digests;

    BundleInstaller(BundleContext context, ServiceComponentRuntime scr, BundleDigests digests) {
        this.context = context;
        this.scr = scr;
        this.digests = digests;
    }

    /** The installed bundle with this symbolic name (the highest version if several), if any. */
    Optional<Bundle> find(String symbolicName) {
        Bundle best = null;
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName()) && b.getState() != Bundle.UNINSTALLED
                    && (best == null || b.getVersion().compareTo(best.getVersion()) > 0)) {
                best = b;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every installed bundle. */
    List<Bundle> bundles() {
        return List.of(context.getBundles());
    }

    /** Whether an older revision of the bundle is still wired (an update whose refresh never ran). */
    boolean hasPendingRevision(Bundle bundle) {
        return wiring().getRemovalPendingBundles().contains(bundle);
    }

    /** Whether refreshing this bundle would refresh (restart) the gossip bundle. */
    boolean refreshTouchesGossip(Bundle bundle) {
        Collection<Bundle> closure = wiring().getDependencyClosure(List.of(bundle));
        return closure.stream().anyMatch(b -> ManifestRules.GOSSIP.equals(b.getSymbolicName()));
    }

    /** Installs a new bundle from the jar (not started). */
    Bundle install(String symbolicName, Path jar, String sha256) throws IOException, BundleException {
        try (InputStream in = Files.newInputStream(jar)) {
            Bundle bundle = context.installBundle(LOCATION_PREFIX + symbolicName, in);
            digests.record(bundle, sha256);
            return bundle;
        }
    }

    /** Updates a bundle to the jar (the framework restarts it if it was active; we refresh next). */
    void update(Bundle bundle, Path jar, String sha256) throws IOException, BundleException {
        try (InputStream in = Files.newInputStream(jar)) {
            bundle.update(in);
        }
        digests.record(bundle, sha256);
    }

    /**
     * Refreshes the bundle and, through the framework, its dependants; waits for the end.
     *
     * @return null when done, else why not
     */
    String refresh(Bundle bundle, long timeoutMs) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        List<Throwable> errors = new ArrayList<>();
        wiring().refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.ERROR && event.getThrowable() != null) {
                errors.add(event.getThrowable());
            }
            done.countDown();
        });
        if (!done.await(timeoutMs, TimeUnit.MILLISECONDS)) {
            return "the package refresh did not end within " + timeoutMs + " ms";
        }
        return errors.isEmpty() ? null : "refresh failed: " + errors.get(0);
    }

    /**
     * Starts the bundle and watches it until it is ACTIVE with its components satisfied, or fails.
     *
     * @return null on success, else the reason
     */
    String startAndWatch(Bundle bundle, long timeoutMs) throws InterruptedException {
        long start = System.currentTimeMillis();
        ActivationWatch watch = new ActivationWatch(start, timeoutMs);
        String startError = null;
        try {
            bundle.start();
        } catch (BundleException | IllegalStateException e) {
            startError = oneLine(e);
        }
        while (true) {
            ActivationWatch.Verdict verdict = watch.judge(System.currentTimeMillis(), observe(bundle, startError));
            if (verdict.done()) {
                return verdict.success() ? null : verdict.reason();
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** Puts the previous jar back (or uninstalls a new bundle), refreshes and starts it. */
    String rollback(Bundle bundle, Path previousJar, String previousSha, long refreshTimeoutMs, long timeoutMs)
            throws InterruptedException {
        try {
            if (previousJar == null) {
                bundle.uninstall();
                return refresh(bundle, refreshTimeoutMs);
            }
            update(bundle, previousJar, previousSha);
            String refreshed = refresh(bundle, refreshTimeoutMs);
            if (refreshed != null) {
                return refreshed;
            }
            return startAndWatch(bundle, timeoutMs);
        } catch (IOException | BundleException | IllegalStateException e) {
            return oneLine(e);
        }
    }

    /** The version a bundle runs, as text. */
    static String version(Bundle bundle) {
        Version v = bundle.getVersion();
        return v.toString();
    }

    private Observation observe(Bundle bundle, String startError) {
        List<Component> components = new ArrayList<>();
        Collection<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs(bundle);
        for (ComponentDescriptionDTO d : descriptions) {
            if (!scr.isComponentEnabled(d)) {
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                components.add(component(d.name, c));
            }
        }
        boolean declared = bundle.getHeaders().get("Service-Component") != null && descriptions.isEmpty();
        return new Observation(bundle.getState() == Bundle.ACTIVE, stateName(bundle.getState()), startError, components,
                declared);
    }

    private static Component component(String name, ComponentConfigurationDTO c) {
        return switch (c.state) {
            case ComponentConfigurationDTO.ACTIVE -> new Component(name, ComponentState.ACTIVE, "");
            case ComponentConfigurationDTO.SATISFIED -> new Component(name, ComponentState.SATISFIED, "");
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION ->
                    new Component(name, ComponentState.UNSATISFIED_CONFIGURATION, "");
            case ComponentConfigurationDTO.FAILED_ACTIVATION ->
                    new Component(name, ComponentState.FAILED_ACTIVATION, String.valueOf(c.failure));
            default -> {
                List<String> refs = new ArrayList<>();
                if (c.unsatisfiedReferences != null) {
                    for (var r : c.unsatisfiedReferences) {
                        refs.add(r.name + " (" + r.target + ")");
                    }
                }
                yield new Component(name, ComponentState.UNSATISFIED_REFERENCE, refs.toString());
            }
        };
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "INSTALLED";
        };
    }

    private FrameworkWiring wiring() {
        return context.getBundle(0).adapt(FrameworkWiring.class);
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.replace('\n', ' ').replace('\r', ' ');
    }
}
