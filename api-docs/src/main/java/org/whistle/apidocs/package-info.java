/**
 * The OpenAPI 3.1 document every servlet service publishes, described one way: who may call (bearer tokens, Open311
 * {@code api_key}), what fails (problem details) and which roles an operation requires.
 */
@NullMarked
package org.whistle.apidocs;

import org.jspecify.annotations.NullMarked;
