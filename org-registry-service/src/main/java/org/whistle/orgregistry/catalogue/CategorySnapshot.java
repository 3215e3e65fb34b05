package org.whistle.orgregistry.catalogue;

import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;
import org.whistle.events.ReferenceEvent;
import org.whistle.orgregistry.publishing.ReferenceSource;

/** Hands every category, retired ones too, to the first-start snapshot. */
@Component
class CategorySnapshot implements ReferenceSource {

    private final Categories categories;

    CategorySnapshot(Categories categories) {
        this.categories = categories;
    }

    @Override
    public void currentState(BiConsumer<ReferenceEvent, Long> sink) {
        categories.all(true).forEach(category -> sink.accept(category.toEvent(), category.revision()));
    }
}
