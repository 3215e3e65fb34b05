package org.whistle.security.personaldata;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.whistle.security.Caller;
import org.whistle.security.personaldata.AccessDecision.Accessor;
import org.whistle.security.personaldata.AccessDecision.Outcome;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every decision to show or refuse personal data: one JSON line per decision on the logger
 * {@value #LOGGER}, and the counter {@value #METER} tagged by resource and outcome. Services call it where they
 * decide; refusals Spring Security makes before a controller runs are recorded for the routes a service names in its
 * {@link PersonalDataRoutes}.
 *
 * <pre>{@code
 * decisions.about("whistle", id, "read").by(caller).disclosed("reporter.phone", MASKED).allowed("staff-in-scope");
 * }</pre>
 */
public final class AccessDecisions {

    public static final String LOGGER = "whistle.access";
    public static final String METER = "whistle.access.decisions";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    /** As the gateway accepts request ids, so nothing arbitrary from a caller reaches the log. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final String service;
    private final Clock clock;
    private final @Nullable MeterRegistry meters;
    private final JsonMapper json = JsonMapper.shared();

    public AccessDecisions(String service, Clock clock, @Nullable MeterRegistry meters) {
        this.service = service;
        this.clock = clock;
        this.meters = meters;
    }

    /** Starts a decision on one record ({@code id} null for a list or an unknown record). */
    public Pending about(String resource, @Nullable Object id, String action) {
        return new Pending(resource, id == null ? null : id.toString(), action);
    }

    /** Writes the entry and counts it; returns it for callers that want to assert on it. */
    public AccessDecision record(AccessDecision decision) {
        LOG.info(json.writeValueAsString(decision.asJson(service)));
        if (meters != null) {
            Counter.builder(METER)
                    .description("Decisions to show or refuse personal data")
                    .tag("resource", decision.resource())
                    .tag("outcome", decision.outcome().name())
                    .register(meters)
                    .increment();
        }
        return decision;
    }

    /** The {@code X-Request-Id} of the request being handled, when there is one and it is well-formed. */
    public static @Nullable String currentRequestId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            var id = servlet.getRequest().getHeader(REQUEST_ID_HEADER);
            return id != null && REQUEST_ID.matcher(id).matches() ? id : null;
        }
        return null;
    }

    /** A decision being described; {@link #allowed}, {@link #denied} or {@link #hidden} records it. */
    public final class Pending {

        private final String resource;
        private final @Nullable String id;
        private final String action;
        private Accessor who = Accessor.ANONYMOUS;
        private final Map<String, Disclosure> disclosed = new LinkedHashMap<>();
        private @Nullable Integer items;

        private Pending(String resource, @Nullable String id, String action) {
            this.resource = resource;
            this.id = id;
            this.action = action;
        }

        /** The caller of the request; null is an anonymous caller. */
        public Pending by(@Nullable Caller caller) {
            this.who = Accessor.of(caller);
            return this;
        }

        public Pending by(Accessor accessor) {
            this.who = accessor;
            return this;
        }

        /** A personal field the answer carries, and how much of it. */
        public Pending disclosed(String field, Disclosure how) {
            disclosed.put(field, how);
            return this;
        }

        public Pending items(int count) {
            this.items = count;
            return this;
        }

        public AccessDecision allowed(String rule) {
            return finish(Outcome.ALLOWED, rule);
        }

        /** Refused openly; nothing was disclosed, whatever was described before. */
        public AccessDecision denied(String rule) {
            disclosed.clear();
            return finish(Outcome.DENIED, rule);
        }

        /** Refused as not found; nothing was disclosed. */
        public AccessDecision hidden(String rule) {
            disclosed.clear();
            return finish(Outcome.HIDDEN, rule);
        }

        private AccessDecision finish(Outcome outcome, String rule) {
            return record(new AccessDecision(
                    clock.instant(),
                    currentRequestId(),
                    who,
                    resource,
                    id,
                    action,
                    outcome,
                    rule,
                    disclosed,
                    outcome == Outcome.ALLOWED ? items : null));
        }
    }
}
