package org.whistle.apidocs.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void aRowBeyondTheSizeMeansAnotherPageAfterTheLastItemKept() {
        var page = Page.of(List.of(9L, 8L, 7L), 2, String::valueOf);

        assertThat(page.items()).containsExactly(9L, 8L);
        assertThat(page.after()).isEqualTo("8");

        assertThat(page.linked("/api/notifications/inbox", "unread=true&after=10&size=2")
                        .next())
                .isEqualTo("/api/notifications/inbox?unread=true&size=2&after=8");
    }

    @Test
    void theLastPageHasNoCursorAndNoLink() {
        var page = Page.of(List.of(9L, 8L), 2, String::valueOf);

        assertThat(page.after()).isNull();
        assertThat(page.linked("/api/notifications/inbox", null).next()).isNull();
    }
}
