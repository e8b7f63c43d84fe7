package org.pairbench.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pairbench.report.data.ResourceCosts;

/**
 * The step axis of the resource-cost bars: XChart keeps only tick sets whose labels are unique and at most 20
 * characters long (and widens its tick step forever otherwise), so every label the formatter can give must be.
 */
class StepBarsTest {
    private static final List<String> STEPS = List.of("hello-closed-1c", "hello-open-3000rps-idle1000-probe",
            "hello-closed-64c");

    @TempDir
    Path dir;

    @Test
    void wholeXShowsItsStepAndEveryOtherTickIsInvisibleAndUnique() {
        assertThat(StepBars.label(STEPS, 0)).isEqualTo("hello-closed-1c");
        assertThat(StepBars.label(STEPS, 2.0000000001)).isEqualTo("hello-closed-64c");
        assertThat(StepBars.label(STEPS, 1)).hasSize(StepBars.MAX_LABEL).startsWith("hello-open-3000rps").endsWith("\u2026");

        Set<String> labels = new HashSet<>();
        List<Double> ticks = new ArrayList<>();
        // every tick of XChart's candidate steps 0.1 .. 100 over this axis, overshoot included
        for (double step : new double[] {0.1, 0.2, 0.5, 1, 2, 5, 10, 100}) {
            labels.clear();
            ticks.clear();
            for (double x = -2 * step; x < STEPS.size() + 2 * step; x += step) {
                ticks.add(Math.round(x * 1000) / 1000.0);
            }
            ticks.forEach(x -> labels.add(StepBars.label(STEPS, x)));
            assertThat(labels).as("step " + step).hasSize(ticks.size())
                    .allSatisfy(l -> assertThat(l.length()).isBetween(1, StepBars.MAX_LABEL));
        }
        assertThat(StepBars.label(STEPS, 0.5).replace("\u200b", "").strip()).isEmpty();
    }

    @Test
    void manyStepsAndLongIdsStillDrawWithUprightLabels() throws Exception {
        List<String> steps = IntStream.range(0, 30).mapToObj(i -> "hello-open-" + i + "000rps-idle1000").toList();
        List<ResourceCosts.Point> points = IntStream.range(0, steps.size())
                .mapToObj(i -> new ResourceCosts.Point(i, 1, 1e-4 * (i + 1), i % 7 != 3)).toList();
        ResourceCosts costs = new ResourceCosts(steps, List.of(new ResourceCosts.Series("aiohttp.aa", points,
                points.stream().filter(ResourceCosts.Point::valid).toList())));

        assertThat(StepBars.rotation(steps)).isEqualTo(90);
        assertThat(StepBars.rotation(List.of("a", "b"))).isZero();
        assertThat(ChartStyle.save(CpuPerRequestChart.build("t", costs, new VariantColors()), dir, "c", true))
                .hasSize(2).allSatisfy(f -> assertThat(f).isNotEmptyFile());
    }
}
