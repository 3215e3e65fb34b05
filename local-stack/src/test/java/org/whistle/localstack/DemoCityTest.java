package org.whistle.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCityTest {

    @Test
    void unpacksEveryFileTheRegistrySeedsFromAsTheRepositoryHoldsIt(@TempDir Path dir) throws Exception {
        var target = DemoCity.unpack(dir.resolve("demo"));

        for (var file : DemoCity.FILES) {
            assertThat(target.resolve(file)).as(file).exists();
            assertThat(Files.mismatch(target.resolve(file), Path.of("../demo").resolve(file)))
                    .as(file)
                    .isEqualTo(-1L);
        }
    }

    @Test
    void listsOneAccountForEveryRoleAndTheUnitSystems() {
        var accounts = DemoCity.accounts();

        assertThat(accounts.stream()
                        .filter(a -> !a.client())
                        .flatMap(a -> java.util.Arrays.stream(a.roles().split(","))))
                .contains(
                        "RESIDENT",
                        "GRID_WORKER",
                        "PARTY_MEMBER",
                        "COMMUNITY_STAFF",
                        "STREET_DISPATCHER",
                        "DISTRICT_DISPATCHER",
                        "CITY_DISPATCHER",
                        "DEPARTMENT_OFFICER",
                        "DEPARTMENT_LEADER",
                        "PROPERTY_STAFF",
                        "LEADER",
                        "ADMINISTRATOR");
        assertThat(accounts)
                .filteredOn(DemoCity.Account::client)
                .extracting(DemoCity.Account::name)
                .contains("gn-zjj-lzg-system");
        assertThat(accounts).allSatisfy(account -> assertThat(account.secret()).hasSizeGreaterThanOrEqualTo(12));
    }
}
