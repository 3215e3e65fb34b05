package org.whistle.testing;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Where a test's own PostgreSQL database is and how to log in to it. */
public record DatabaseCoordinates(String jdbcUrl, String username, String password) {

    /** An unpooled data source for this database, for tests that talk to it directly. */
    public DataSource dataSource() {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(username);
        dataSource.setPassword(password);
        return dataSource;
    }
}
