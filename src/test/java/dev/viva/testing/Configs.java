package dev.viva.testing;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.util.Map;

/** Builds a real {@code @ConfigMapping} outside Quarkus, so plain JUnit tests run with the documented defaults. */
public final class Configs {

    private Configs() {
    }

    /** The mapping with its {@code @WithDefault} values, overridden by {@code properties}. */
    public static <T> T mapping(Class<T> type, Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(type)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(type);
    }

    public static <T> T mapping(Class<T> type) {
        return mapping(type, Map.of());
    }
}
