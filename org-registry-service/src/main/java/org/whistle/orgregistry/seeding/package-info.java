/**
 * Loads a whole city from data files into an empty registry at start-up — the demo city in local-stack. Production
 * starts without a seed directory and is filled through the API and its imports.
 */
@NullMarked
package org.whistle.orgregistry.seeding;

import org.jspecify.annotations.NullMarked;
