package org.whistle.intake.placing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceNamesTest {

    private static final PlaceNames.Name DISTRICT = new PlaceNames.Name("D", "甘南县", "区县", 2);
    private static final PlaceNames.Name COMMUNITY = new PlaceNames.Name("C2", "文明社区", "社区村", 4);
    private static final PlaceNames.Name ROAD = new PlaceNames.Name("G1", "文明大街", "道路", 3);
    private static final PlaceNames.Name CROSS_ROAD = new PlaceNames.Name("G1", "农机路", "道路", 3);
    private static final List<PlaceNames.Grid> GRIDS = List.of(
            new PlaceNames.Grid("G1", List.of("D", "C1", "G1")), new PlaceNames.Grid("G2", List.of("D", "C2", "G2")));

    @Test
    void aNameInsideALongerNameFoundAtTheSamePlaceCountsAsTheLongerOne() {
        var names = new java.util.ArrayList<PlaceNames.Name>();
        names.add(DISTRICT);
        names.add(ROAD);
        names.add(CROSS_ROAD);
        names.addAll(PlaceNames.withShortForms(COMMUNITY));

        var found = PlaceNames.longest(PlaceNames.find("甘南县文明大街与农机路交叉路口", names));

        assertThat(found).extracting(f -> f.name().text()).containsExactlyInAnyOrder("甘南县", "文明大街", "农机路");
        var ranked = PlaceNames.rank(found, GRIDS, 5);
        assertThat(ranked).extracting(PlaceNames.Ranked::gridId).containsExactly("G1", "G2");
        assertThat(ranked.get(0).score()).isEqualTo(8);
        assertThat(ranked.get(1).score()).isEqualTo(2);
    }

    @Test
    void aShortFormIsFoundWhereTheFullNameIsNot() {
        var found = PlaceNames.longest(PlaceNames.find("文明 社区旁边", PlaceNames.withShortForms(COMMUNITY)));

        // Spaces do not separate a name: 文明 社区 is 文明社区, found once.
        assertThat(found).extracting(f -> f.name().text()).containsExactly("文明社区");
        assertThat(PlaceNames.rank(found, GRIDS, 1))
                .extracting(PlaceNames.Ranked::gridId)
                .containsExactly("G2");
    }

    @Test
    void aRepeatedNameCountsOnceAndNothingFoundProposesNothing() {
        var found = PlaceNames.find("农机路农机路", List.of(CROSS_ROAD));

        assertThat(PlaceNames.rank(found, GRIDS, 5).getFirst().score()).isEqualTo(3);
        assertThat(PlaceNames.rank(PlaceNames.find("别处", List.of(CROSS_ROAD)), GRIDS, 5))
                .isEmpty();
    }
}
