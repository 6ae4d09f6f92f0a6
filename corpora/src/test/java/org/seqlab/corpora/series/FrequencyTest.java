package org.seqlab.corpora.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class FrequencyTest {

    @Test
    void idsReadBack() {
        assertEquals("half-hourly", Frequency.HALF_HOURLY.id());
        assertEquals("monthly", Frequency.MONTHLY.id());
        for (Frequency f : Frequency.values()) {
            assertEquals(f, Frequency.parse(f.id()));
        }
        assertEquals(Frequency.HALF_HOURLY, Frequency.parse(" HALF_HOURLY "));
        assertEquals(Frequency.DAILY, Frequency.parse("Daily"));
    }

    @Test
    void unknownIdListsTheIds() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Frequency.parse("yearly"));
        assertEquals(
                "Unknown frequency 'yearly'; the frequencies are: half-hourly, hourly, daily,"
                        + " weekly, monthly.",
                e.getMessage());
    }

    @Test
    void seasonalPeriodsAndSubDaily() {
        assertEquals(336, Frequency.HALF_HOURLY.seasonalPeriod());
        assertEquals(168, Frequency.HOURLY.seasonalPeriod());
        assertEquals(7, Frequency.DAILY.seasonalPeriod());
        assertEquals(52, Frequency.WEEKLY.seasonalPeriod());
        assertEquals(12, Frequency.MONTHLY.seasonalPeriod());
        assertTrue(Frequency.HALF_HOURLY.subDaily());
        assertTrue(Frequency.HOURLY.subDaily());
        assertFalse(Frequency.DAILY.subDaily());
        assertFalse(Frequency.WEEKLY.subDaily());
        assertFalse(Frequency.MONTHLY.subDaily());
    }

    @Test
    void plusSteps() {
        LocalDateTime t = LocalDateTime.of(2000, 1, 31, 23, 30);
        assertEquals(LocalDateTime.of(2000, 2, 1, 0, 30), Frequency.HALF_HOURLY.plus(t, 2));
        assertEquals(LocalDateTime.of(2000, 1, 31, 20, 30), Frequency.HOURLY.plus(t, -3));
        assertEquals(LocalDateTime.of(2000, 3, 1, 23, 30), Frequency.DAILY.plus(t, 30));
        assertEquals(LocalDateTime.of(2000, 2, 14, 23, 30), Frequency.WEEKLY.plus(t, 2));
        assertEquals(LocalDateTime.of(2000, 2, 29, 23, 30), Frequency.MONTHLY.plus(t, 1));
        assertEquals(LocalDateTime.of(2001, 1, 31, 23, 30), Frequency.MONTHLY.plus(t, 12));
    }

    @Test
    void fillPolicyIds() {
        for (FillPolicy p : FillPolicy.values()) {
            assertEquals(p, FillPolicy.parse(p.id()));
        }
        assertEquals(FillPolicy.LINEAR, FillPolicy.parse("Linear"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> FillPolicy.parse("zero"));
        assertEquals(
                "Unknown fill policy 'zero'; the policies are: none, previous, linear.",
                e.getMessage());
    }
}
