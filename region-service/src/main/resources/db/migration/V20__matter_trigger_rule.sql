-- The trigger rule a regulatory matter is under, when known: a rule may say whether it is mandatory and suspensory
-- (Germany's cross-sector review, AWV § 55, is neither, though the AWV's notifiable acquisitions are both), and a
-- matter under such a rule blocks a deal's completion as the rule says, not as the regime's version does. Null: the
-- version's flags, as before.
alter table regulatory_matter add column trigger_rule varchar(40);
