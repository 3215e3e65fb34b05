package org.whistle.intake.phonesearch.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.intake.phonesearch.PhoneSearch;
import org.whistle.security.Caller;

/**
 * {@code POST /api/whistles/phone-search} with {@code {"phone": "…"}}: the number travels in the body, not the URL,
 * so it stays out of the access logs that record URLs.
 */
@RestController
class PhoneSearchController {

    /** The request: the whole number as the caller typed it. */
    record PhoneSearchRequest(@Nullable String phone) {}

    private final PhoneSearch search;

    PhoneSearchController(PhoneSearch search) {
        this.search = search;
    }

    @PostMapping("/api/whistles/phone-search")
    PhoneSearch.Answer search(Caller caller, @RequestBody PhoneSearchRequest request) {
        return search.find(caller, request.phone());
    }
}
