-- Master data outbound fulfilment needs (issue 9, §1): where a customer is shipped to and whom to call in a recall,
-- where a warehouse is, GS1 Global Location Numbers for both, and how an item is allocated at shipment.
-- Everything is optional for rows that exist already; the service and the API validate what is given.

-- An address is structured, as a packing list and a GS1/DSCSA document need it: lines, city, postal code, region,
-- ISO 3166-1 alpha-2 country. Given as a whole or not at all.
alter table customer
    add column ship_to_line1        varchar(100),
    add column ship_to_line2        varchar(100),
    add column ship_to_city         varchar(100),
    add column ship_to_postal_code  varchar(20),
    add column ship_to_region       varchar(60),
    add column ship_to_country      varchar(2),
    -- GS1 Global Location Number: 13 digits, the last a mod-10 check digit (checked by the service)
    add column gln                  varchar(13),
    add column recall_contact_name  varchar(200),
    add column recall_contact_email varchar(254),
    add column recall_contact_phone varchar(40),
    add constraint customer_ship_to_whole check (
        (ship_to_line1 is null and ship_to_city is null and ship_to_country is null
            and ship_to_line2 is null and ship_to_postal_code is null and ship_to_region is null)
        or (ship_to_line1 is not null and ship_to_city is not null and ship_to_country ~ '^[A-Z]{2}$')),
    add constraint customer_gln_digits check (gln ~ '^[0-9]{13}$'),
    add constraint customer_recall_contact_whole check (
        (recall_contact_name is null and recall_contact_email is null and recall_contact_phone is null)
        or (recall_contact_name is not null and recall_contact_email is not null));
-- one customer per GLN (a GLN names one party); customers without one are not constrained
create unique index customer_gln_unique on customer (gln) where gln is not null;

alter table warehouse
    add column address_line1        varchar(100),
    add column address_line2        varchar(100),
    add column address_city         varchar(100),
    add column address_postal_code  varchar(20),
    add column address_region       varchar(60),
    add column address_country      varchar(2),
    add column gln                  varchar(13),
    add constraint warehouse_address_whole check (
        (address_line1 is null and address_city is null and address_country is null
            and address_line2 is null and address_postal_code is null and address_region is null)
        or (address_line1 is not null and address_city is not null and address_country ~ '^[A-Z]{2}$')),
    add constraint warehouse_gln_digits check (gln ~ '^[0-9]{13}$');
create unique index warehouse_gln_unique on warehouse (gln) where gln is not null;

-- min_remaining_shelf_life_days is the minimum at receipt (receiving refuses shorter-dated lots); this one is the
-- minimum at shipment (allocation takes no lot with less left; a customer or an order line may ask for more).
-- fefo_window_days: expiries this close count as equal when allocation looks for the fewest lots (0: exact).
alter table item
    add column min_remaining_shelf_life_at_shipment_days integer not null default 0
        check (min_remaining_shelf_life_at_shipment_days >= 0),
    add column fefo_window_days integer not null default 0 check (fefo_window_days between 0 and 365);
