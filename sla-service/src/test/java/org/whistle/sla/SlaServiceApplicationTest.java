package org.whistle.sla;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.service.ServiceContract;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = false)
class SlaServiceApplicationTest extends ServiceContract {}
