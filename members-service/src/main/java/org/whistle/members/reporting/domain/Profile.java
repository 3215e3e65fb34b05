package org.whistle.members.reporting.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a member says about themselves when reporting in: name and phone (personal data, masked for everyone but the
 * member and their branch), kind and type, workplace organisation, skills, service teams they would join and when
 * they can serve.
 */
public record Profile(
        String name,
        String phone,
        MemberKind kind,
        MemberType type,
        @Nullable String workplaceId,
        List<String> skills,
        List<String> teams,
        String availability) {

    public Profile {
        skills = List.copyOf(skills);
        teams = List.copyOf(teams);
    }
}
