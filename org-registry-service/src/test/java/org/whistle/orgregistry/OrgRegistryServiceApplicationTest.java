package org.whistle.orgregistry;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.service.DatabaseServiceContract;
import org.whistle.testing.service.DocumentsItsApi;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class OrgRegistryServiceApplicationTest extends DatabaseServiceContract implements DocumentsItsApi {}
