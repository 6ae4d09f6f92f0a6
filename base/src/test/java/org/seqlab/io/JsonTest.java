package org.seqlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonTest {

    record Sample(String name, double value, Double boxed) {}

    @Test
    void numberPrintsFiniteValuesAndNullOtherwise() {
        assertEquals("1.5", Json.number(1.5));
        assertEquals("-2.0", Json.number(-2));
        assertEquals("null", Json.number(Double.NaN));
        assertEquals("null", Json.number(Double.POSITIVE_INFINITY));
        assertEquals(1e-5, Double.parseDouble(Json.number(1e-5)), 0);
    }

    @Test
    void recordRoundTripWithNaNAsNull() {
        String json = Json.toJson(new Sample(null, Double.NaN, 3.0));
        assertEquals("{\"name\":null,\"value\":null,\"boxed\":3.0}", json);
        Sample back = Json.fromJson(json, Sample.class);
        assertEquals(null, back.name());
        assertTrue(Double.isNaN(back.value()));
        assertEquals(3.0, back.boxed());
    }

    @Test
    void rejectsInvalidJson() {
        assertThrows(
                IllegalArgumentException.class, () -> Json.fromJson("{\"value\":", Sample.class));
        assertThrows(IllegalArgumentException.class, () -> Json.fromJson(null, Sample.class));
    }
}
