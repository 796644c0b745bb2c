-- The epoch names the write that set the version: every content write draws a new random one (see ContentVersion).
-- A counter that goes back (a restore, a failover to a replica that was behind) and climbs again reaches the same
-- numbers with other epochs, so nothing an instance cached in the lost timeline is ever served again.
alter table content_version add column epoch bigint default 0 not null;
