package org.whistle.dispatch.anchoring;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Kafka could not be read, so the timeline cannot be compared with its anchors now: 503, try again later. */
public class AnchorsUnavailableException extends ResponseStatusException {

    AnchorsUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "暂时无法从 Kafka 读取时间线锚点，请稍后再试", cause);
    }
}
