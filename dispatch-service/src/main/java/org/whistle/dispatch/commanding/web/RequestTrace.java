package org.whistle.dispatch.commanding.web;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.whistle.events.TraceIds;

/**
 * The W3C trace of the request being handled, carried into the events a change publishes: the caller's
 * {@code traceparent} when it sent one (the gateway does), a new trace otherwise.
 */
final class RequestTrace {

    private RequestTrace() {}

    static String traceId() {
        var attributes = RequestContextHolder.getRequestAttributes();
        var traceparent = attributes instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getHeader("traceparent")
                : null;
        return TraceIds.traceIdOf(traceparent);
    }
}
