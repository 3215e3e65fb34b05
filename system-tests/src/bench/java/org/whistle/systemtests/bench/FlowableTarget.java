package org.whistle.systemtests.bench;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** The Flowable baseline ({@link FlowableServer}) driven with the same requests and bodies as Whistle. */
final class FlowableTarget implements LifecycleTarget {

    private final Http http;
    private final URI base;

    FlowableTarget(Http http, URI base) {
        this.http = http;
        this.base = base;
    }

    @Override
    public String name() {
        return "Flowable";
    }

    @Override
    public String raise(String idempotencyKey, long sequence) {
        var answer = http.post(
                base.resolve("/whistles"),
                null,
                WhistleTarget.whistle(sequence, "NORMAL"),
                Map.of("Idempotency-Key", idempotencyKey));
        if (answer.status() != 201) {
            throw new Refused(answer.status(), answer.body());
        }
        return answer.json().path("id").asString();
    }

    @Override
    public Optional<String> routed(String whistleId) {
        var answer = http.get(base.resolve("/tickets/by-whistle/" + whistleId), null);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.ok()) {
            throw new Refused(answer.status(), answer.body());
        }
        return Optional.of(answer.json().path("id").asString());
    }

    @Override
    public void act(Step step, String ticket) {
        var path = "/tickets/" + ticket;
        var lead = WhistleTarget.LEAD;
        var answer = switch (step) {
            case FILE -> http.post(base.resolve(path + "/file"), null, "{}");
            case SUMMON -> http.post(base.resolve(path + "/summon"), null, "{\"lead\":\"" + lead + "\"}");
            case REPORT_IN -> http.post(base.resolve(path + "/tasks/" + lead + "/report-in"), null, "{}");
            case DONE ->
                http.post(
                        base.resolve(path + "/tasks/" + lead + "/done"), null, "{\"note\":\"路面已修复\",\"evidence\":[]}");
            case VERIFY -> http.post(base.resolve(path + "/verify"), null, "{\"pass\":true}");
            case CLOSE -> http.post(base.resolve(path + "/close"), null, "{}");
            case RAISE -> throw new IllegalArgumentException("raise is not an action on a ticket");
        };
        if (!answer.ok()) {
            throw new Refused(answer.status(), answer.body());
        }
    }
}
