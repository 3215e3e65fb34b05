package org.whistle.evaluation.figures;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.evaluation.organisation.Organisation;
import org.whistle.evaluation.organisation.Staff;
import org.whistle.security.AccessRefusedException;
import org.whistle.security.Caller;
import org.whistle.security.Role;
import org.whistle.texts.Phrase;

/**
 * Who reads which figures (issue 20, "Pages and access"): administrators all; a published period every member of
 * staff; otherwise an area its own subtree (a street its streets, communities and grids), a handling unit its own
 * figures, a command centre's staff the units it summoned, a unit's parent area the units answering for it.
 */
@Component
public class FigureAccess {

    private final JdbcClient jdbc;

    FigureAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void check(@Nullable Caller caller, Organisation.Unit object, boolean published) {
        if (!mayRead(caller, object, published)) {
            throw new AccessRefusedException(Phrase.of("evaluation.refusal.figuresOf", "unit", object.name()));
        }
    }

    public boolean mayRead(@Nullable Caller caller, Organisation.Unit object, boolean published) {
        if (caller == null || !caller.hasAny(Staff.ROLES)) {
            return false;
        }
        if (caller.has(Role.ADMINISTRATOR) || published) {
            return true;
        }
        if (object.id().equals(caller.unit()) || caller.covers(object.path())) {
            return true;
        }
        if (Scope.AREA_KINDS.contains(object.kind()) || "COMMAND_CENTRE".equals(object.kind())) {
            return false;
        }
        // a handling unit: seen by the centres that summoned it, through their areas
        return !caller.orgScope().isEmpty()
                && jdbc.sql("""
                                SELECT EXISTS (SELECT 1 FROM eval_case_unit u
                                    JOIN eval_case c ON c.whistle_id = u.whistle_id
                                    JOIN org_unit a ON a.unit_id = c.area_id
                                    WHERE u.unit_id = :unit
                                      AND (a.unit_id = ANY(CAST(:scope AS TEXT[])) OR a.ancestry && CAST(:scope AS TEXT[])))
                                """)
                        .param("unit", object.id())
                        .param("scope", caller.orgScope().toArray(String[]::new))
                        .query(Boolean.class)
                        .single();
    }
}
