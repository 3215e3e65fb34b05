package org.whistle.evaluation.appraisal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds indicator sets and secretaries from a file when the service starts, if one is configured ({@code
 * whistle.evaluation.appraisal.seed-file}; the local stack gives the demo city's). Whatever exists is left as it is,
 * so a restart adds nothing twice and never overwrites what the city changed.
 */
@Component
class AppraisalSeed {

    private static final Logger LOG = LoggerFactory.getLogger(AppraisalSeed.class);

    private final SecretaryAppraisals appraisals;
    private final String file;

    AppraisalSeed(SecretaryAppraisals appraisals, @Value("${whistle.evaluation.appraisal.seed-file:}") String file) {
        this.appraisals = appraisals;
        this.file = file;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!file.isBlank()) {
            seed(Path.of(file));
        }
    }

    /** Imports the file; returns how many sets and secretaries were new. */
    int seed(Path path) {
        SeedFile seed;
        try {
            seed = JsonMapper.shared().readValue(Files.readString(path), SeedFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the appraisal seed file " + path, e);
        }
        int added = 0;
        if (seed.indicatorSets() != null) {
            for (var set : seed.indicatorSets()) {
                added += appraisals.importSet(set.toSet()) ? 1 : 0;
            }
        }
        if (seed.secretaries() != null) {
            for (var s : seed.secretaries()) {
                added += appraisals.importSecretary(s.community(), s.name(), s.level(), s.tookOffice(), s.stars())
                        ? 1
                        : 0;
            }
        }
        LOG.info("appraisal seed {}: {} new sets and secretaries", path, added);
        return added;
    }
}
