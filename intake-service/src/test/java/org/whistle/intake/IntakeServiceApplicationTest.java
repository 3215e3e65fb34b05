package org.whistle.intake;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.service.DatabaseServiceContract;

/** The service contract every Whistle service meets; configured like {@code IntakeTest}, so it shares that context. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class IntakeServiceApplicationTest extends DatabaseServiceContract {}
