package org.socketintents.siget.download;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The page requisites of an HTML page, as wget's {@code -p} takes them: the objects the page embeds (images,
 * scripts, style sheets, icons, media, frames and objects), not the pages it links to. Relative references are
 * resolved against the page's URL (or its {@code <base href>}); each object is listed once, in document order.
 * References inside style sheets are not followed.
 */
final class Requisites {

    /** Elements and the attribute holding one URL of an embedded object. */
    private static final List<String[]> SINGLE = List.of(
            new String[] {"img[src]", "src"},
            new String[] {"script[src]", "src"},
            new String[] {"source[src]", "src"},
            new String[] {"video[src]", "src"},
            new String[] {"video[poster]", "poster"},
            new String[] {"audio[src]", "src"},
            new String[] {"track[src]", "src"},
            new String[] {"embed[src]", "src"},
            new String[] {"object[data]", "data"},
            new String[] {"iframe[src]", "src"},
            new String[] {"frame[src]", "src"},
            new String[] {"input[type=image][src]", "src"},
            new String[] {"body[background], table[background], td[background], th[background]", "background"});
    /** Elements whose srcset lists candidate images. */
    private static final String SRCSET = "img[srcset], source[srcset]";
    /** The link relations that make a {@code <link href>} a requisite. */
    private static final Set<String> LINK_RELATIONS = Set.of("stylesheet", "icon", "shortcut", "apple-touch-icon",
            "apple-touch-icon-precomposed", "mask-icon", "preload", "modulepreload", "manifest");

    private Requisites() {
    }

    /**
     * @param html the page, as downloaded
     * @param url  where it was found, after redirects
     * @return the http and https URLs of its requisites, without fragments, each once, the page itself excluded
     * @throws IOException if the page cannot be read
     */
    static List<URI> of(Path html, URI url) throws IOException {
        Document page = Jsoup.parse(html.toFile(), null, url.toString());
        Set<URI> found = new LinkedHashSet<>();
        for (Element element : page.getAllElements()) {
            for (String[] rule : SINGLE) {
                if (element.is(rule[0])) {
                    add(found, element.absUrl(rule[1]));
                }
            }
            if (element.is(SRCSET)) {
                for (String candidate : element.attr("srcset").split(",")) {
                    String reference = candidate.trim().split("\\s+")[0];
                    if (!reference.isEmpty()) {
                        add(found, resolve(page.baseUri(), reference));
                    }
                }
            }
            if (element.is("link[href]") && isRequisiteLink(element)) {
                add(found, element.absUrl("href"));
            }
        }
        found.remove(withoutFragment(url.toString()));
        return List.copyOf(found);
    }

    private static boolean isRequisiteLink(Element link) {
        for (String relation : link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
            if (LINK_RELATIONS.contains(relation)) {
                return true;
            }
        }
        return false;
    }

    private static String resolve(String base, String reference) {
        try {
            return new URI(base).resolve(reference.trim().replace(" ", "%20")).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return ""; // not a URL: nothing to fetch
        }
    }

    private static void add(Set<URI> found, String absolute) {
        URI url = withoutFragment(absolute);
        if (url != null) {
            found.add(url);
        }
    }

    /** @return the http or https URL without its fragment; null for anything else */
    private static URI withoutFragment(String absolute) {
        int fragment = absolute.indexOf('#');
        String reference = (fragment >= 0 ? absolute.substring(0, fragment) : absolute).trim().replace(" ", "%20");
        try {
            URI url = new URI(reference).normalize();
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
