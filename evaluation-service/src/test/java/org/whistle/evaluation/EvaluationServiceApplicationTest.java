package org.whistle.evaluation;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.service.AnswersOddValues;
import org.whistle.testing.service.DatabaseServiceContract;
import org.whistle.testing.service.DocumentsItsApi;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class EvaluationServiceApplicationTest extends DatabaseServiceContract implements DocumentsItsApi, AnswersOddValues {

    /** Issue 17: every odd path or query value is answered below 500; a caller who may reach every endpoint. */
    @Override
    public String bearer() {
        return org.whistle.testing.TestIssuer.get()
                .token(
                        "odd-values",
                        java.util.List.of("ADMINISTRATOR", "CITY_DISPATCHER", "LEADER"),
                        java.util.List.of("C"),
                        null);
    }
}
