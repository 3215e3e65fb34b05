package org.whistle.events;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The refusals of {@link RequiredFields} name the missing field's path from the event down, as they did before the
 * components of a type were worked out once per type (issue 22); checking the same type again gives the same answer.
 */
class RequiredFieldsTest {

    record Leaf(String name, @Nullable String note) {}

    record Branch(
            Leaf leaf,
            List<Leaf> leaves,
            Map<String, Leaf> byName,
            @Nullable Leaf spare) {}

    private static final Leaf LEAF = new Leaf("a", null);

    @Test
    void passesAValueWhoseRequiredFieldsAreAllThereAndLeavesNullableOnesAlone() {
        for (int i = 0; i < 3; i++) {
            assertThatCode(() -> RequiredFields.check(new Branch(LEAF, List.of(LEAF), Map.of("a", LEAF), null)))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void namesTheMissingFieldByItsPathThroughRecordsListsAndMaps() {
        assertThatThrownBy(() -> RequiredFields.check(new Branch(null, List.of(), Map.of(), null)))
                .hasMessage("required field missing: Branch.leaf");
        assertThatThrownBy(() -> RequiredFields.check(new Branch(new Leaf(null, "x"), List.of(), Map.of(), null)))
                .hasMessage("required field missing: Branch.leaf.name");
        assertThatThrownBy(() ->
                        RequiredFields.check(new Branch(LEAF, List.of(LEAF, new Leaf(null, null)), Map.of(), null)))
                .hasMessage("required field missing: Branch.leaves[1].name");
        assertThatThrownBy(() -> RequiredFields.check(new Branch(LEAF, Arrays.asList(LEAF, null), Map.of(), null)))
                .hasMessage("required field missing: Branch.leaves[1]");
        var withNull = new HashMap<String, Leaf>();
        withNull.put("b", null);
        assertThatThrownBy(() -> RequiredFields.check(new Branch(LEAF, List.of(), withNull, null)))
                .hasMessage("required field missing: Branch.byName[b]");
        assertThatThrownBy(() -> RequiredFields.check(new Branch(LEAF, List.of(), Map.of(), new Leaf(null, null))))
                .hasMessage("required field missing: Branch.spare.name");
    }
}
