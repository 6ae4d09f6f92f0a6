package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import org.seqlab.eval.ValidationMetric;

/**
 * What a {@link TrainingLoop} trains: a model, its data in a fixed order, and its validation.
 *
 * <p>The loop owns epochs, gradients, clipping, the optimizer, the learning-rate schedule,
 * checkpoints and time; the task owns the model and data. Steps of an epoch are visited in order
 * {@code 0..stepsPerEpoch()-1}, so (epoch, step) is a complete data position.
 */
public interface TrainingTask {

    /** A step's mean loss (still attached to the autograd graph) and how many tokens it saw. */
    record StepLoss(NDArray loss, long tokens) {}

    /** Returns the parameters to train. */
    NamedParameters parameters();

    /** Returns the number of steps in every epoch. */
    int stepsPerEpoch();

    /** Called before step 0 of each epoch (not when resuming mid-epoch). */
    void startEpoch(int epoch);

    /**
     * Runs the forward pass of one step; arrays made for the step belong to {@code manager}, which
     * the loop closes after the update.
     */
    StepLoss forward(NDManager manager, int epoch, int step);

    /**
     * Called after the backward pass and before clipping and the update, with the gradients in
     * place; e.g. to zero the gradient of a frozen embedding. Does nothing by default.
     */
    default void beforeUpdate(int epoch) {}

    /**
     * Returns the validation value by which the loop keeps the best model, decays the learning rate
     * and stops early: the {@link #metric()} on the validation data (NaN when there is none).
     */
    double validate();

    /** Returns what {@link #validate()} measures and which way is better; a loss by default. */
    default ValidationMetric metric() {
        return ValidationMetric.LOSS;
    }

    /**
     * Called when validation improved: persist the current weights as the best model.
     *
     * @param value the validation value, in the task's {@link #metric()}
     * @param epoch the 1-based epoch (the one cut short, for a stop inside an epoch)
     */
    void saveBest(double value, int epoch) throws IOException;

    /** Returns state that must survive a checkpoint beside the weights (e.g. carried states). */
    NDList checkpointState();

    /** Restores what {@link #checkpointState()} returned; arrays belong to the caller. */
    void restoreState(NDList state);
}
