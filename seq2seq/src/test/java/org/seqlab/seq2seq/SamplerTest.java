package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplerTest {

    private static final float[] LOGITS = {2.0f, 1.0f, 0.5f, -1.0f, 3.0f};

    @Test
    void lowTemperatureIsGreedy() {
        Sampler s = new Sampler(1e-4, 0, 1.0);
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 50; i++) {
            assertEquals(4, s.sample(LOGITS, r));
        }
    }

    @Test
    void topKKeepsOnlyTheKMostLikely() {
        Sampler s = new Sampler(1.0, 2, 1.0);
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 500; i++) {
            int id = s.sample(LOGITS, r);
            assertTrue(id == 4 || id == 0, "drew " + id);
        }
    }

    @Test
    void topKKeepsExactlyKWhenProbabilitiesTie() {
        // ids 0, 1 and 2 tie below id 3: top-2 keeps 3 and the lowest tied id, 0, nothing else
        float[] tied = {1.0f, 1.0f, 1.0f, 3.0f};
        Sampler s = new Sampler(1.0, 2, 1.0);
        SplittableRandom r = new SplittableRandom(5);
        int[] counts = new int[tied.length];
        for (int i = 0; i < 2000; i++) {
            counts[s.sample(tied, r)]++;
        }
        assertEquals(0, counts[1] + counts[2], java.util.Arrays.toString(counts));
        assertTrue(counts[0] > 0 && counts[3] > 0, java.util.Arrays.toString(counts));
    }

    @Test
    void topKWithAllProbabilitiesTiedKeepsTheLowestIds() {
        Sampler s = new Sampler(1.0, 2, 1.0);
        SplittableRandom r = new SplittableRandom(6);
        for (int i = 0; i < 500; i++) {
            int id = s.sample(new float[] {0.5f, 0.5f, 0.5f, 0.5f, 0.5f}, r, 0);
            assertTrue(id == 1 || id == 2, "drew " + id);
        }
    }

    @Test
    void topPKeepsTheNucleus() {
        // softmax: p(4)=0.61, p(0)=0.22, rest 0.17 -> top-p 0.7 keeps {4, 0}
        Sampler s = new Sampler(1.0, 0, 0.7);
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            int id = s.sample(LOGITS, r);
            assertTrue(id == 4 || id == 0, "drew " + id);
        }
    }

    @Test
    void frequenciesFollowTheSoftmaxAndBannedIdsNeverAppear() {
        Sampler s = new Sampler(1.0, 0, 1.0);
        SplittableRandom r = new SplittableRandom(4);
        int[] counts = new int[5];
        int n = 20000;
        for (int i = 0; i < n; i++) {
            counts[s.sample(LOGITS, r, 0)]++;
        }
        assertEquals(0, counts[0]);
        double z = Math.exp(1.0) + Math.exp(0.5) + Math.exp(-1.0) + Math.exp(3.0);
        assertEquals(Math.exp(3.0) / z, counts[4] / (double) n, 0.015);
        assertEquals(Math.exp(1.0) / z, counts[1] / (double) n, 0.015);
    }

    @Test
    void aBannedFavouriteAtALowTemperatureLeavesTheBestAllowedId() {
        // id 4 is banned and far ahead: its logit must not be the scale the others underflow at
        Sampler s = new Sampler(1e-3, 0, 1.0);
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < 50; i++) {
            assertEquals(0, s.sample(LOGITS, r, 4));
            assertEquals(1, s.sample(LOGITS, r, 4, 0));
        }
    }

    @Test
    void sameSeedSameDraws() {
        Sampler s = new Sampler(0.8, 3, 0.95);
        SplittableRandom a = new SplittableRandom(7);
        SplittableRandom b = new SplittableRandom(7);
        for (int i = 0; i < 100; i++) {
            assertEquals(s.sample(LOGITS, a), s.sample(LOGITS, b));
        }
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new Sampler(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Sampler(1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Sampler(1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Sampler(1, 0, 1.5));
    }
}
