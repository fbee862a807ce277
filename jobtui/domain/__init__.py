"""What jobtui knows, as pure data and rules: job records and statuses, a watched job's
state and history, the events the poller emits, typed errors, time formats and the
parsing of pasted IDs. No I/O, no clock reads. It imports nothing else of jobtui, and
neither httpx nor textual.
"""
