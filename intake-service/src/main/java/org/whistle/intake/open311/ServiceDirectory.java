package org.whistle.intake.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.whistle.events.CategoryChanged;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.texts.Phrase;

/**
 * What an Open311 client reads before it posts: the discovery document, the subcategories (小类) as services grouped
 * by their main category, and each service's definition (its one attribute, urgency).
 */
@Service
public class ServiceDirectory {

    public static final String SPEC = "http://wiki.open311.org/GeoReport_v2";
    private static final String CHANGESET = "2026-01-01T00:00:00+08:00";

    private final OrgReferenceCopy org;

    ServiceDirectory(OrgReferenceCopy org) {
        this.org = org;
    }

    /** @param endpoint the address clients reach the façade at, ending in {@code /open311/v2/} */
    public Map<String, Object> discovery(String endpoint) {
        var described = new LinkedHashMap<String, Object>();
        described.put("specification", SPEC);
        described.put("url", endpoint);
        described.put("changeset", CHANGESET);
        described.put("type", "production");
        described.put("formats", List.of("application/json", "text/xml"));
        var discovery = new LinkedHashMap<String, Object>();
        discovery.put("changeset", CHANGESET);
        discovery.put("contact", "12345 市民服务热线");
        discovery.put("key_service", "API keys are issued by the city's command centre");
        discovery.put("endpoints", List.of(described));
        return discovery;
    }

    /** The category data's handling class of emergencies (docs/org-data-formats.md). */
    static final String EMERGENCY = "EMERGENCY";

    /** Active subcategories as services; main categories are their groups. */
    public List<Map<String, Object>> services() {
        return org.categories().stream()
                .filter(CategoryChanged::active)
                .filter(c -> c.parentCode() != null)
                .map(this::service)
                .toList();
    }

    private Map<String, Object> service(CategoryChanged category) {
        var service = new LinkedHashMap<String, Object>();
        service.put("service_code", category.code());
        service.put("service_name", category.name());
        service.put("description", category.nameEn());
        service.put("metadata", true);
        service.put("type", "realtime");
        service.put(
                "keywords", category.nameEn() == null ? category.name() : category.name() + "," + category.nameEn());
        service.put(
                "group",
                org.category(category.parentCode()).map(CategoryChanged::name).orElse(null));
        // Beyond GeoReport v2, for the raise page (clients ignore what they do not know): an emergency category (the
        // category data's handling class EMERGENCY: 火灾, 燃气泄漏 …) tells the reporter at once to call 119 / 110 /
        // 120, and the category's default urgency is pre-selected (ADR 0040).
        service.put("emergency", EMERGENCY.equals(category.handlingClass()));
        service.put("default_urgency", category.defaultUrgency().name());
        return service;
    }

    /** The definition of an active service. */
    public Map<String, Object> definition(String code) {
        var category = service(code);
        var urgency = new LinkedHashMap<String, Object>();
        urgency.put("variable", true);
        urgency.put("code", "urgency");
        urgency.put("datatype", "singlevaluelist");
        urgency.put("required", false);
        urgency.put("datatype_description", "紧急程度 (default " + category.defaultUrgency() + ")");
        urgency.put("order", 1);
        urgency.put("description", "How urgent is it?");
        urgency.put("values", List.of(value("NORMAL", "一般 (normal)"), value("URGENT", "紧急 (urgent)")));
        var definition = new LinkedHashMap<String, Object>();
        definition.put("service_code", category.code());
        definition.put("attributes", List.of(urgency));
        return definition;
    }

    /** A value of a list attribute, key first as the spec shows it (and the same order on every JVM). */
    private static Map<String, Object> value(String key, String name) {
        var value = new LinkedHashMap<String, Object>();
        value.put("key", key);
        value.put("name", name);
        return value;
    }

    /** The active category a service code names, or the spec's 404. */
    public CategoryChanged service(String code) {
        return org.category(code)
                .filter(CategoryChanged::active)
                .orElseThrow(() -> new Open311Exception(404, Phrase.of("intake.refusal.open311.noService")));
    }
}
