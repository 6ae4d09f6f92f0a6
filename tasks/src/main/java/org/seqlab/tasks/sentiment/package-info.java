/**
 * Sentiment (and any text classification): a bidirectional LSTM/GRU over GloVe-initialized
 * embeddings with masked pooling, trained on labeled texts, scoring reviews with a probability.
 * Same five parts as every task: {@link org.seqlab.tasks.sentiment.SentimentConfig}, {@link
 * org.seqlab.tasks.sentiment.SentimentTrainer}, {@link org.seqlab.tasks.sentiment.SentimentModel},
 * an evaluator and a command.
 */
package org.seqlab.tasks.sentiment;
