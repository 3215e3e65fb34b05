package org.whistle.testing;

/** A running PostgreSQL server the tests of this JVM share, one database each. */
interface PostgresBackend extends AutoCloseable {

    /** Creates the database {@code name}, a safe lower-case identifier, and tells how to reach it. */
    DatabaseCoordinates createDatabase(String name);

    @Override
    void close();
}
