package org.whistle.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a {@code @SpringBootTest} at the JVM's shared real Kafka and, unless {@link #database()} is false, at a
 * PostgreSQL database of its own: one fresh database per distinct (cached) application context.
 *
 * <p>Sets {@code spring.kafka.bootstrap-servers} and {@code spring.datasource.url|username|password}, above the
 * application's configuration and below properties the test declares itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealInfrastructure {

    /** Whether the context gets a database; services without one leave PostgreSQL unstarted. */
    boolean database() default true;
}
