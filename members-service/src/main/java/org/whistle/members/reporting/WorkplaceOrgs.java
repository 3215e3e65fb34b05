package org.whistle.members.reporting;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.members.reporting.domain.WorkplaceOrg;
import org.whistle.problems.ConflictException;
import org.whistle.texts.Phrase;

/** Workplace organisations and who their contact is. */
@Repository
public class WorkplaceOrgs {

    private final JdbcClient jdbc;

    WorkplaceOrgs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(WorkplaceOrg org, String recordedBy) {
        int added = jdbc.sql("""
                        INSERT INTO workplace_org (id, name, reports_to, contact_subject, contact_name, contact_phone,
                            first_secretary, reported_at, recorded_by)
                        VALUES (:id, :name, :reportsTo, :contact, :contactName, :contactPhone, :firstSecretary,
                            :at, :by)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", org.id())
                .param("name", org.name())
                .param("reportsTo", org.reportsTo())
                .param("contact", org.contactSubject())
                .param("contactName", org.contactName())
                .param("contactPhone", org.contactPhone())
                .param("firstSecretary", org.firstSecretary())
                .param("at", Timestamp.from(org.reportedAt()))
                .param("by", recordedBy)
                .update();
        if (added == 0) {
            throw new ConflictException(Phrase.of("members.refusal.workplaceExists"));
        }
    }

    public Optional<WorkplaceOrg> byId(String id) {
        return jdbc.sql("SELECT * FROM workplace_org WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new WorkplaceOrg(
                        rs.getString("id"),
                        rs.getString("name"),
                        rs.getString("reports_to"),
                        rs.getString("contact_subject"),
                        rs.getString("contact_name"),
                        rs.getString("contact_phone"),
                        rs.getString("first_secretary"),
                        rs.getTimestamp("reported_at").toInstant()))
                .optional();
    }

    /** The organisations whose contact is this account. */
    public List<WorkplaceOrg> ofContact(String subject) {
        return jdbc
                .sql("SELECT id FROM workplace_org WHERE contact_subject = :subject ORDER BY name, id")
                .param("subject", subject)
                .query(String.class)
                .list()
                .stream()
                .map(id -> byId(id).orElseThrow())
                .toList();
    }

    public List<WorkplaceOrg> all() {
        return jdbc.sql("SELECT id FROM workplace_org ORDER BY name").query(String.class).list().stream()
                .map(id -> byId(id).orElseThrow())
                .toList();
    }
}
