package org.whistle.notification.textmessages;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.web.client.RestClient;
import org.whistle.notification.delivery.Undeliverable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The phone a unit's duty officers are texted on: the unit's duty contact (值班联系人) as org-registry keeps it. The
 * organisation's copy on the bus ({@code org-unit-changed}) carries no contact, so org-registry is asked each time:
 * {@code GET {org-registry-uri}/internal/units/{code}/duty-contact} with this service's client-credentials token,
 * answered with {@code {"dutyName": "…", "dutyPhone": "…"}}. The call is traced ({@link InternalHttp}).
 */
class UnitDutyContacts {

    private final @Nullable URI orgRegistry;
    private final ServiceTokens tokens;
    private final InternalHttp http;

    UnitDutyContacts(@Nullable URI orgRegistry, ServiceTokens tokens, RestClient.Builder builder) {
        this.orgRegistry = orgRegistry;
        this.tokens = tokens;
        this.http = new InternalHttp(builder);
    }

    /**
     * @throws Undeliverable when the unit has no duty phone or org-registry is not configured or refuses
     * @throws IOException when org-registry cannot be asked now; another attempt may succeed
     */
    String phoneOf(String unitCode) throws IOException, InterruptedException {
        if (orgRegistry == null) {
            throw Undeliverable.unreachable("未配置机构名录（whistle.notification.org-registry-uri），无法取得值班电话");
        }
        var path = "/internal/units/"
                + URLEncoder.encode(unitCode, StandardCharsets.UTF_8).replace("+", "%20") + "/duty-contact";
        var response = http.get(orgRegistry.resolve(path), "Bearer " + tokens.token());
        switch (response.statusCode()) {
            case 200 -> {
                var phone = JsonMapper.shared().readTree(response.body()).path("dutyPhone");
                if (!phone.isString() || phone.asString().isBlank()) {
                    throw Undeliverable.unreachable("机构名录中该单位没有值班电话");
                }
                return phone.asString();
            }
            case 401, 403 -> {
                tokens.forget();
                throw Undeliverable.unreachable("机构名录拒绝提供值班电话：HTTP " + response.statusCode());
            }
            case 404 -> throw Undeliverable.unreachable("机构名录中该单位没有值班电话");
            default -> throw new IOException("org-registry answered HTTP " + response.statusCode());
        }
    }
}
