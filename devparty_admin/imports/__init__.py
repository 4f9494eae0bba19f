"""Excel import of candidates and members: a template, a dry run that lists every row's errors
and what would be created or updated (matched on CCCD), then an all-or-nothing commit."""
