-- The audit log keeps the day of an event, not its time, and no sign-ins (docs/anonymity.md): a sign-in's
-- time told who was active in the hour an anonymous act was released.
delete from audit_event where kind = 'SIGNED_IN';
update audit_event set occurred_at = cast(cast(occurred_at as date) as timestamp with time zone);
