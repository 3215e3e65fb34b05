package org.whistle.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every free-text field has a maximum and refuses text that would read differently from what it says. */
class InputBoundsTest extends DispatchServiceTestBase {

    @Test
    void refusesAReasonLongerThanTwoThousandCharactersNamingTheFieldAndChangesNothing() {
        var ticket = "/api/tickets/" + raise(roadDamage());
        var street = streetDispatcherOfGannanTown();

        var refused = post(ticket + "/reject", street, Map.of("reason", "拒".repeat(2_001)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().at("/errors/0/field").asString()).isEqualTo("reason");
        assertThat(refused.text("/detail")).contains("2000");
        assertThat(post(
                                ticket + "/transfer",
                                street,
                                Map.of(
                                        "centre",
                                        DemoCity.GANNAN_CENTRE,
                                        "level",
                                        "DISTRICT",
                                        "reason",
                                        "x".repeat(2_001)))
                        .status())
                .isEqualTo(422);
        assertThat(get(ticket, street).ok().body().at("/revision").asLong()).isEqualTo(1);
        assertThat(post(ticket + "/reject", street, Map.of("reason", "拒".repeat(2_000)))
                        .ok()
                        .text("/state"))
                .as("exactly the maximum is accepted")
                .isEqualTo("REJECTED");
    }

    @Test
    void refusesBidirectionalOverrideAndIsolateCharactersInFreeText() {
        var ticket = "/api/tickets/" + raise(roadDamage());
        var street = streetDispatcherOfGannanTown();

        for (var sneaky : List.of("\u202E", "\u202A", "\u2066", "\u2069")) {
            var refused = post(
                    ticket + "/transfer",
                    street,
                    Map.of("centre", DemoCity.GANNAN_CENTRE, "level", "DISTRICT", "reason", "转交" + sneaky + "区级"));
            assertThat(refused.status()).as("U+%04X", (int) sneaky.charAt(0)).isEqualTo(422);
            assertThat(refused.body().at("/errors/0/field").asString()).isEqualTo("reason");
        }
        assertThat(post(ticket + "/reject", street, Map.of("reason", "a\u0000b"))
                        .status())
                .as("a NUL never reaches the database")
                .isEqualTo(422);
        assertThat(get(ticket, street).ok().body().at("/revision").asLong()).isEqualTo(1);
    }

    @Test
    void boundsAUnitsNotesAndEvidence() {
        var ticket = "/api/tickets/" + raise(roadDamage());
        var street = streetDispatcherOfGannanTown();
        var roads = officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN);
        var task = ticket + "/tasks/" + DemoCity.ROADS_SECTION;
        post(ticket + "/file", street).ok();
        post(ticket + "/summon", street, Map.of("lead", DemoCity.ROADS_SECTION)).ok();
        post(task + "/report-in", roads).ok();

        var longNote = post(task + "/progress", roads, Map.of("note", "修".repeat(2_001), "evidence", List.of()));
        var longContact = post(task + "/contacted-reporter", roads, Map.of("note", "电".repeat(2_001)));
        var badHash = post(
                task + "/done",
                roads,
                Map.of(
                        "note",
                        "修好了",
                        "evidence",
                        List.of(Map.of("mediaId", "m-1", "contentType", "image/jpeg", "sha256", "not-a-hash"))));
        var tooMany = post(
                task + "/done",
                roads,
                Map.of("note", "修好了", "evidence", java.util.Collections.nCopies(21, SeedStoriesServiceTest.PHOTO)));

        assertThat(longNote.status()).isEqualTo(422);
        assertThat(longNote.body().at("/errors/0/field").asString()).isEqualTo("note");
        assertThat(longContact.status()).isEqualTo(422);
        assertThat(longContact.body().at("/errors/0/field").asString()).isEqualTo("note");
        assertThat(badHash.status()).isEqualTo(422);
        assertThat(badHash.body().at("/errors/0/field").asString()).isEqualTo("evidence[0].sha256");
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.body().at("/errors/0/field").asString()).isEqualTo("evidence");
        assertThat(get(ticket, street).ok().text("/state")).isEqualTo("IN_PROGRESS");
    }

    private static org.whistle.events.WhistleRaised roadDamage() {
        return whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "路面破损");
    }
}
