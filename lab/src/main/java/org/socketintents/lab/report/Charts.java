package org.socketintents.lab.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import javax.imageio.ImageIO;

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

import org.socketintents.lab.scenario.BulkVersusQuery;
import org.socketintents.lab.scenario.Measurement;

/**
 * The paper's kinds of figure from measurements: page load box plots (5, 6), completion time by size (7), and the
 * bulk download's goodput beside Figure 5.
 */
public final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private Charts() {
    }

    /** One box per variant and page, in seconds. */
    public static JFreeChart pageLoadBoxPlot(String title, List<Measurement> measurements) {
        return boxPlot(title, "page", "page load time (s)", measurements, Measurement::subject, m -> m.millis() / 1000);
    }

    /** One box per variant and page loaded beside the bulk download, in Mbit/s of the bulk download. */
    public static JFreeChart bulkThroughputBoxPlot(String title, List<Measurement> measurements) {
        return boxPlot(title, "while loading page", "bulk download goodput (Mbit/s)", measurements,
                m -> BulkVersusQuery.pageBeside(m.subject()), Measurement::megabitsPerSecond);
    }

    private static JFreeChart boxPlot(String title, String categoryLabel, String valueLabel,
            List<Measurement> measurements, Function<Measurement, String> category,
            ToDoubleFunction<Measurement> value) {
        DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
        for (Map.Entry<String, Map<String, List<Double>>> variant : valuesBy(measurements, category, value)
                .entrySet()) {
            variant.getValue().forEach((column, values) -> dataset.add(values, variant.getKey(), column));
        }
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        renderer.setMeanVisible(false);
        renderer.setFillBox(true);
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(categoryLabel), new NumberAxis(valueLabel),
                renderer);
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
        saveSideBySide(List.of(chart), base);
    }

    /** Writes the charts next to each other, each at the size of a single chart, as {@code base}.png and .svg. */
    public static void saveSideBySide(List<JFreeChart> charts, Path base) throws IOException {
        int width = WIDTH * charts.size();
        BufferedImage image = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D png = image.createGraphics();
        SVGGraphics2D svg = new SVGGraphics2D(width, HEIGHT);
        for (int i = 0; i < charts.size(); i++) {
            Rectangle area = new Rectangle(i * WIDTH, 0, WIDTH, HEIGHT);
            charts.get(i).draw(png, area);
            charts.get(i).draw(svg, area);
        }
        png.dispose();
        ImageIO.write(image, "png", new File(base + ".png"));
        SVGUtils.writeToSVG(new File(base + ".svg"), svg.getSVGElement());
    }

    /** Valid measurements' values by variant then category, in the order they were measured. */
    static Map<String, Map<String, List<Double>>> valuesBy(List<Measurement> measurements,
            Function<Measurement, String> category, ToDoubleFunction<Measurement> value) {
        Map<String, Map<String, List<Double>>> result = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            if (m.valid()) {
                result.computeIfAbsent(m.variant(), v -> new LinkedHashMap<>())
                        .computeIfAbsent(category.apply(m), s -> new ArrayList<>()).add(value.applyAsDouble(m));
            }
        }
        return result;
    }
}
