package org.whistle.intake.open311.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.whistle.intake.IntakeProperties;
import org.whistle.intake.open311.Open311Exception;
import org.whistle.texts.Phrase;

/** What every Open311 call shares: its parameters once format and jurisdiction are checked, and the public address. */
@Component
class Open311Calls {

    static final String BASE = "/open311/v2";

    private final IntakeProperties.Open311 settings;

    Open311Calls(IntakeProperties properties) {
        this.settings = properties.open311();
    }

    IntakeProperties.Open311 settings() {
        return settings;
    }

    /** The call's parameters, once its format is known and its jurisdiction (if named) is ours. */
    Open311Request open(String format, MultiValueMap<String, String> params) {
        var call = Open311Request.of(format, params);
        var jurisdiction = call.text("jurisdiction_id");
        if (jurisdiction != null && !jurisdiction.equals(settings.jurisdictionId())) {
            throw new Open311Exception(404, Phrase.of("intake.refusal.open311.noJurisdiction"));
        }
        return call;
    }

    /**
     * The façade's public address, ending in {@code /open311/v2/}: the platform's public URL when set (never intake's
     * own loopback address), else the request's.
     */
    String endpoint(HttpServletRequest request) {
        var configured = settings.publicUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.strip().replaceFirst("/+$", "") + BASE + "/";
        }
        var url = request.getRequestURL().toString();
        return url.substring(0, url.indexOf(BASE) + BASE.length()) + "/";
    }
}
