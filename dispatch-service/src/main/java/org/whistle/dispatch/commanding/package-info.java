/**
 * The command platform's actions on a ticket, asked for by people: the command centres' (受理、派哨、转交、督办 …) and
 * the summoned units' (报到、办结、退回 …), authorised, checked against the organisation and answered with the detail.
 */
@NullMarked
package org.whistle.dispatch.commanding;

import org.jspecify.annotations.NullMarked;
