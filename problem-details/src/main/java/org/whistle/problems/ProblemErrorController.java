package org.whistle.problems;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where errors sent with {@code sendError} outside any controller land — Spring Security's firewall refusing an
 * address with {@code ;}, {@code %25} or {@code //}, a filter's 401 — instead of Boot's {@code {timestamp, error}}
 * JSON, which is no problem detail.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        // Asked for directly, /error is just an address with nothing at it.
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ContainerProblems.forStatus(
                        status, CallerLanguage.of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE))));
    }
}
