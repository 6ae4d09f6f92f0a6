package org.seqlab.corpora.series;

import java.util.Locale;
import java.util.Objects;

/**
 * What {@link TimeSeriesReader} does with gaps in the timestamps and missing values.
 *
 * <p>A gap is one or more steps of the series' frequency without a row; a missing value is an empty
 * cell or {@code NA}, {@code NaN} or {@code null}. Text that is not a number is always an error,
 * whatever the policy.
 */
public enum FillPolicy {
    /** Gaps and missing values are errors. */
    NONE("none"),
    /**
     * A missing value takes the last known value of its column; missing values at the start of a
     * column take its first known value.
     */
    PREVIOUS("previous"),
    /**
     * A missing value is interpolated linearly in time between the known values before and after
     * it; missing values before the first or after the last known value take that value.
     */
    LINEAR("linear");

    private final String id;

    FillPolicy(String id) {
        this.id = id;
    }

    /**
     * Returns the id: {@code none}, {@code previous} or {@code linear}.
     *
     * @return the lowercase id that {@link #parse(String)} reads back
     */
    public String id() {
        return id;
    }

    /**
     * Returns the policy with an id; surrounding whitespace and case are ignored.
     *
     * @param id {@code none}, {@code previous} or {@code linear}; not null
     * @return the policy
     * @throws IllegalArgumentException if no policy has the id; the message lists the ids
     */
    public static FillPolicy parse(String id) {
        Objects.requireNonNull(id, "id");
        String key = id.strip().toLowerCase(Locale.ROOT);
        for (FillPolicy p : values()) {
            if (p.id.equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "Unknown fill policy '" + id + "'; the policies are: none, previous, linear.");
    }
}
