package org.seqlab.corpora;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link TagSchemes#convert(List, TagScheme, TagScheme)}: the tags in the new scheme
 * and how many invalid tags had to be repaired on the way.
 *
 * @param tags the converted tags, one for each input tag; not null
 * @param repairs the number of input tags that broke the rules of the input scheme, at least 0
 */
public record ConvertedTags(List<String> tags, int repairs) {

    /**
     * Copies the tags and checks the count.
     *
     * @throws NullPointerException if {@code tags} or one of them is null
     * @throws IllegalArgumentException if {@code repairs} is negative
     */
    public ConvertedTags {
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        if (repairs < 0) {
            throw new IllegalArgumentException(
                    "The number of repairs must be 0 or more, but it is " + repairs + ".");
        }
    }
}
