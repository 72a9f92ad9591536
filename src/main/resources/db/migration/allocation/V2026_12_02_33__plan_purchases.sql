-- What a plan would buy through IFPA beside what it ships from the reserves: tonnes of an offer for a demand, at
-- the offer's landed cost per tonne (price plus freight), shipped and arriving on the dates given. The offer is
-- named by its id on the board and its seller (whom the RFQ draft invites); the plan keeps the figures it was solved with.
CREATE TABLE allocation.plan_purchase (
    plan_id          bigint        NOT NULL REFERENCES allocation.plan (id),
    purchase_no      integer       NOT NULL,
    demand_no        integer       NOT NULL,
    offer_id         bigint        NOT NULL,
    seller_id        uuid          NOT NULL,
    hs_code          text          NOT NULL,
    commodity_code   text          NOT NULL,
    tonnes           numeric(14,3) NOT NULL CHECK (tonnes > 0),
    landed_per_tonne numeric(14,2) NOT NULL,
    cost             numeric(16,2) NOT NULL,
    shipment         date          NOT NULL,
    arrival          date          NOT NULL,
    PRIMARY KEY (plan_id, purchase_no)
);
