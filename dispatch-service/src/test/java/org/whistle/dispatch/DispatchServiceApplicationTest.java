package org.whistle.dispatch;

import org.whistle.testing.service.DatabaseServiceContract;

@DispatchServiceTest
class DispatchServiceApplicationTest extends DatabaseServiceContract {}
