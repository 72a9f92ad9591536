-- When a deal was found overdue (its delivery window closed before delivery) and its parties were told, once.
ALTER TABLE trade.deal ADD COLUMN overdue_notified_on date;

CREATE INDEX deal_open_delivery_idx ON trade.deal (delivery_until)
    WHERE status IN ('CONTRACTED', 'SHIPPED') AND overdue_notified_on IS NULL;
