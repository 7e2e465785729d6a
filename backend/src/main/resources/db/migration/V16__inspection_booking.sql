-- 踏勘预约: an enterprise books its joint site inspection from the site-inspection teams the departments publish.

-- A slot counts the places of a resource per half-day: a department's reception (its code) or a department's
-- site-inspection teams ('inspection:' and its code).
alter table appointment_slot rename column department to resource;

-- The half-day the enterprise booked (null when the lead department fixed the visit): given back on 改约.
alter table inspection add column booked_day date;
alter table inspection add column booked_half_day varchar(2);
-- set once, by whichever node reminds the enterprise the day before the visit (cleared when the visit moves)
alter table inspection add column reminded_at timestamp with time zone;
