package org.seqlab.seq2seq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import org.seqlab.eval.ValidationKind;

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
     * Returns the validation score the loop minimizes to keep the best model and decay the learning
     * rate: a loss in nats per token, or an error rate (NaN when there is none).
     */
    double validate();

    /** Returns what {@link #validate()} measures; a loss unless overridden. */
    default ValidationKind validationKind() {
        return ValidationKind.LOSS;
    }

    /** Called when validation improved: persist the current weights as the best model. */
    void saveBest(double validLoss, int epoch) throws IOException;

    /** Returns state that must survive a checkpoint beside the weights (e.g. carried states). */
    NDList checkpointState();

    /** Restores what {@link #checkpointState()} returned; arrays belong to the caller. */
    void restoreState(NDList state);
}
