package dev.secondround.e2e;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** For a story told in ordered steps: once a step fails, the later steps are reported as skipped (disabled). */
final class StopAfterFirstFailure implements TestWatcher, ExecutionCondition {

    private String failedStep;

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (failedStep == null) {
            failedStep = context.getDisplayName();
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return failedStep == null || context.getTestMethod().isEmpty()
                ? ConditionEvaluationResult.enabled("no step failed so far")
                : ConditionEvaluationResult.disabled("skipped: the earlier step \"" + failedStep + "\" failed");
    }
}
