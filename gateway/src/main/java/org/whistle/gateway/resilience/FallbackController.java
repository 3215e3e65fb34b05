package org.whistle.gateway.resilience;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.whistle.gateway.EdgeProperties;
import org.whistle.gateway.edge.Problems;

/**
 * Where a route's circuit breaker forwards when its service is down, too slow or switched off by the breaker: a
 * 503 problem detail naming the service in plain words, with {@code Retry-After} — never the exception.
 */
@RestController
class FallbackController {

    private static final Map<String, String> SERVICES = Map.of(
            "org-registry", "组织与账号服务（单位、账号和登录）",
            "intake", "吹哨受理服务",
            "dispatch", "派单服务（工单和待办）",
            "sla", "时限服务",
            "notification", "通知服务",
            "evaluation", "考核评价服务");

    private static final Logger LOG = LoggerFactory.getLogger(FallbackController.class);

    private final long retryAfterSeconds;

    FallbackController(EdgeProperties properties) {
        this.retryAfterSeconds =
                Problems.retryAfterSeconds(properties.resilience().retryAfter());
    }

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        var name = SERVICES.getOrDefault(service, "该服务");
        Throwable cause = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (cause != null
                && !(cause instanceof CallNotPermittedException)
                && !(cause instanceof BulkheadFullException)) {
            // The breaker counts this call as failed; without the cause no one can tell a service that is down from
            // one the gateway could not reach (a closed pooled connection, a timeout).
            LOG.warn(
                    "{} {} failed at {}: {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(),
                    service,
                    cause.toString());
        }
        var why = switch (cause) {
            case TimeoutException timeout -> "未能及时响应。";
            case CallNotPermittedException open -> "连续出错，正在等待恢复。";
            case BulkheadFullException busy -> "正在处理的请求已达上限。";
            case null, default -> "暂时无法访问。";
        };
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, name + why + "请稍后再试。");
        problem.setType(URI.create("urn:whistle:problem:service-unavailable"));
        problem.setTitle("服务暂不可用");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .body(problem);
    }
}
