package org.whistle.orgregistry.importing;

import java.util.ArrayList;
import java.util.List;
import org.whistle.problems.ImportRejectedException;
import org.whistle.problems.RowError;

/**
 * The bad rows found so far in one import. An import collects them all, then {@link #throwIfAny()} rejects the
 * whole import — inside its transaction, so nothing it wrote survives.
 */
public final class ImportErrors {

    private final List<RowError> errors = new ArrayList<>();

    public void add(RowError error) {
        errors.add(error);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
    }
}
