package org.whistle.dispatch;

import org.whistle.testing.service.DatabaseServiceContract;
import org.whistle.testing.service.DocumentsItsApi;

@DispatchServiceTest
class DispatchServiceApplicationTest extends DatabaseServiceContract implements DocumentsItsApi {}
