package io.punnet.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * Serves the dashboard's scripts and styles (this bundle's {@code /static/assets}) at {@code /assets/}.
 * The page reads everything it shows from the public REST API, so this bundle can be swapped on
 * its own.
 */
@Component(service = DashboardResources.class, immediate = true)
@HttpWhiteboardResource(pattern = "/assets/*", prefix = "/static/assets")
public final class DashboardResources {
}
