package org.whistle.dispatch;

import org.whistle.testing.service.AnswersOddValues;
import org.whistle.testing.service.DatabaseServiceContract;
import org.whistle.testing.service.DocumentsItsApi;

@DispatchServiceTest
class DispatchServiceApplicationTest extends DatabaseServiceContract implements DocumentsItsApi, AnswersOddValues {

    /** Issue 17: every odd path or query value is answered below 500; a caller who may reach every endpoint. */
    @Override
    public String bearer() {
        return org.whistle.testing.TestIssuer.get()
                .token(
                        "odd-values",
                        java.util.List.of("ADMINISTRATOR", "CITY_DISPATCHER", "LEADER"),
                        java.util.List.of("230200"),
                        null);
    }
}
