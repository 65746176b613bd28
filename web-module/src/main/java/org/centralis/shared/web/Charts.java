package org.centralis.shared.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * Chart.js configurations for {@code p:chart}, which takes the configuration as a JSON string.
 * Built with JSON-P so that labels from the database are escaped properly.
 */
public final class Charts {

  private Charts() {}

  /** A bar chart with one data set; one colour per bar when {@code colors} has as many entries. */
  public static String bar(List<String> labels, List<? extends Number> values, String seriesLabel, List<String> colors, boolean horizontal) {
    JsonArrayBuilder labelArray = Json.createArrayBuilder();
    labels.forEach(labelArray::add);
    JsonArrayBuilder data = Json.createArrayBuilder();
    values.forEach(v -> data.add(v.longValue()));
    JsonArrayBuilder background = Json.createArrayBuilder();
    colors.forEach(background::add);
    JsonObjectBuilder dataset =
        Json.createObjectBuilder()
            .add("label", seriesLabel)
            .add("data", data)
            .add("backgroundColor", background)
            .add("borderRadius", 4)
            .add("maxBarThickness", 42);
    JsonObjectBuilder options =
        Json.createObjectBuilder()
            .add("responsive", true)
            .add("maintainAspectRatio", false)
            .add("animation", false)
            .add("indexAxis", horizontal ? "y" : "x")
            .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("display", false)))
            .add(
                "scales",
                Json.createObjectBuilder()
                    .add(horizontal ? "x" : "y", Json.createObjectBuilder().add("beginAtZero", true).add("ticks", Json.createObjectBuilder().add("precision", 0))));
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add("data", Json.createObjectBuilder().add("labels", labelArray).add("datasets", Json.createArrayBuilder().add(dataset)))
        .add("options", options)
        .build()
        .toString();
  }
}
