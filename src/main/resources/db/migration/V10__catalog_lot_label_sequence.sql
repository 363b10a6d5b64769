-- Internal lot labels (LL + 8 digits) come from this sequence: unique, short, and scannable as Code 128.
create sequence lot_internal_label_seq start with 1 increment by 1;
