/** 报到: members and workplace organisations reporting to compounds, confirmation, grid assignment, transfers. */
@NullMarked
package org.whistle.members.reporting;

import org.jspecify.annotations.NullMarked;
