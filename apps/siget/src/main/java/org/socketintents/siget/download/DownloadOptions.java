package org.socketintents.siget.download;

/**
 * What a run downloads and how.
 *
 * @param plan           the intents of each request, one phase or two
 * @param tries          how many requests one phase may take, resumptions included; at least one
 * @param layout         where objects are saved
 * @param pageRequisites whether the objects an HTML page embeds are fetched too
 * @param parallel       how many page requisites are fetched at once; at least one
 */
public record DownloadOptions(IntentPlan plan, int tries, OutputLayout layout, boolean pageRequisites,
                              int parallel) {

    public DownloadOptions {
        if (tries < 1 || parallel < 1) {
            throw new IllegalArgumentException("tries and parallel must be at least 1: " + tries + ", " + parallel);
        }
    }
}
