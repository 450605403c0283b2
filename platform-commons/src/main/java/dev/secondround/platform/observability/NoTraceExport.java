package dev.secondround.platform.observability;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Spans go nowhere unless an OTLP endpoint is configured ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, see
 * docs/observability.md). Quarkus would otherwise export to {@code localhost:4317} by default, and
 * every batch would fail with a warning where no collector runs. While this bean can be looked up,
 * Quarkus installs no OTLP exporter; spans are still made, so trace ids reach the logs and
 * {@code traceparent} reaches the services we call and the outbox.
 */
@Singleton
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = "never-matches", lookupIfMissing = true)
public class NoTraceExport implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
