package com.crossdock.platform.poller;

/**
 * One paged list of a vendor that reconciliation walks through (Prodsmart's products with their stock, its open
 * production orders), through the budget's reconciliation client ({@link PollerBudget#reconciliation()}).
 */
public interface ReconciliationPass {

    /** What the pages hold, for the log: {@code products}. */
    String name();

    /**
     * Reads page {@code page} (from 1) and returns the records that publish it, and whether it was full (then the
     * next page is read). Counts what it found with {@link ReconciliationRun#count}. A failure ends the run; the
     * next run heals what this one missed.
     */
    Page read(int page, ReconciliationRun run) throws InterruptedException;

    /** A pass named {@code name} whose pages {@code reader} reads. */
    static ReconciliationPass of(String name, PageReader reader) {
        return new ReconciliationPass() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Page read(int page, ReconciliationRun run) throws InterruptedException {
                return reader.read(page, run);
            }
        };
    }

    /** {@link ReconciliationPass#read} as a function. */
    @FunctionalInterface
    interface PageReader {
        Page read(int page, ReconciliationRun run) throws InterruptedException;
    }
}
