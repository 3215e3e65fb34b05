package org.whistle.testing;

/** A running Kafka broker the tests of this JVM share. */
interface KafkaBackend extends AutoCloseable {

    String bootstrapServers();

    @Override
    void close();
}
