package dev.secondround.scheduling.engine;

import java.util.Arrays;

/** A small open-addressing map from non-negative long keys to int values, without boxing. */
final class LongIntMap {

    private long[] keys;
    private int[] values;
    private int size;
    private final int missing;

    LongIntMap(int missing) {
        this.missing = missing;
        keys = new long[1 << 10];
        values = new int[1 << 10];
        Arrays.fill(keys, -1L);
    }

    int get(long key) {
        int mask = keys.length - 1;
        for (int i = index(key, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == -1L) {
                return missing;
            }
        }
    }

    void put(long key, int value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = index(key, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                values[i] = value;
                return;
            }
            if (k == -1L) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
        }
    }

    private static int index(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        Arrays.fill(keys, -1L);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != -1L) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
