package org.whistle.intake.open311.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.intake.open311.ServiceDirectory;

/**
 * Open311 GeoReport v2 at {@code /open311/v2/}: what a client reads before it posts — discovery, services and their
 * definitions. Documents in {@code .json} or {@code .xml} ({@link Open311Rendering}); errors in the spec's format
 * ({@link Open311Errors}).
 */
@RestController
@RequestMapping(Open311Calls.BASE)
class DiscoveryController {

    private final ServiceDirectory directory;
    private final Open311Calls calls;
    private final Open311Rendering rendering;

    DiscoveryController(ServiceDirectory directory, Open311Calls calls, Open311Rendering rendering) {
        this.directory = directory;
        this.calls = calls;
        this.rendering = rendering;
    }

    @GetMapping("/discovery.{format}")
    ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
        var call = Open311Request.of(format, new LinkedMultiValueMap<>());
        return rendering.ok(call.format(), "discovery", "discovery", directory.discovery(calls.endpoint(request)));
    }

    @GetMapping("/services.{format}")
    ResponseEntity<String> services(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
        var call = calls.open(format, params);
        return rendering.ok(call.format(), "services", "service", directory.services());
    }

    @GetMapping("/services/{code}.{format}")
    ResponseEntity<String> service(
            @PathVariable String code,
            @PathVariable String format,
            @RequestParam MultiValueMap<String, String> params) {
        var call = calls.open(format, params);
        return rendering.ok(call.format(), "service_definition", "service_definition", directory.definition(code));
    }
}
