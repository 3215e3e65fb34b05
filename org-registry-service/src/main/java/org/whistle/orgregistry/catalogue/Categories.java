package org.whistle.orgregistry.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.events.Urgency;
import org.whistle.orgreference.domain.catalogue.Category;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.catalogue.HandlingClass;

/** The stored categories, read and written with plain SQL. Other capabilities read categories through it. */
@Component
public class Categories {

    private final JdbcClient jdbc;
    private final Clock clock;

    Categories(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Category> find(CategoryCode code) {
        return jdbc.sql("SELECT * FROM category WHERE code = ?")
                .param(code.value())
                .query(Categories::map)
                .optional();
    }

    /** Every category, 大类 before their 小类, each level by code. */
    public List<Category> all(boolean includeRetired) {
        return jdbc.sql("""
                        SELECT * FROM category WHERE active OR :includeRetired
                        ORDER BY coalesce(parent_code, code), parent_code NULLS FIRST, code
                        """)
                .param("includeRetired", includeRetired)
                .query(Categories::map)
                .list();
    }

    List<CategoryCode> activeSubcategoriesOf(CategoryCode code) {
        return jdbc.sql("SELECT code FROM category WHERE parent_code = ? AND active ORDER BY code")
                .param(code.value())
                .query((rs, n) -> new CategoryCode(rs.getString(1)))
                .list();
    }

    boolean hasSubcategories(CategoryCode code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM category WHERE parent_code = ?)")
                .param(code.value())
                .query(Boolean.class)
                .single();
    }

    void insert(Category category) {
        jdbc.sql("""
                        INSERT INTO category (code, name, name_en, parent_code, handling_class, default_urgency,
                                              active, revision, updated_at)
                        VALUES (:code, :name, :nameEn, :parent, :handlingClass, :urgency, :active, :revision, :at)
                        """).params(params(category)).update();
    }

    void update(Category category) {
        jdbc.sql("""
                        UPDATE category SET name = :name, name_en = :nameEn, parent_code = :parent,
                               handling_class = :handlingClass, default_urgency = :urgency, active = :active,
                               revision = :revision, updated_at = :at
                        WHERE code = :code
                        """).params(params(category)).update();
    }

    private java.util.Map<String, Object> params(Category category) {
        var params = new java.util.HashMap<String, Object>();
        params.put("code", category.code().value());
        params.put("name", category.name());
        params.put("nameEn", category.nameEn());
        params.put(
                "parent", category.parent() == null ? null : category.parent().value());
        params.put("handlingClass", category.handlingClass().name());
        params.put("urgency", category.defaultUrgency().name());
        params.put("active", category.active());
        params.put("revision", category.revision());
        params.put("at", Timestamp.from(clock.instant()));
        return params;
    }

    private static Category map(ResultSet rs, int row) throws SQLException {
        var parent = rs.getString("parent_code");
        return new Category(
                new CategoryCode(rs.getString("code")),
                rs.getString("name"),
                rs.getString("name_en"),
                parent == null ? null : new CategoryCode(parent),
                HandlingClass.valueOf(rs.getString("handling_class")),
                Urgency.valueOf(rs.getString("default_urgency")),
                rs.getBoolean("active"),
                rs.getLong("revision"));
    }
}
