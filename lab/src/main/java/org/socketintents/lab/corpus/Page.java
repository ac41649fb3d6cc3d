package org.socketintents.lab.corpus;

import java.util.List;
import java.util.stream.IntStream;

/** A generated page: its profile and its objects in the order the page references them. */
public record Page(PageProfile profile, List<PageObject> objects) {

    public Page {
        objects = List.copyOf(objects);
    }

    /** Every {@code stride}-th object in page order, from the first: a shorter page of the same making. */
    public Page everyNth(int stride) {
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be at least 1: " + stride);
        }
        return new Page(profile, IntStream.iterate(0, i -> i < objects.size(), i -> i + stride)
                .mapToObj(objects::get).toList());
    }

    public long totalBytes() {
        return objects.stream().mapToLong(PageObject::bytes).sum();
    }

    /** index.html: style sheets and scripts in the head, images in the body, in page order. */
    public String html() {
        StringBuilder head = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (PageObject o : objects) {
            switch (o.kind()) {
                case STYLE -> head.append("<link rel=\"stylesheet\" href=\"").append(o.path()).append("\">\n");
                case SCRIPT -> head.append("<script src=\"").append(o.path()).append("\"></script>\n");
                default -> body.append("<img src=\"").append(o.path()).append("\" alt=\"\">\n");
            }
        }
        return "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + profile.name()
                + " (Socket Intents lab corpus)</title>\n" + head + "</head>\n<body>\n<h1>" + profile.name()
                + "</h1>\n" + body + "</body>\n</html>\n";
    }
}
