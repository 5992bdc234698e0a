package io.punnet.discovery.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** {@link DiscoveryConfig} instances for tests: the declared defaults, some of them overridden. */
final class Configs {

    private Configs() {
    }

    static DiscoveryConfig discovery(Map<String, Object> overrides) {
        return (DiscoveryConfig) Proxy.newProxyInstance(DiscoveryConfig.class.getClassLoader(),
                new Class<?>[] {DiscoveryConfig.class}, (proxy, method, args) -> {
                    if (overrides.containsKey(method.getName())) {
                        return overrides.get(method.getName());
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    if (method.getName().equals("annotationType")) {
                        return DiscoveryConfig.class;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
