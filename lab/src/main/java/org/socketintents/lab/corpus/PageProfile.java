package org.socketintents.lab.corpus;

/**
 * The shape of a web page's embedded objects: how many, smallest, largest, median and mean size in bytes, and which
 * share of them are scripts and style sheets (the rest are images). The two profiles are the paper's snapshots of
 * June 10th, 2013 (section 4), with KB read as 1024 bytes; the shares are typical of such pages, not from the paper.
 */
public record PageProfile(String name, int objects, long minBytes, long maxBytes, long medianBytes, long meanBytes,
        double scriptShare, double styleShare) {

    /** New York Times landing page: about 130 objects, 48 B to 263 KB, median 6 KB, mean 21 KB, 2.8 MB. */
    public static final PageProfile NEWS =
            new PageProfile("news", 130, 48, 263 * 1024, 6 * 1024, 21 * 1024, 0.22, 0.07);
    /** Flickr explore page: about 30 objects, 43 B to 572 KB, median 65 KB, mean 94 KB, 2.8 MB. */
    public static final PageProfile PHOTO =
            new PageProfile("photo", 30, 43, 572 * 1024, 65 * 1024, 94 * 1024, 0.10, 0.04);

    public PageProfile {
        if (objects < 4) {
            throw new IllegalArgumentException("a page needs at least 4 objects");
        }
        if (!(0 < minBytes && minBytes < medianBytes && medianBytes < meanBytes && meanBytes < maxBytes)) {
            throw new IllegalArgumentException("need 0 < min < median < mean < max: " + this);
        }
        if (scriptShare < 0 || styleShare < 0 || scriptShare + styleShare > 1) {
            throw new IllegalArgumentException("script and style shares must be fractions summing to at most 1");
        }
        if (meanBytes * objects > maxBytes * (objects - objects / 2 - 1) + medianBytes * (objects / 2 + 1)) {
            throw new IllegalArgumentException("mean too large for the largest object: " + this);
        }
    }

    public long totalBytes() {
        return meanBytes * objects;
    }
}
