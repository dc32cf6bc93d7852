-- Karya's first schema. Portable SQL: it runs on SQLite and on PostgreSQL unchanged
-- (TEXT, BIGINT, DOUBLE PRECISION; dates as ISO text so both compare them the same way).

CREATE TABLE karya_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- A publication that records cite; which fact and which words are kept on each record.
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    outlet TEXT NOT NULL,
    title TEXT,
    author TEXT,
    url TEXT,
    document TEXT
);

CREATE TABLE countries (
    alpha2 TEXT PRIMARY KEY,
    numeric_code TEXT NOT NULL,
    name_id TEXT NOT NULL,
    name_en TEXT NOT NULL,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION
);

CREATE TABLE facilities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    province TEXT NOT NULL,
    latitude DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    zoning_role TEXT NOT NULL,
    has_blk BIGINT,
    export_model TEXT NOT NULL,
    provenance TEXT NOT NULL CHECK (provenance IN ('reported', 'illustrative')),
    source_id TEXT REFERENCES sources (id),
    source_fact TEXT,
    source_quote TEXT,
    CHECK (provenance = 'illustrative' OR source_id IS NOT NULL)
);

CREATE TABLE products (
    id TEXT PRIMARY KEY,
    name_id TEXT NOT NULL,
    name_en TEXT NOT NULL,
    category TEXT NOT NULL,
    unit TEXT NOT NULL,
    status TEXT NOT NULL,
    hs_code TEXT,
    provenance TEXT NOT NULL CHECK (provenance IN ('reported', 'illustrative')),
    source_id TEXT REFERENCES sources (id),
    source_fact TEXT,
    source_quote TEXT,
    CHECK (provenance = 'illustrative' OR source_id IS NOT NULL)
);

-- Export releases (pelepasan ekspor). `date` is NULL where the source gives none.
CREATE TABLE shipments (
    id TEXT PRIMARY KEY,
    release_date TEXT,
    facility_id TEXT NOT NULL REFERENCES facilities (id),
    product_id TEXT NOT NULL REFERENCES products (id),
    country TEXT NOT NULL REFERENCES countries (alpha2),
    quantity DOUBLE PRECISION NOT NULL CHECK (quantity > 0),
    unit TEXT NOT NULL,
    value_idr BIGINT CHECK (value_idr >= 0),
    value_usd DOUBLE PRECISION CHECK (value_usd >= 0),
    provenance TEXT NOT NULL CHECK (provenance IN ('reported', 'illustrative')),
    source_id TEXT REFERENCES sources (id),
    source_fact TEXT,
    source_quote TEXT,
    CHECK (provenance = 'illustrative' OR source_id IS NOT NULL)
);
CREATE INDEX shipments_by_date ON shipments (release_date);
CREATE INDEX shipments_by_country ON shipments (country);
CREATE INDEX shipments_by_facility ON shipments (facility_id);

-- Monthly output; `month` is 'YYYY-MM'.
CREATE TABLE production_records (
    facility_id TEXT NOT NULL REFERENCES facilities (id),
    product_id TEXT NOT NULL REFERENCES products (id),
    month TEXT NOT NULL,
    quantity DOUBLE PRECISION NOT NULL CHECK (quantity >= 0),
    unit TEXT NOT NULL,
    provenance TEXT NOT NULL CHECK (provenance IN ('reported', 'illustrative')),
    source_id TEXT REFERENCES sources (id),
    source_fact TEXT,
    source_quote TEXT,
    PRIMARY KEY (facility_id, product_id, month),
    CHECK (provenance = 'illustrative' OR source_id IS NOT NULL)
);
CREATE INDEX production_by_month ON production_records (month);

CREATE TABLE supply_links (
    id TEXT PRIMARY KEY,
    supplier_id TEXT NOT NULL REFERENCES facilities (id),
    producer_id TEXT NOT NULL REFERENCES facilities (id),
    material_id TEXT NOT NULL,
    material_en TEXT NOT NULL,
    provenance TEXT NOT NULL CHECK (provenance IN ('reported', 'illustrative')),
    source_id TEXT REFERENCES sources (id),
    source_fact TEXT,
    source_quote TEXT,
    CHECK (supplier_id <> producer_id),
    CHECK (provenance = 'illustrative' OR source_id IS NOT NULL)
);

-- What a source says that is not a record of its own ("about eight countries", F8).
CREATE TABLE source_statements (
    id TEXT PRIMARY KEY,
    text_id TEXT NOT NULL,
    text_en TEXT NOT NULL,
    figure DOUBLE PRECISION,
    approximate BIGINT NOT NULL,
    countries TEXT NOT NULL,
    source_id TEXT NOT NULL REFERENCES sources (id),
    source_fact TEXT,
    source_quote TEXT
);
