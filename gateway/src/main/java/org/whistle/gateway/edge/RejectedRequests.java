package org.whistle.gateway.edge;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses addresses with encoded slashes, dot segments, {@code %00} or {@code ;} before any
 * route; its own handler answers 400 with no body. This one answers the problem detail every other refusal is.
 */
@Component
class RejectedRequests implements ServerExchangeRejectedHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return Problems.writeWithoutInstance(
                exchange,
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                "请求格式有误",
                "地址中含有平台不接受的字符或片段（编码的斜杠或反斜杠、点路径段、控制字符或分号）。");
    }
}
