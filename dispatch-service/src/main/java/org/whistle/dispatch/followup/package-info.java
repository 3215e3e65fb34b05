/**
 * The reporter's answer (回访), their own or recorded by phone (电话回访): once per round, satisfied closes a verified
 * ticket, "not fixed" reopens it (返工).
 */
@NullMarked
package org.whistle.dispatch.followup;

import org.jspecify.annotations.NullMarked;
