package org.whistle.dispatch;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts, per HTTP request, the SQL statements the service sends and the transactions it commits (an explicit commit,
 * or a statement run in auto-commit, which commits by itself), at the JDBC level: PostgreSQL's own statistics are not
 * loaded in the embedded database. Work on other threads (listeners, the outbox relay, checkpoints) is not counted.
 */
@TestConfiguration(proxyBeanMethods = false)
class StatementCounting {

    /** What one request sent to the database. */
    record Counts(List<String> statements, int commits) {
        @Override
        public String toString() {
            return statements.size() + " statements, " + commits + " commits: " + String.join(" | ", statements);
        }
    }

    private static final ThreadLocal<@Nullable Recorder> CURRENT = new ThreadLocal<>();
    private static final Map<String, Counts> LAST = new ConcurrentHashMap<>();

    /** The counts of the latest request to {@code method path} (path without the query). */
    static Counts last(String method, String path) {
        var counts = LAST.get(method + " " + path);
        if (counts == null) {
            throw new IllegalStateException("no request to " + method + " " + path + " was counted");
        }
        return counts;
    }

    private static final class Recorder {
        final List<String> statements = new ArrayList<>();
        int commits;
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof Counted)) {
                    return new Counted(dataSource);
                }
                return bean;
            }
        };
    }

    @Bean
    OncePerRequestFilter countingRequests() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var recorder = new Recorder();
                CURRENT.set(recorder);
                try {
                    chain.doFilter(request, response);
                } finally {
                    CURRENT.remove();
                    LAST.put(
                            request.getMethod() + " " + request.getRequestURI(),
                            new Counts(List.copyOf(recorder.statements), recorder.commits));
                }
            }
        };
    }

    /** The application's data source, handing out connections that count. */
    static final class Counted extends DelegatingDataSource {
        Counted(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(super.getConnection(username, password));
        }
    }

    private static Connection counting(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            var recorder = CURRENT.get();
            if (recorder != null && method.getName().equals("commit")) {
                recorder.commits++;
            }
            var result = invoke(target, method, args);
            if (result instanceof Statement statement
                    && (method.getName().startsWith("prepare")
                            || method.getName().equals("createStatement"))) {
                var sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                Class<? extends Statement> type = result instanceof CallableStatement
                        ? CallableStatement.class
                        : result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return countingStatement(type, statement, connection, sql);
            }
            return result;
        });
    }

    private static <S extends Statement> S countingStatement(
            Class<S> type, Statement statement, Connection connection, @Nullable String prepared) {
        return proxy(type, statement, (target, method, args) -> {
            var recorder = CURRENT.get();
            if (recorder != null && method.getName().startsWith("execute")) {
                var sql = prepared != null ? prepared : args != null && args.length > 0 ? String.valueOf(args[0]) : "?";
                recorder.statements.add(sql.strip().replaceAll("\\s+", " "));
                if (connection.getAutoCommit()) {
                    recorder.commits++;
                }
            }
            return invoke(target, method, args);
        });
    }

    @FunctionalInterface
    private interface Handler {
        @Nullable
        Object handle(Object target, Method method, Object @Nullable [] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler invocation = (p, method, args) -> handler.handle(target, method, args);
        return type.cast(
                Proxy.newProxyInstance(StatementCounting.class.getClassLoader(), new Class<?>[] {type}, invocation));
    }

    private static @Nullable Object invoke(Object target, Method method, Object @Nullable [] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
