package dev.secondround.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Shapes every service's meters the same way: each carries {@code application=<quarkus.application.name>},
 * so one Prometheus (and one dashboard) tells the three services apart even without pod labels; and
 * HTTP server and client timings get a few fixed latency buckets, enough for percentiles and latency
 * alerts across instances ({@code histogram_quantile}) without a series per microsecond.
 */
@Singleton
public class MetricsTags {

    /** Bucket bounds of HTTP timings: from a quick read to the REST clients' 5 s read timeout and beyond. */
    static final Duration[] LATENCY_BUCKETS = Stream.of(25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    @Produces
    @Singleton
    MeterFilter applicationTag(@ConfigProperty(name = "quarkus.application.name") String application) {
        return MeterFilter.commonTags(Tags.of("application", application));
    }

    @Produces
    @Singleton
    MeterFilter httpLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().equals("http.server.requests") || id.getName().equals("http.client.requests")) {
                    double[] bounds = Stream.of(LATENCY_BUCKETS).mapToDouble(Duration::toNanos).toArray();
                    return DistributionStatisticConfig.builder().serviceLevelObjectives(bounds).build().merge(config);
                }
                return config;
            }
        };
    }
}
