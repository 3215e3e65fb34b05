package org.whistle.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Captures the access-decision log ({@code whistle.access}, one JSON object per line) while a test runs, from every
 * thread of the JVM, so a test can check who asked for what and how it ended. Either {@link #start()} it and close it,
 * or register it for every test of a class: {@code @RegisterExtension final AccessLogCapture log =
 * AccessLogCapture.perTest();}.
 */
public final class AccessLogCapture implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

    /** The logger service-security's {@code AccessDecisions} writes to. */
    public static final String LOGGER = "whistle.access";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private AccessLogCapture() {
        logger = (Logger) LoggerFactory.getLogger(LOGGER);
        appender.setName("access-log-capture-" + System.identityHashCode(this));
    }

    /** Captures from now until closed. */
    public static AccessLogCapture start() {
        var capture = new AccessLogCapture();
        capture.attach();
        return capture;
    }

    /** Captures during each test of the class that registers it, starting empty each time. */
    public static AccessLogCapture perTest() {
        return new AccessLogCapture();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (appender.list) {
            appender.list.clear();
        }
        attach();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private void attach() {
        appender.start();
        logger.addAppender(appender);
    }

    /** The lines written so far, exactly as logged. */
    public synchronized List<String> lines() {
        synchronized (appender.list) {
            return appender.list.stream()
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }

    /** The entries written so far, parsed. */
    public List<JsonNode> entries() {
        return lines().stream().map(JSON::readTree).toList();
    }

    public List<JsonNode> entries(Predicate<JsonNode> which) {
        return entries().stream().filter(which).toList();
    }

    /** The entries about one record. */
    public List<JsonNode> about(String resource, String resourceId) {
        return entries(entry -> resource.equals(entry.path("resource").asString(""))
                && resourceId.equals(entry.path("resourceId").asString("")));
    }

    /** The entries of one caller (token subject). */
    public List<JsonNode> by(String subject) {
        return entries(entry -> subject.equals(entry.path("who").path("subject").asString("")));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
