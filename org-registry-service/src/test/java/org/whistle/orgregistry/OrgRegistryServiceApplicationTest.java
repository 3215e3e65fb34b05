package org.whistle.orgregistry;

import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.service.AnswersOddValues;
import org.whistle.testing.service.DatabaseServiceContract;
import org.whistle.testing.service.DocumentsItsApi;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class OrgRegistryServiceApplicationTest extends DatabaseServiceContract implements DocumentsItsApi, AnswersOddValues {

    @Autowired
    RSAKey signingKey;

    /** Issue 17: every odd path or query value is answered below 500; an administrator reaches every endpoint. */
    @Override
    public String bearer() {
        return new TestTokens(signingKey).administrator();
    }
}
