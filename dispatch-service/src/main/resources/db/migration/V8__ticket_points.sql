-- Events on the 大屏 map (issue 23, ADR 0050): the point the whistle was raised at (WGS-84, from whistle-raised), so
-- the wall shows open tickets as points. Tickets raised before this migration have none and stay off the map (their
-- grid is still shaded); nothing here can recover a point intake alone holds.
ALTER TABLE ticket ADD COLUMN lat DOUBLE PRECISION, ADD COLUMN lng DOUBLE PRECISION;

-- The open tickets with a point, by where they are: the map's view is a box over this small index (open tickets are a
-- few thousandths of the history), and only the newest of those inside are returned.
CREATE INDEX ticket_open_points ON ticket USING gist (point(lng, lat))
    WHERE state NOT IN ('CLOSED', 'REJECTED', 'MERGED') AND lat IS NOT NULL;
