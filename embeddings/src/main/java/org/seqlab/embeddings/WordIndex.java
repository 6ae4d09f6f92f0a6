package org.seqlab.embeddings;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A compact string-to-position index: the words in insertion order plus an open-addressing {@code
 * int[]} hash table of positions.
 *
 * <p>Costs the strings themselves, one reference per word and 4 to 8 bytes of table per word (the
 * table is a power of two at most half full), instead of a {@code HashMap}'s node and boxed value.
 */
final class WordIndex {

    private String[] words;
    private int size;
    private int[] table; // position + 1; 0 marks an empty slot
    private int mask;

    WordIndex(int expected) {
        words = new String[Math.max(16, expected)];
        int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        table = new int[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    String word(int i) {
        return words[i];
    }

    /** Returns the position of {@code word}, or -1. */
    int find(String word) {
        int slot = mix(word.hashCode()) & mask;
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            if (words[entry - 1].equals(word)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Appends {@code word} unless present; returns -1 when added, else the existing position. */
    int add(String word) {
        int slot = mix(word.hashCode()) & mask;
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                break;
            }
            if (words[entry - 1].equals(word)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
        if (size == words.length) {
            words = Arrays.copyOf(words, words.length + (words.length >> 1));
        }
        words[size++] = word;
        table[slot] = size;
        if (size * 2 > table.length) {
            rehash(table.length * 2);
        }
        return -1;
    }

    /** Drops the spare capacity of the word array. */
    void trim() {
        if (words.length != size) {
            words = Arrays.copyOf(words, size);
        }
    }

    /** An unmodifiable view of the words in position order; call after {@link #trim()}. */
    List<String> list() {
        return Collections.unmodifiableList(Arrays.asList(words).subList(0, size));
    }

    private void rehash(int capacity) {
        table = new int[capacity];
        mask = capacity - 1;
        for (int i = 0; i < size; i++) {
            int slot = mix(words[i].hashCode()) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i + 1;
        }
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
