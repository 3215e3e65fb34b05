/** The identity capability's HTTP edge: the login page and the administrators' account, client and import API. */
@NullMarked
package org.whistle.orgregistry.identity.web;

import org.jspecify.annotations.NullMarked;
