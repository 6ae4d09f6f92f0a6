package org.seqlab.seq2seq;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class FusedKernelsTest {

    @Test
    void fusedLstmMatchesTheEquationsInThisEnvironment() {
        double error = FusedKernels.lstmError(Device.cpu());
        assertTrue(error < 1e-5, "fused LSTM differs from the equations by " + error);
        assertDoesNotThrow(() -> FusedKernels.checkLstm(Device.cpu()));
    }
}
