package org.whistle.evaluation;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.whistle.testing.service.RefusalTexts;

/**
 * The refusals staff read from evaluation-service — periods and levels written wrong, export formats, exemptions
 * without a case, weights and rankings a role may not see or change — are plain Chinese by default and English when
 * asked (ADR 0043): no sentence fixed at the throw site in one language.
 */
class RefusalTextsTest extends EvaluationServiceTest {

    private RefusalTexts refusals() {
        var resident = token("resident-texts", List.of("RESIDENT"), List.of(), null);
        var street = token("dispatcher-texts", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);
        var admin = administrator();
        return new RefusalTexts()
                .refuses(422, call("GET", "/api/evaluation/figures?object=S1&period=2025-13", admin, null))
                .refuses(
                        422,
                        call("GET", "/api/evaluation/figures/export?object=S1&period=2025-05&format=pdf", admin, null))
                .refuses(422, call("POST", "/api/evaluation/exemptions", admin, "{}"))
                .refuses(403, call("GET", "/api/evaluation/appraisals/weights", resident, null))
                .refuses(422, call("POST", "/api/evaluation/appraisals/weights", street, "{}"))
                .refuses(403, call("GET", "/api/evaluation/appraisals/periods/2025-Q1/adjustments", resident, null));
    }

    @Test
    void refusesInPlainChineseByDefault() throws Exception {
        refusals().inPlainChineseByDefault();
    }

    @Test
    void refusesInEnglishWhenTheCallerPrefersIt() throws Exception {
        refusals().inEnglishWhenTheCallerPrefersIt();
    }

    private RefusalTexts.Request call(String method, String path, String token, @Nullable String json) {
        return RefusalTexts.call(URI.create("http://localhost:" + port + path), method, token, json);
    }
}
