package org.socketintents.lab.report;

import java.awt.Color;
import java.awt.Rectangle;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

import org.socketintents.lab.scenario.Measurement;

/** The paper's kinds of figure from measurements: page load box plots (5, 6), completion time by size (7). */
public final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private Charts() {
    }

    /** One box per variant and page, in seconds. */
    public static JFreeChart pageLoadBoxPlot(String title, List<Measurement> measurements) {
        DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
        for (Map.Entry<String, Map<String, List<Double>>> variant : secondsBy(measurements).entrySet()) {
            variant.getValue().forEach((page, seconds) -> dataset.add(seconds, variant.getKey(), page));
        }
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        renderer.setMeanVisible(false);
        renderer.setFillBox(true);
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis("page"),
                new NumberAxis("page load time (s)"), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Median completion time against object size per variant, with the quartiles as error bars. */
    public static JFreeChart completionBySize(String title, List<Measurement> measurements) {
        Map<String, Map<Long, List<Double>>> byVariant = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            if (m.valid()) {
                byVariant.computeIfAbsent(m.variant(), v -> new TreeMap<>())
                        .computeIfAbsent(m.bytes(), b -> new ArrayList<>()).add(m.millis() / 1000);
            }
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        byVariant.forEach((variant, bySize) -> {
            YIntervalSeries series = new YIntervalSeries(variant);
            bySize.forEach((bytes, seconds) -> {
                Quartiles q = Quartiles.of(seconds);
                series.add(bytes / 1024.0, q.median(), q.q1(), q.q3());
            });
            dataset.addSeries(series);
        });
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        XYPlot plot = new XYPlot(dataset, new NumberAxis("object size (KiB)"), new NumberAxis("completion time (s)"),
                renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Writes {@code base}.png and {@code base}.svg. */
    public static void save(JFreeChart chart, Path base) throws IOException {
        ChartUtils.saveChartAsPNG(new File(base + ".png"), chart, WIDTH, HEIGHT);
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
        SVGUtils.writeToSVG(new File(base + ".svg"), svg.getSVGElement());
    }

    /** Valid measurements in seconds, by variant then subject, in the order they were measured. */
    static Map<String, Map<String, List<Double>>> secondsBy(List<Measurement> measurements) {
        Map<String, Map<String, List<Double>>> result = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            if (m.valid()) {
                result.computeIfAbsent(m.variant(), v -> new LinkedHashMap<>())
                        .computeIfAbsent(m.subject(), s -> new ArrayList<>()).add(m.millis() / 1000);
            }
        }
        return result;
    }
}
