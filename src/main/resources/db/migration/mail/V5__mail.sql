-- Every message the instance sends. Without SMTP, administrators read them on the outbox page.
create table mail_outbox (
    id uuid primary key,
    recipient varchar(254) not null,
    subject varchar(200) not null,
    body varchar(2000) not null,
    created_at timestamp with time zone not null,
    delivered boolean not null
);
create index mail_outbox_created on mail_outbox (created_at);
