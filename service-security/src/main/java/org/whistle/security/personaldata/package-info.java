/**
 * Personal data leaving a service: how phones and names are masked, who sees a contact in full
 * ({@link org.whistle.security.personaldata.ContactDisclosurePolicy}), and the log of every decision to show or refuse
 * it ({@link org.whistle.security.personaldata.AccessDecisions}, logger {@code whistle.access}).
 */
@NullMarked
package org.whistle.security.personaldata;

import org.jspecify.annotations.NullMarked;
