-- Unused since duplicate search compares within the (province, received_at) window; see docs/benchmarks.md.
DROP INDEX "reports_search_text_trgm_idx";