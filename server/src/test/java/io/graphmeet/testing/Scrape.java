package io.graphmeet.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.MetricType;

/** One scrape of {@code /observe/metrics}, read by a Prometheus text-format parser (Hawkular's scraper). */
public record Scrape(List<MetricFamily> families, String text) {

    /** Scrapes {@code managementUrl}{@code /observe/metrics}. */
    public static Scrape of(String managementUrl) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(managementUrl + "/observe/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("scrape answered " + response.statusCode());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Scrape parse(String text) {
        List<MetricFamily> families = new ArrayList<>();
        try {
            var parser =
                    new TextPrometheusMetricDataParser(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            for (MetricFamily family = parser.parse(); family != null; family = parser.parse()) {
                families.add(family);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Scrape(List.copyOf(families), text);
    }

    public Optional<MetricFamily> family(String name) {
        return families.stream().filter(family -> family.getName().equals(name)).findFirst();
    }

    public MetricType type(String name) {
        return family(name)
                .orElseThrow(() -> new AssertionError("no metric family " + name))
                .getType();
    }

    /** The sample of family {@code name} whose labels include {@code labels}, if there is one. */
    public Optional<Metric> sample(String name, Map<String, String> labels) {
        return family(name)
                .flatMap(family -> family.getMetrics().stream()
                        .filter(metric -> metric.getLabels().entrySet().containsAll(labels.entrySet()))
                        .findFirst());
    }

    /** A counter's or gauge's value; 0 when the sample is absent. */
    public double value(String name, Map<String, String> labels) {
        return sample(name, labels)
                .map(metric -> switch (metric) {
                    case Counter counter -> counter.getValue();
                    case Gauge gauge -> gauge.getValue();
                    default -> throw new AssertionError(name + " is neither a counter nor a gauge");
                })
                .orElse(0.0);
    }

    /** A histogram's sample count; 0 when absent. */
    public long count(String name, Map<String, String> labels) {
        return sample(name, labels)
                .map(metric -> ((Histogram) metric).getSampleCount())
                .orElse(0L);
    }
}
