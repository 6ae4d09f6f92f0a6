package org.seqlab.seq2seq;

/** Where the run stands; mutated step by step and snapshotted into checkpoints. */
final class RunState {
    int epoch;
    int step;
    long global;
    float lr;
    double best;
    int sinceDecay;
    int sinceBest;
    boolean improvedThisEpoch; // by any validation of the epoch, mid-epoch ones included
    double lossSum;
    int epochSteps;
    long epochTokens;
    double epochSeconds;
    final double priorSeconds;
    final long t0 = System.nanoTime();
    long runTokens;
    double trainNanos;
    double stepNanos;
    double validNanos;

    RunState(Checkpoint.Position p) {
        epoch = p.epoch();
        step = p.step();
        global = p.globalStep();
        lr = p.schedule().learningRate();
        best = p.schedule().best();
        sinceDecay = p.schedule().sinceDecay();
        sinceBest = p.schedule().sinceBest();
        lossSum = p.totals().lossSum();
        epochSteps = p.totals().steps();
        epochTokens = p.totals().tokens();
        epochSeconds = p.totals().seconds();
        priorSeconds = p.elapsedSeconds();
    }

    double seconds() {
        return priorSeconds + (System.nanoTime() - t0) / 1e9;
    }

    void startEpoch() {
        step = 0;
        lossSum = 0;
        epochSteps = 0;
        epochTokens = 0;
        epochSeconds = 0;
    }

    /** Returns the position at which a resumed run goes on with {@code (atEpoch, atStep)}. */
    Checkpoint.Position resumeAt(int atEpoch, int atStep) {
        Checkpoint.EpochTotals totals =
                atStep == 0
                        ? Checkpoint.EpochTotals.NONE
                        : new Checkpoint.EpochTotals(
                                lossSum, epochSteps, epochTokens, epochSeconds);
        return new Checkpoint.Position(
                atEpoch,
                atStep,
                global,
                new Checkpoint.Schedule(lr, best, sinceDecay, sinceBest),
                totals,
                seconds());
    }
}
