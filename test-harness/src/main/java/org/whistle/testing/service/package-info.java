/** What every Whistle service promises operations, as tests a service's own test class inherits. */
@NullMarked
package org.whistle.testing.service;

import org.jspecify.annotations.NullMarked;
