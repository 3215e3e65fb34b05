package org.whistle.servicedefaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code service-defaults.yml} as the environment's last property source, so every service gets the same
 * probes, metrics, Actuator exposure and environment variable names, while its own configuration and the environment
 * still override any of them.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "whistleServiceDefaults";
    private static final String LOCATION = "org/whistle/servicedefaults/service-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        try {
            new YamlPropertySourceLoader()
                    .load(SOURCE_NAME, new ClassPathResource(LOCATION, ServiceDefaults.class.getClassLoader()))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service defaults " + LOCATION, e);
        }
    }
}
