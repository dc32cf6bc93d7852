-- Exchange rates (exchange_rates.csv): rupiah per US dollar by day, each citing its source
-- (e.g. Bank Indonesia's JISDOR). A release's missing currency is converted only with the rate
-- of its own date. Portable SQL as before: it runs on SQLite and PostgreSQL unchanged.

CREATE TABLE exchange_rates (
    rate_date TEXT PRIMARY KEY,
    idr_per_usd DOUBLE PRECISION NOT NULL,
    source_id TEXT NOT NULL REFERENCES sources (id),
    source_fact TEXT,
    source_quote TEXT
);
