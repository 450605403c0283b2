package dev.secondround.scheduling.engine;

import java.util.Objects;

/** "{@code count} people from pool {@code poolId}", e.g. one interviewer from "java-technical". */
public record PoolDemand(String poolId, int count) {

    public PoolDemand {
        Objects.requireNonNull(poolId, "poolId");
        if (count < 1) {
            throw new IllegalArgumentException("a pool demand needs at least one person: " + poolId + " × " + count);
        }
    }
}
