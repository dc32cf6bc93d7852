-- Facilities named for a product beyond its production and releases, such as the future
-- maker of a planned product (F10: vannamei shrimp from Nusakambangan).
CREATE TABLE product_facilities (
    product_id  TEXT NOT NULL REFERENCES products (id),
    facility_id TEXT NOT NULL REFERENCES facilities (id),
    PRIMARY KEY (product_id, facility_id)
);
