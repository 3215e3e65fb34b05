/**
 * One shape for a page of a list, shared by every service: the items, the size asked for, the cursor of the next page
 * ({@code after}) and the link to it ({@code next}), both absent on the last page.
 */
@NullMarked
package org.whistle.apidocs.paging;

import org.jspecify.annotations.NullMarked;
